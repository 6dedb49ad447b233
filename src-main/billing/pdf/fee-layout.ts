import type { BillDocument } from '../bill-document'
import type { BillCanvas } from './canvas'
import { longDate } from './captions'
import { drawFooter } from './footer'
import { drawLogo, drawParty } from './header'
import { drawContinuationHeader } from './invoice-layout'
import { INK, LEFT, MUTED, PAGE, RIGHT, SIZE, WHITE, leading } from './theme'

const SELLER_WIDTH = 240
const COLUMN_WIDTH = 250
const BOX_X = LEFT + 270
const BOX_WIDTH = RIGHT - BOX_X
const BOX_PAD = 12
const BULLET_INDENT = 12

/** Logo on the left, seller on the right, then the horizontal rule (spec 8.2). */
async function drawFeeHeader(canvas: BillCanvas, doc: BillDocument): Promise<void> {
  const top = PAGE.margin
  const logoHeight = await drawLogo(canvas, doc.seller.logo, LEFT, top)
  const sellerX = RIGHT - SELLER_WIDTH
  const sellerHeight = drawParty(canvas, doc.seller, sellerX, top, SELLER_WIDTH, 'right')
  canvas.top = top + Math.max(logoHeight, sellerHeight) + 14
  canvas.rule(LEFT, RIGHT, canvas.top, canvas.accent, 1.5)
  canvas.top += 16
}

/** Type, number (large, in the accent) and closing date on the left; buyer on the right. */
function drawFeeTitle(canvas: BillCanvas, doc: BillDocument): void {
  const top = canvas.top
  const captions = canvas.captions
  canvas.write(captions.types[doc.type], LEFT, top, { size: 16, face: 'bold', color: INK })
  const numberTop = top + leading(16)
  canvas.write(doc.number, LEFT, numberTop, { size: 24, face: 'bold', color: canvas.accent })
  const dateTop = numberTop + leading(24)
  canvas.write(longDate(captions, doc.billDate), LEFT, dateTop, { size: SIZE.body, color: MUTED })
  const leftBottom = dateTop + leading(SIZE.body)
  const buyerHeight = drawParty(canvas, doc.buyer, BOX_X, top, BOX_WIDTH)
  canvas.top = Math.max(leftBottom, top + buyerHeight) + 20
}

/** The accent box: total, due date and, without a payment message, the seller's account. */
function drawTotalBox(canvas: BillCanvas, doc: BillDocument, top: number): number {
  const captions = canvas.captions
  const inner = BOX_WIDTH - 2 * BOX_PAD
  const total = `${doc.total} ${doc.currency}`
  const totalSize = canvas.fit(total, 24, inner, 'bold')
  const due = canvas.wrap(captions.feeDueDate(doc.dueOn), SIZE.body + 1, inner)
  const bank =
    doc.paymentMessage.trim() === ''
      ? canvas.wrap(captions.feeBankAccount(doc.seller.bankAccount), SIZE.body, inner, 'bold')
      : []
  const height =
    2 * BOX_PAD +
    leading(totalSize) +
    4 +
    due.length * leading(SIZE.body + 1) +
    bank.length * leading(SIZE.body)
  canvas.rect(BOX_X, top, BOX_WIDTH, height, canvas.accent)

  let y = top + BOX_PAD
  canvas.write(total, BOX_X + BOX_PAD, y, { size: totalSize, face: 'bold', color: WHITE })
  y += leading(totalSize) + 4
  y += canvas.writeLines(due, BOX_X + BOX_PAD, y, { size: SIZE.body + 1, color: WHITE })
  canvas.writeLines(bank, BOX_X + BOX_PAD, y, { size: SIZE.body, face: 'bold', color: WHITE })
  return height
}

/** "From <start> to <end>" of a period text such as "Jan. '24 / Dec. '24". */
function periodText(canvas: BillCanvas, period: string): string {
  const [start, end] = period.split(' / ')
  if (!start || start.trim() === '') return ''
  return end ? canvas.captions.feePeriod(start, end) : start
}

/** The first line's description and period, the other lines as bullets, then the thanks. */
function drawFeeLines(canvas: BillCanvas, doc: BillDocument): void {
  const [first, ...others] = doc.lines
  const step = leading(SIZE.body)
  const paragraph = (text: string, face: 'regular' | 'bold', color = INK) => {
    for (const line of canvas.wrap(text, SIZE.body, COLUMN_WIDTH, face)) {
      canvas.ensure(step)
      canvas.write(line, LEFT, canvas.top, { size: SIZE.body, face, color })
      canvas.top += step
    }
  }
  if (first) {
    paragraph(first.description, 'bold')
    const period = periodText(canvas, first.period)
    if (period !== '') paragraph(period, 'regular')
    canvas.top += 6
  }
  for (const line of others) {
    const wrapped = canvas.wrap(line.description, SIZE.body, COLUMN_WIDTH - BULLET_INDENT)
    wrapped.forEach((text, i) => {
      canvas.ensure(step)
      if (i === 0) canvas.write('•', LEFT, canvas.top, { size: SIZE.body, color: canvas.accent })
      canvas.write(text, LEFT + BULLET_INDENT, canvas.top, { size: SIZE.body })
      canvas.top += step
    })
  }
  canvas.top += 8
  paragraph(canvas.captions.feeThanks, 'regular', MUTED)
}

/** Spec 8.2: a member's fee on one page, in green. */
export async function drawFee(canvas: BillCanvas, doc: BillDocument): Promise<void> {
  canvas.continuation = () => drawContinuationHeader(canvas, doc)
  await drawFeeHeader(canvas, doc)
  drawFeeTitle(canvas, doc)
  const top = canvas.top
  const boxHeight = drawTotalBox(canvas, doc, top)
  drawFeeLines(canvas, doc)
  // Lines that ran onto another page end below the box only on the first page.
  if (canvas.pages.length === 1) canvas.top = Math.max(canvas.top, top + boxHeight)
  canvas.top += 8
  drawFooter(canvas, doc, true)
}
