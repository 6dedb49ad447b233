import { describe, expect, it } from 'vitest'
import { renderBillPdf } from '../../../src-main/billing/pdf/render-bill-pdf'
import { MissingGlyphsError } from '../../../src-main/billing/pdf/glyphs'
import { mergeBillPdfs } from '../../../src-main/billing/pdf/merge-bill-pdfs'
import type { BillDocument } from '../../../src-main/billing/bill-document'
import { invoiceDocument } from './fixtures/bill-documents'
import { pageCount, pdfText, qpdfCheck } from './fixtures/pdf-tools'

/**
 * Hostile text in every field a customer or a clerk can write (spec 8): the bill prints, or is
 * refused with a typed error, and the file is always one qpdf finds no fault in.
 */

const HOSTILE: Record<string, string> = {
  'right-to-left marks': '\u202eevil.exe\u202c \u200fשלום עולם\u200f مرحبا',
  'zero-width characters': 'Do\u200bmain\u200c re\u200dnew\ufeffal\u2060',
  'control characters': 'Line\u0000with\u0007bell\u001b[31mred\u0008\u007f\u0085end',
  'line and paragraph separators': 'one\u2028two\u2029three\r\nfour\rfive\ttab',
  emoji: 'Hosting 🚀 with 👩🏽‍💻 and 🇪🇸 flags',
  'lone surrogates': 'broken \ud800 pair \udfff here',
  'PDF syntax': 'a) ( \\ ) endstream endobj %%EOF <</Type/Catalog>> trailer',
  'combining marks': 'Z̸̡̢͓a̶l̷g̴o̵ e\u0301 n\u0303',
}

async function check(doc: BillDocument): Promise<Uint8Array> {
  const bytes = await renderBillPdf(doc)
  const { status, stdout } = qpdfCheck(bytes)
  expect(status, stdout).toBe(0)
  return bytes
}

function withText(text: string): BillDocument {
  const base = invoiceDocument()
  return invoiceDocument({
    seller: { ...base.seller, name: text, address: text },
    buyer: { ...base.buyer, name: text, address: text, city: text },
    comments: text,
    taxNote: text,
    paymentMessage: text,
    lines: base.lines.map((line) => ({
      ...line,
      description: `${text} ${line.description}`,
      sublines: line.sublines.map((subline) => ({ ...subline, description: text })),
    })),
  })
}

describe('renderBillPdf with hostile text (spec 8)', () => {
  for (const [kind, text] of Object.entries(HOSTILE)) {
    it(`prints ${kind} in every field as a file qpdf accepts`, async () => {
      const bytes = await check(withText(text))
      expect(pdfText(bytes)).toContain('Invoice')
    })
  }

  it('refuses a character it cannot draw by name when asked to, never a corrupt file', async () => {
    await expect(renderBillPdf(withText('🚀'), { missingGlyphs: 'refuse' })).rejects.toBeInstanceOf(
      MissingGlyphsError,
    )
  })

  it('prints a 10,000-character description over pages, keeping its last word', async () => {
    const words = Array.from({ length: 1250 }, (_, i) => `w${String(i).padStart(6, '0')}`)
    const base = invoiceDocument()
    const long = { ...base.lines[0]!, description: words.join(' ') }
    const bytes = await check(invoiceDocument({ lines: [long, ...base.lines.slice(1)] }))

    expect(pageCount(bytes)).toBeGreaterThan(1)
    const text = pdfText(bytes)
    expect(text).toContain(words[0])
    expect(text).toContain(words.at(-1))
  })

  it('prints a 10,000-character word without spaces, broken between characters', async () => {
    const base = invoiceDocument()
    const long = { ...base.lines[0]!, description: 'x'.repeat(9_999) + 'Z' }
    const bytes = await check(invoiceDocument({ lines: [long] }))

    expect(pdfText(bytes).replace(/\s+/g, '')).toContain('xxxZ')
  })

  it('prints a 256-character buyer name and 10,000 characters of comments whole', async () => {
    const base = invoiceDocument()
    const name = 'Ŵ'.repeat(256)
    const comments = 'Ç'.repeat(10_000)
    const text = pdfText(await check(invoiceDocument({ buyer: { ...base.buyer, name }, comments })))

    expect(text.match(/Ŵ/g)).toHaveLength(256)
    expect(text.match(/Ç/g)).toHaveLength(10_000)
  })

  it('renders hostile text to the same bytes twice and merges such bills soundly', async () => {
    const docs = Object.values(HOSTILE).map(withText)
    const first = await Promise.all(docs.map((doc) => renderBillPdf(doc)))
    const second = await Promise.all(docs.map((doc) => renderBillPdf(doc)))
    expect(second.map((bytes) => Buffer.from(bytes).equals(Buffer.from(first[0]!)))).toEqual(
      docs.map((_, i) => i === 0),
    )
    first.forEach((bytes, i) =>
      expect(Buffer.from(bytes).equals(Buffer.from(second[i]!))).toBe(true),
    )

    const merged = await mergeBillPdfs(first)
    const { status, stdout } = qpdfCheck(merged)
    expect(status, stdout).toBe(0)
    expect(pageCount(merged)).toBe(first.map(pageCount).reduce((a, b) => a + b))
  })
})
