import type { BillDocument } from '../bill-document'
import type { BillCanvas } from './canvas'
import { drawFooter } from './footer'
import { drawLogo, drawParty, drawSummaryBoxes, drawTitle } from './header'
import { drawLinesTable } from './lines-table'
import { drawTaxNote, drawTotals } from './totals'
import { CONTENT_WIDTH, HAIRLINE, LEFT, MUTED, PAGE, RIGHT, SIZE, leading } from './theme'

const SELLER_WIDTH = 220
const RIGHT_X = LEFT + 250
const RIGHT_WIDTH = RIGHT - RIGHT_X

/** Spec 8.1.1 to 8.1.5: seller under the logo on the left; title, boxes and buyer on the right. */
async function drawFirstPageHeader(canvas: BillCanvas, doc: BillDocument): Promise<void> {
  const top = PAGE.margin
  const logoHeight = await drawLogo(canvas, doc.seller.logo, LEFT, top)
  const sellerTop = top + logoHeight + 12
  const sellerHeight = drawParty(canvas, doc.seller, LEFT, sellerTop, SELLER_WIDTH)

  const titleHeight = drawTitle(canvas, doc, RIGHT_X, top)
  const boxesTop = top + titleHeight + 8
  const boxesHeight = drawSummaryBoxes(canvas, doc, RIGHT_X, boxesTop, RIGHT_WIDTH)
  const buyerTop = boxesTop + boxesHeight + 14
  const buyerHeight = drawParty(canvas, doc.buyer, RIGHT_X, buyerTop, RIGHT_WIDTH)

  canvas.top = Math.max(sellerTop + sellerHeight, buyerTop + buyerHeight) + 22
}

/** Later pages name the seller and the bill, so a loose page still says whose it is. */
export function drawContinuationHeader(canvas: BillCanvas, doc: BillDocument): void {
  const top = canvas.top
  const title = `${canvas.captions.types[doc.type]} ${doc.number}`
  const size = SIZE.body + 1
  const titleWidth = canvas.measure(title, size, 'bold')
  const sellerWidth = CONTENT_WIDTH - titleWidth - 12
  const sellerSize = canvas.fit(doc.seller.name, SIZE.body, sellerWidth, 'bold')
  canvas.write(doc.seller.name, LEFT, top + 1, { size: sellerSize, face: 'bold', color: MUTED })
  canvas.write(title, LEFT, top, {
    size,
    face: 'bold',
    color: canvas.accent,
    align: 'right',
    width: CONTENT_WIDTH,
  })
  canvas.top = top + leading(size) + 4
  canvas.rule(LEFT, RIGHT, canvas.top, HAIRLINE)
  canvas.top += 10
}

/**
 * The default layout (invoices and both amendments) and, in blue and without the payment
 * block, the pro forma (spec 8.3).
 */
export async function drawInvoice(canvas: BillCanvas, doc: BillDocument): Promise<void> {
  canvas.continuation = () => drawContinuationHeader(canvas, doc)
  await drawFirstPageHeader(canvas, doc)
  drawLinesTable(canvas, doc)
  drawTotals(canvas, doc)
  drawTaxNote(canvas, doc)
  drawFooter(canvas, doc, doc.type !== 'PROFORMA')
}
