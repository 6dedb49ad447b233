import { PDFDocument } from 'pdf-lib'
import type { BillDocument } from '../bill-document'
import { BillCanvas } from './canvas'
import { captionsFor } from './captions'
import { drawFee } from './fee-layout'
import { cachedFontkit, fontBytes } from './fonts'
import { drawPageNumbers } from './footer'
import { findMissingGlyphs, MissingGlyphsError } from './glyphs'
import { checkLogo } from './header'
import { drawInvoice } from './invoice-layout'
import { contentDigest, setDocumentId, stampDocument } from './metadata'
import { ACCENTS, layoutOf } from './theme'
import { drawWatermark } from './watermark'

export interface RenderOptions {
  /**
   * What to do with a character the fonts cannot draw: print the visible replacement mark
   * (the default, so a bill always prints) or refuse with a MissingGlyphsError naming it.
   */
  missingGlyphs?: 'substitute' | 'refuse'
}

/**
 * The printed bill (spec: billing 8) as A4 PDF bytes. A pure function of the document: the
 * same bill gives the same bytes, so a stored bill can be printed again and compared.
 */
export async function renderBillPdf(
  doc: BillDocument,
  options: RenderOptions = {},
): Promise<Uint8Array> {
  checkLogo(doc.seller)
  if (options.missingGlyphs === 'refuse') {
    const missing = findMissingGlyphs(doc)
    if (missing.length > 0) throw new MissingGlyphsError(missing)
  }

  const pdf = await PDFDocument.create({ updateMetadata: false })
  pdf.registerFontkit(cachedFontkit)
  // Subsets: only the glyphs the bill uses, about 20 KB instead of 1.4 MB of fonts.
  const fonts = {
    regular: await pdf.embedFont(fontBytes('regular'), { subset: true }),
    bold: await pdf.embedFont(fontBytes('bold'), { subset: true }),
  }
  const captions = captionsFor(doc.language)
  const layout = layoutOf(doc.type)
  const canvas = new BillCanvas(pdf, fonts, ACCENTS[layout], captions)

  if (layout === 'fee') await drawFee(canvas, doc)
  else await drawInvoice(canvas, doc)
  // Spec 8: fees are one page and carry no page numbers, unless their lines ran over.
  if (layout !== 'fee' || canvas.pages.length > 1) drawPageNumbers(canvas, doc)
  canvas.flush()
  if (doc.draft) drawWatermark(canvas)

  const title = `${captions.types[doc.type]} ${doc.number}`
  stampDocument(pdf, doc.createdAt, title, doc.seller.name)
  pdf.setLanguage(doc.language)
  setDocumentId(pdf, contentDigest(doc))
  // pdf-lib pauses for a timer tick every 50 objects by default; a bill has a few dozen
  // objects and takes milliseconds, so the pauses would only add waiting.
  return pdf.save({ objectsPerTick: Infinity })
}
