import type { BillDocument, BillDocumentLine } from '../src-main/billing/bill-document'

/**
 * The same invoice as HTML for wkhtmltopdf, the original's renderer: every block our PDF
 * prints (logo placeholder, seller, title, the three boxes, buyer, lines with sublines, taxes,
 * total, tax note, comments, payment and questions) in the same DejaVu Sans, so both sides
 * typeset the same content. Only "Page X of Y" is missing: Debian's wkhtmltopdf is built on
 * an unpatched Qt that ignores the footer options, so the reference does slightly less work.
 */
export function invoiceHtml(doc: BillDocument): string {
  const amount = (value: string) => (value === '' ? '' : `${esc(value)} ${esc(doc.currency)}`)
  const party = (p: BillDocument['buyer']) =>
    [p.vat && `VAT ${p.vat}`, p.address, `${p.zipcode} - ${p.city}`, p.country]
      .filter(Boolean)
      .map((line) => `<div>${esc(line)}</div>`)
      .join('')
  const taxes = doc.taxes
    .map(
      (tax) =>
        `<tr><td>subtotal ${esc(tax.rate)}% VAT</td><td>${amount(tax.base)}</td></tr>` +
        `<tr><td>taxes ${esc(tax.rate)}% VAT</td><td>${amount(tax.tax)}</td></tr>`,
    )
    .join('')
  return `<!doctype html><html lang="${esc(doc.language)}"><head><meta charset="utf-8">
<title>Invoice ${esc(doc.number)}</title><style>${STYLE}</style></head><body>
<header><div class="left"><div class="logo">YOUR LOGO HERE</div>
<div class="party"><b>${esc(doc.seller.name)}</b>${party(doc.seller)}
<div>${esc(doc.seller.phone)}</div><div>${esc(doc.seller.email)}</div>
<div>${esc(doc.seller.website)}</div></div></div>
<div class="right"><h1>Invoice</h1><h2>${esc(doc.number)}</h2>
<div class="boxes"><div><small>DUE DATE</small>${esc(doc.dueOn)}</div>
<div><small>TOTAL</small>${amount(doc.total)}</div>
<div><small>INVOICE DATE</small>${esc(doc.billDate)}</div></div>
<div class="party"><b>${esc(doc.buyer.name)}</b>${party(doc.buyer)}</div></div></header>
<table class="lines"><thead><tr><th>id</th><th>description</th><th>period</th>
<th class="n">hrs/qty</th><th class="n">rate/price</th><th class="n">subtotal</th></tr></thead>
<tbody>${doc.lines.map((line) => lineRows(line, amount)).join('')}</tbody></table>
<table class="totals">${taxes}<tr class="total"><td>total</td><td>${amount(doc.total)}</td></tr>
</table><p>${esc(doc.taxNote)}</p>
<footer><div><small>COMMENTS</small><p>${esc(doc.comments).replace(/\n/g, '<br>')}</p></div>
<div><small>PAYMENT</small><p>You can pay this invoice by bank transfer. Please state your
name and the invoice number. Our bank account number is <b>${esc(doc.seller.bankAccount)}</b></p>
<small>QUESTIONS</small><p>If you have any question, please write to us at
${esc(doc.seller.email)}. We will reply as soon as we read your message.</p></div></footer>
</body></html>`
}

function lineRows(line: BillDocumentLine, amount: (value: string) => string): string {
  const sublines = line.sublines
    .map(
      (sub) =>
        `<tr class="sub"><td></td><td colspan="4">${esc(sub.description)}</td>` +
        `<td class="n">${amount(sub.total)}</td></tr>`,
    )
    .join('')
  return (
    `<tr><td>${esc(line.id)}</td><td>${esc(line.description)}</td><td>${esc(line.period)}</td>` +
    `<td class="n">${esc(line.quantity)}</td><td class="n">${amount(line.rate)}</td>` +
    `<td class="n">${amount(line.subtotal)}</td></tr>${sublines}`
  )
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' }

function esc(text: string): string {
  return text.replace(/[&<>"]/g, (character) => ESCAPES[character]!)
}

const STYLE = `
body { font-family: 'DejaVu Sans'; font-size: 9pt; color: #222; margin: 0; }
header { display: flex; display: -webkit-box; }
header .left { width: 250pt; } header .right { -webkit-box-flex: 1; }
.logo { font-size: 15pt; font-weight: bold; color: #999; border-bottom: 2pt solid #B23; }
.party { color: #666; margin-top: 12pt; } .party b { color: #222; font-size: 10pt; }
h1 { color: #B23; font-size: 22pt; margin: 0; } h2 { color: #B23; font-size: 14pt; margin: 0; }
.boxes { display: -webkit-box; margin-top: 8pt; }
.boxes div { border: 0.75pt solid #B23; padding: 4pt; margin-right: 6pt; width: 72pt;
  font-weight: bold; font-size: 10.5pt; }
small { display: block; font-size: 7pt; color: #666; font-weight: bold; }
table.lines { width: 100%; border-collapse: collapse; margin-top: 22pt; font-size: 8.5pt; }
table.lines thead { display: table-header-group; }
table.lines th { background: #B23; color: white; text-align: left; padding: 3pt; }
table.lines td { padding: 3pt; border-bottom: 0.5pt solid #ccc; vertical-align: top; }
table.lines tr { page-break-inside: avoid; }
.n { text-align: right; } tr.sub td { color: #666; padding-left: 15pt; }
table.totals { margin-left: auto; width: 260pt; margin-top: 10pt; }
table.totals td:last-child { text-align: right; }
tr.total td { font-size: 11pt; font-weight: bold; border-top: 1pt solid #B23; }
tr.total td:last-child { color: #B23; }
footer { display: -webkit-box; border-top: 1pt solid #B23; margin-top: 12pt; font-size: 8.5pt; }
footer > div { -webkit-box-flex: 1; width: 50%; } footer small { color: #B23; }
`
