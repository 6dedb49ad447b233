import { describe, expect, it } from 'vitest'
import { renderBillPdf } from '../../../src-main/billing/pdf/render-bill-pdf'
import { invoiceDocument, manyLines } from './fixtures/bill-documents'
import {
  imageCount,
  pageCount,
  pdfFonts,
  pdfInfo,
  pdfText,
  qpdfCheck,
  solidPng,
  wordBoxes,
} from './fixtures/pdf-tools'

const oneLine = (text: string) => text.replace(/\s+/g, ' ')
/**
 * A page's characters in the order they are drawn, without spaces: pdftotext splits rotated
 * text into scattered letters, but -raw keeps them in drawing order.
 */
const drawnText = (bytes: Uint8Array, page: number) =>
  pdfText(bytes, { page, raw: true }).replace(/\s+/g, '')

// Spec: billing 8.1, the default layout.
describe('renderBillPdf', () => {
  it('writes a file qpdf finds no error in', async () => {
    const result = qpdfCheck(await renderBillPdf(invoiceDocument()))
    expect(result.stdout).toContain('No syntax or stream encoding errors found')
    expect(result.status).toBe(0)
  })

  it('embeds every font it uses', async () => {
    const fonts = pdfFonts(await renderBillPdf(invoiceDocument()))
    expect(fonts.map((font) => font.type)).toEqual(['CID TrueType', 'CID TrueType'])
    expect(fonts.every((font) => font.embedded)).toBe(true)
  })

  it('embeds subsets of the fonts, not the whole files', async () => {
    const bytes = await renderBillPdf(invoiceDocument())
    // The two DejaVu files are 1.4 MB together.
    expect(bytes.length).toBeLessThan(60_000)
  })

  it.each(['Łukasz Żółć', 'Ελένη Παπαδοπούλου', 'Дмитрий Иванов', 'Núria Çelik'])(
    'gives back the customer name %s',
    async (name) => {
      const doc = invoiceDocument({ buyer: { ...invoiceDocument().buyer, name } })
      expect(pdfText(await renderBillPdf(doc))).toContain(name)
    },
  )

  it('gives back every line, its period, quantity, rate and subtotal', async () => {
    const text = pdfText(await renderBillPdf(invoiceDocument()), { layout: true })
    expect(text).toMatch(
      /1042 +Web hosting, professional plan +Jan\. '24 \/ Dec\. '24 +1 +120\.00 € +120\.00 €/,
    )
    expect(text).toMatch(/Loyalty discount +-12\.00 €/)
    expect(text).toMatch(
      /1043 +Mailbox ana@example\.org +March 15, '24 \/ +2\.5 +4\.00 € +10\.00 €/,
    )
    expect(text).toMatch(/L77 +Domain registration example\.org +May '24 +1 +15\.00 €/)
  })

  it('gives back the tax subtotals, the taxes and the total', async () => {
    const text = pdfText(await renderBillPdf(invoiceDocument()), { layout: true })
    expect(text).toMatch(/subtotal 21% VAT +118\.00 €/)
    expect(text).toMatch(/taxes 21% VAT +24\.78 €/)
    expect(text).toMatch(/subtotal 10\.5% VAT +15\.00 €/)
    expect(text).toMatch(/taxes 10\.5% VAT +1\.58 €/)
    expect(text).toMatch(/total +159\.36 €/)
    expect(text).toMatch(/TOTAL[\s\S]*159\.36 €/)
  })

  it('prints the seller, the buyer, the title, the number and the dates', async () => {
    const text = oneLine(pdfText(await renderBillPdf(invoiceDocument())))
    for (const expected of [
      'Orchestra Hosting Cooperative',
      'VAT ESB12345678',
      '08012 - Barcelona',
      'sales@orchestra.example',
      'www.orchestra.example',
      'VAT PL5260250274',
      '00-514 - Warszawa',
      'Invoice F2024000123',
      'DUE DATE',
      '2024-06-30',
      'INVOICE DATE',
      '2024-05-31',
      'YOUR LOGO HERE',
    ]) {
      expect(text).toContain(expected)
    }
  })

  it('states the tax note under the totals', async () => {
    const text = pdfText(await renderBillPdf(invoiceDocument()), { layout: true })
    expect(text).toMatch(
      /total +159\.36 €\s+Reverse charge: VAT to be accounted for by the recipient/,
    )
  })

  it('asks for a bank transfer to the seller account without a payment message', async () => {
    const text = oneLine(pdfText(await renderBillPdf(invoiceDocument())))
    expect(text).toContain('PAYMENT')
    expect(text).toContain('You can pay this invoice by bank transfer. Please state your name')
    expect(text).toContain(
      'Our bank account number is ES91 2100 0418 4502 0005 1332 (Orchestra Bank)',
    )
  })

  it('prints the payment method message instead of the transfer instruction', async () => {
    const doc = invoiceDocument({ paymentMessage: 'We will debit your account ES12 3456.' })
    const text = oneLine(pdfText(await renderBillPdf(doc)))
    expect(text).toContain('PAYMENT')
    expect(text).toContain('We will debit your account ES12 3456.')
    expect(text).not.toContain('bank transfer')
  })

  it('prints the comments line by line and the questions address', async () => {
    const text = pdfText(await renderBillPdf(invoiceDocument()))
    expect(text).toContain('Thank you for trusting us.\nYour renewal is due next May.')
    expect(oneLine(text)).toContain('please write to us at sales@orchestra.example')
  })

  it('wraps a 300-character description inside its column and loses no word', async () => {
    const words = Array.from({ length: 60 }, (_, i) => `word${String(i).padStart(2, '0')}`)
    const description = words.join(' ').slice(0, 300)
    expect(description).toHaveLength(300)
    const line = { ...manyLines(1)[0]!, description }
    const bytes = await renderBillPdf(invoiceDocument({ lines: [line] }))

    const boxes = wordBoxes(bytes).filter((box) => /^word\d\d$/.test(box.word))
    expect(boxes.map((box) => box.word)).toEqual(description.split(' '))
    const period = wordBoxes(bytes).find((box) => box.word === 'period')!
    expect(Math.max(...boxes.map((box) => box.xMax))).toBeLessThan(period.xMin)
    expect(new Set(boxes.map((box) => box.yMin)).size).toBeGreaterThan(4)
  })

  it('breaks a word wider than its column between characters instead of cutting it', async () => {
    const domain = 'a'.repeat(40) + '.' + 'b'.repeat(40) + '.example'
    const line = { ...manyLines(1)[0]!, description: `Website ${domain}` }
    const text = pdfText(await renderBillPdf(invoiceDocument({ lines: [line] })))
    expect(text.replace(/\s+/g, '')).toContain(domain)
  })

  it('continues a description taller than a page on the next, every word in order', async () => {
    const words = Array.from({ length: 700 }, (_, i) => `w${i}`)
    const long = { ...manyLines(1)[0]!, id: '9999', description: words.join(' ') }
    const bytes = await renderBillPdf(invoiceDocument({ lines: [...manyLines(20), long] }))
    const found = wordBoxes(bytes).filter((box) => /^w\d+$/.test(box.word))
    expect(found.map((box) => box.word)).toEqual(words)
    expect(new Set(found.map((box) => box.page)).size).toBeGreaterThan(1)
    const pageNumberTop = Math.min(
      ...wordBoxes(bytes)
        .filter((box) => box.word === 'Page')
        .map((box) => box.yMin),
    )
    expect(Math.max(...found.map((box) => box.yMin))).toBeLessThan(pageNumberTop)
    const continued = pdfText(bytes, { page: found[found.length - 1]!.page })
    expect(continued).toMatch(/id\s+description\s+period/)
  })

  it('paginates 60 lines with "Page X of Y" and the table header on every page', async () => {
    const bytes = await renderBillPdf(invoiceDocument({ lines: manyLines(60) }))
    const pages = pageCount(bytes)
    expect(pages).toBeGreaterThan(1)
    for (let page = 1; page <= pages; page++) {
      const text = pdfText(bytes, { page })
      expect(text).toContain(`Page ${page} of ${pages}`)
      if (text.includes('Service number')) expect(text).toMatch(/id\s+description\s+period/)
    }
    const text = pdfText(bytes)
    for (let i = 1; i <= 60; i++) expect(text).toContain(`Service number ${i}\n`)
    expect(text).toContain('Invoice F2024000123')
  })

  it('repeats the bill number and seller at the top of later pages', async () => {
    const bytes = await renderBillPdf(invoiceDocument({ lines: manyLines(60) }))
    const second = pdfText(bytes, { page: 2, layout: true })
    expect(second.split('\n')[0]).toMatch(/Orchestra Hosting Cooperative +Invoice F2024000123/)
  })

  it('keeps every row above the page number', async () => {
    const bytes = await renderBillPdf(invoiceDocument({ lines: manyLines(60) }))
    const boxes = wordBoxes(bytes)
    const footers = boxes.filter((box) => box.word === 'Page')
    const lowestRow = Math.max(
      ...boxes.filter((box) => box.word === 'Service').map((box) => box.yMin),
    )
    expect(lowestRow).toBeLessThan(Math.min(...footers.map((box) => box.yMin)) - 10)
  })

  it('starts a new page at a "-pageskip-" line and does not print it', async () => {
    const [first, second] = manyLines(2)
    const skip = { ...first!, id: '', description: '-pageskip-', period: '', subtotal: '' }
    const bytes = await renderBillPdf(invoiceDocument({ lines: [first!, skip, second!] }))
    expect(pageCount(bytes)).toBe(2)
    expect(pdfText(bytes, { page: 1 })).toContain('Service number 1')
    expect(pdfText(bytes, { page: 2 })).toContain('Service number 2')
    expect(pdfText(bytes)).not.toContain('pageskip')
  })

  it('prints the watermark on every page of a draft', async () => {
    const bytes = await renderBillPdf(invoiceDocument({ draft: true, lines: manyLines(60) }))
    for (let page = 1; page <= pageCount(bytes); page++) {
      expect(drawnText(bytes, page)).toContain('PROFORMA/DRAFT')
    }
  })

  it('prints no watermark on a closed bill', async () => {
    const bytes = await renderBillPdf(invoiceDocument({ draft: false }))
    expect(drawnText(bytes, 1)).not.toContain('DRAFT')
  })

  it('draws the seller logo instead of the placeholder', async () => {
    const logo = solidPng(40, 20, [187, 34, 51])
    const doc = invoiceDocument({ seller: { ...invoiceDocument().seller, logo } })
    const bytes = await renderBillPdf(doc)
    expect(imageCount(bytes)).toBe(1)
    expect(pdfText(bytes)).not.toContain('YOUR LOGO HERE')
  })

  it('refuses a logo that is neither PNG nor JPEG', async () => {
    const logo = new TextEncoder().encode('<svg/>')
    const doc = invoiceDocument({ seller: { ...invoiceDocument().seller, logo } })
    await expect(renderBillPdf(doc)).rejects.toThrow('The seller logo must be a PNG or JPEG')
  })
})

describe('renderBillPdf bytes', () => {
  it('gives identical bytes for the same bill twice', async () => {
    const first = await renderBillPdf(invoiceDocument({ draft: true }))
    const second = await renderBillPdf(invoiceDocument({ draft: true }))
    expect(Buffer.from(first).equals(Buffer.from(second))).toBe(true)
  })

  it('gives identical bytes whatever the order of the fields', async () => {
    const doc = invoiceDocument()
    const reordered = Object.fromEntries(Object.entries(doc).reverse()) as typeof doc
    const first = await renderBillPdf(doc)
    expect(Buffer.from(first).equals(Buffer.from(await renderBillPdf(reordered)))).toBe(true)
  })

  it('dates the file with the bill, not with the moment it is rendered', async () => {
    const info = pdfInfo(await renderBillPdf(invoiceDocument()))
    expect(info).toMatch(/CreationDate:\s+2024-05-31T10:00:00Z/)
    expect(info).toMatch(/ModDate:\s+2024-05-31T10:00:00Z/)
    expect(info).toMatch(/Producer:\s+Orchestra Desktop/)
    expect(info).toMatch(/Title:\s+Invoice F2024000123/)
  })

  it('derives the file identifier from the bill, so two bills differ', async () => {
    const id = (bytes: Uint8Array) =>
      /\/ID \[ <([0-9a-f]+)>/.exec(Buffer.from(bytes).toString('latin1'))
    const first = await renderBillPdf(invoiceDocument())
    const other = await renderBillPdf(invoiceDocument({ number: 'F2024000124' }))
    expect(id(first)?.[1]).toMatch(/^[0-9a-f]{32}$/)
    expect(id(other)?.[1]).not.toBe(id(first)?.[1])
  })
})
