import { describe, expect, it } from 'vitest'
import { renderBillPdf } from '../../../src-main/billing/pdf/render-bill-pdf'
import { invoiceDocument, manyLines } from './fixtures/bill-documents'
import { pageCount, pdfText, qpdfCheck, uncompressed } from './fixtures/pdf-tools'

const oneLine = (text: string) => text.replace(/\s+/g, ' ')

/** The fill colours a file paints with, as pdf-lib writes them ("r g b rg"). */
function fills(bytes: Uint8Array): Set<string> {
  const found = uncompressed(bytes).match(/^[\d.]+ [\d.]+ [\d.]+ rg$/gm) ?? []
  return new Set(
    found.map((fill) =>
      fill
        .split(' ')
        .slice(0, 3)
        .map(Number)
        .map((n) => Math.round(n * 255))
        .join(','),
    ),
  )
}

const RED = '187,34,51'
const GREEN = '128,151,8'
const BLUE = '44,88,153'

function feeDocument() {
  const [first, ...others] = manyLines(3)
  return invoiceDocument({
    type: 'FEE',
    number: 'C2024000007',
    total: '60.00',
    taxes: [{ rate: '0', base: '60.00', tax: '0.00' }],
    lines: [{ ...first!, description: 'Membership fee 2024' }, ...others],
  })
}

// Spec: billing 8.1 and 8.3.
describe('renderBillPdf accent colours', () => {
  it('paints an invoice in dark red', async () => {
    const colours = fills(await renderBillPdf(invoiceDocument()))
    expect(colours).toContain(RED)
    expect(colours).not.toContain(BLUE)
  })

  it('paints an amendment invoice in the default layout and names it', async () => {
    const bytes = await renderBillPdf(invoiceDocument({ type: 'AMENDMENTINVOICE' }))
    expect(fills(bytes)).toContain(RED)
    expect(pdfText(bytes)).toContain('Amendment invoice')
    expect(pdfText(bytes)).toContain('AMENDMENT INVOICE DATE')
  })

  it('prints an amendment fee in the default layout, with its lines table', async () => {
    const bytes = await renderBillPdf(invoiceDocument({ type: 'AMENDMENTFEE' }))
    expect(fills(bytes)).toContain(RED)
    expect(pdfText(bytes, { layout: true })).toMatch(/id +description +period/)
  })
})

// Spec: billing 8.3.
describe('renderBillPdf pro forma layout', () => {
  it('paints the default layout in blue', async () => {
    const bytes = await renderBillPdf(invoiceDocument({ type: 'PROFORMA', number: 'P1' }))
    const colours = fills(bytes)
    expect(colours).toContain(BLUE)
    expect(colours).not.toContain(RED)
    expect(pdfText(bytes, { layout: true })).toMatch(/id +description +period/)
  })

  it('leaves out the payment block and keeps the questions', async () => {
    const text = oneLine(pdfText(await renderBillPdf(invoiceDocument({ type: 'PROFORMA' }))))
    expect(text).not.toContain('PAYMENT')
    expect(text).not.toContain('bank transfer')
    expect(text).not.toContain('ES91 2100')
    expect(text).toContain('QUESTIONS')
    expect(text).toContain('Pro forma F2024000123')
    expect(text).toContain('PRO FORMA DATE')
  })
})

// Spec: billing 8.2.
describe('renderBillPdf fee layout', () => {
  it('writes one green page without page numbers', async () => {
    const bytes = await renderBillPdf(feeDocument())
    expect(qpdfCheck(bytes).status).toBe(0)
    expect(pageCount(bytes)).toBe(1)
    expect(fills(bytes)).toContain(GREEN)
    expect(pdfText(bytes)).not.toContain('Page 1')
  })

  it('numbers its pages only when many lines run onto a second one', async () => {
    const doc = { ...feeDocument(), lines: [...feeDocument().lines, ...manyLines(70)] }
    const bytes = await renderBillPdf(doc)
    expect(pageCount(bytes)).toBe(2)
    expect(pdfText(bytes, { page: 2 })).toContain('Page 2 of 2')
    expect(pdfText(bytes)).toContain('Service number 70')
  })

  it('prints the type, the number and the closing date written out', async () => {
    const text = pdfText(await renderBillPdf(feeDocument()))
    expect(text).toMatch(/Fee\s+C2024000007\s+May 31, 2024/)
  })

  it('prints the total, the due date and the seller account in the box', async () => {
    const text = oneLine(pdfText(await renderBillPdf(feeDocument())))
    expect(text).toContain('60.00 €')
    expect(text).toContain('Due date 2024-06-30')
    expect(text).toContain('On ES91 2100 0418 4502 0005 1332 (Orchestra Bank)')
  })

  it('leaves the seller account out of the box when the payment method has a message', async () => {
    const doc = { ...feeDocument(), paymentMessage: 'Paid by direct debit.' }
    const text = oneLine(pdfText(await renderBillPdf(doc)))
    expect(text).not.toContain('On ES91')
    expect(text).toContain('Paid by direct debit.')
  })

  it('takes the period from the first line and lists the other lines', async () => {
    const text = pdfText(await renderBillPdf(feeDocument()))
    expect(text).toContain('Membership fee 2024')
    expect(text).toContain("From Jan. '24 to Dec. '24")
    expect(text).toMatch(/•\s+Service number 2/)
    expect(text).toMatch(/•\s+Service number 3/)
    expect(oneLine(text)).toContain('Thank you for your membership.')
  })

  it('prints the buyer and the common footer', async () => {
    const text = oneLine(pdfText(await renderBillPdf(feeDocument())))
    expect(text).toContain('Łukasz Żółć')
    expect(text).toContain('COMMENTS')
    expect(text).toContain('PAYMENT')
    expect(text).toContain('QUESTIONS')
  })
})

describe('renderBillPdf captions', () => {
  it('prints the captions in the account language', async () => {
    const text = oneLine(pdfText(await renderBillPdf(invoiceDocument({ language: 'es' }))))
    expect(text).toContain('Factura F2024000123')
    expect(text).toContain('VENCIMIENTO')
    expect(text).toContain('subtotal IVA 21%')
    expect(text).toContain('Página 1 de 1')
  })

  it('falls back to English for a language without captions', async () => {
    const text = pdfText(await renderBillPdf(invoiceDocument({ language: 'fi' })))
    expect(text).toContain('Page 1 of 1')
  })
})
