import { describe, expect, it } from 'vitest'
import { captionsFor, type BillCaptions } from '../../../src-main/billing/pdf/captions'
import {
  findMissingGlyphs,
  MissingGlyphsError,
  REPLACEMENT,
} from '../../../src-main/billing/pdf/glyphs'
import { renderBillPdf } from '../../../src-main/billing/pdf/render-bill-pdf'
import { invoiceDocument } from './fixtures/bill-documents'
import { pdfText } from './fixtures/pdf-tools'

const withBuyerName = (name: string) =>
  invoiceDocument({ buyer: { ...invoiceDocument().buyer, name } })

/** Every letter, digit, punctuation mark and symbol of a block of code points. */
function printableIn(from: number, to: number): string {
  let text = ''
  for (let codePoint = from; codePoint <= to; codePoint++) {
    const character = String.fromCodePoint(codePoint)
    if (/[\p{L}\p{N}\p{P}\p{S}]/u.test(character)) text += character
  }
  return text
}

/** All texts of a caption table, its functions called with sample values. */
function captionTexts(captions: BillCaptions): string[] {
  return Object.values(captions).flatMap((value): string[] => {
    if (typeof value === 'string') return [value]
    if (typeof value === 'function') return [String(value('Invoice', 'x', 2024))]
    return Object.values(value as Record<string, string>)
  })
}

describe('findMissingGlyphs', () => {
  it.each([
    ['Latin-1 Supplement', 0xa0, 0xff],
    ['Latin Extended-A', 0x100, 0x17f],
    ['Latin Extended-B', 0x180, 0x24f],
    ['Greek', 0x370, 0x3ff],
    ['Cyrillic', 0x400, 0x4ff],
    ['Greek Extended', 0x1f00, 0x1fff],
  ])('finds a glyph for every character of %s', (_block, from, to) => {
    expect(findMissingGlyphs(withBuyerName(printableIn(from, to)))).toEqual([])
  })

  it('finds a glyph for the euro sign, dashes, quotes and the multiplication sign', () => {
    expect(findMissingGlyphs(withBuyerName('€ – — “” ‘’ … • × ≠ №'))).toEqual([])
  })

  it('names the field and the code point of a character the fonts lack', () => {
    const doc = invoiceDocument({
      lines: [{ ...invoiceDocument().lines[0]!, description: 'Hosting 山田' }],
    })
    expect(findMissingGlyphs(doc)).toEqual([
      { field: 'lines.0.description', character: '山', codePoint: 'U+5C71' },
      { field: 'lines.0.description', character: '田', codePoint: 'U+7530' },
    ])
  })

  it('finds a glyph for every caption of every language', () => {
    for (const language of ['en', 'es']) {
      const doc = withBuyerName(captionTexts(captionsFor(language)).join(' '))
      expect(findMissingGlyphs(doc)).toEqual([])
    }
  })
})

describe('renderBillPdf glyphs', () => {
  it('prints a character the fonts lack as a visible replacement mark', async () => {
    const text = pdfText(await renderBillPdf(withBuyerName('Yamada 山田')))
    expect(text).toContain(`Yamada ${REPLACEMENT}${REPLACEMENT}`)
  })

  it('refuses such a bill when asked to, naming the character and the field', async () => {
    const rendering = renderBillPdf(withBuyerName('Yamada 山田'), { missingGlyphs: 'refuse' })
    await expect(rendering).rejects.toThrow(MissingGlyphsError)
    await expect(rendering).rejects.toThrow('"山" (U+5C71) in buyer.name')
  })

  it('renders a refused-mode bill that has every glyph', async () => {
    const bytes = await renderBillPdf(withBuyerName('Ελένη'), { missingGlyphs: 'refuse' })
    expect(pdfText(bytes)).toContain('Ελένη')
  })

  it('composes decomposed accents, so they come back as one character', async () => {
    const text = pdfText(await renderBillPdf(withBuyerName('Nu\u0301ria C\u0327elik')))
    expect(text).toContain('Núria Çelik')
  })

  it('drops invisible format characters instead of marking them', async () => {
    const text = pdfText(await renderBillPdf(withBuyerName('Ana\u200b Soler\u200e')))
    expect(text).toContain('Ana Soler')
    expect(text).not.toContain(REPLACEMENT)
  })
})
