import { describe, expect, it } from 'vitest'
import { mergeBillPdfs } from '../../../src-main/billing/pdf/merge-bill-pdfs'
import { renderBillPdf } from '../../../src-main/billing/pdf/render-bill-pdf'
import { invoiceDocument, manyLines } from './fixtures/bill-documents'
import { pageCount, pdfFonts, pdfInfo, pdfText, qpdfCheck } from './fixtures/pdf-tools'

/** Three closed bills of one run: one of them long enough for three pages. */
async function runBills(): Promise<Uint8Array[]> {
  return Promise.all([
    renderBillPdf(invoiceDocument({ number: 'F2024000201' })),
    renderBillPdf(
      invoiceDocument({
        number: 'F2024000202',
        lines: manyLines(60),
        createdAt: new Date('2024-06-01T08:00:00Z'),
      }),
    ),
    renderBillPdf(invoiceDocument({ type: 'FEE', number: 'C2024000203' })),
  ])
}

describe('mergeBillPdfs', () => {
  it('puts every page of every bill in one file, in the order given', async () => {
    const bills = await runBills()
    const merged = await mergeBillPdfs(bills)
    const counts = bills.map(pageCount)
    expect(pageCount(merged)).toBe(counts.reduce((a, b) => a + b, 0))
    expect(pdfText(merged, { page: 1 })).toContain('F2024000201')
    expect(pdfText(merged, { page: 2 })).toContain('F2024000202')
    expect(pdfText(merged, { page: 1 + counts[1]! })).toContain('Page 3 of 3')
    expect(pdfText(merged, { page: 2 + counts[1]! })).toContain('C2024000203')
  })

  it('writes a file qpdf finds no error in, with every font embedded', async () => {
    const merged = await mergeBillPdfs(await runBills())
    expect(qpdfCheck(merged).status).toBe(0)
    const fonts = pdfFonts(merged)
    expect(fonts.length).toBeGreaterThan(0)
    expect(fonts.every((font) => font.embedded)).toBe(true)
  })

  it('gives identical bytes for the same bills twice', async () => {
    const first = await mergeBillPdfs(await runBills())
    const second = await mergeBillPdfs(await runBills())
    expect(Buffer.from(first).equals(Buffer.from(second))).toBe(true)
  })

  it('dates the file like the newest bill in it', async () => {
    const info = pdfInfo(await mergeBillPdfs(await runBills()))
    expect(info).toMatch(/CreationDate:\s+2024-06-01T08:00:00Z/)
  })

  it('refuses an empty list of bills', async () => {
    await expect(mergeBillPdfs([])).rejects.toThrow('There are no bills to merge')
  })
})
