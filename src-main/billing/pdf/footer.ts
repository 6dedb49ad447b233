import type { BillDocument } from '../bill-document'
import type { BillCanvas } from './canvas'
import type { FontFace } from './fonts'
import { CONTENT_WIDTH, FAINT, INK, LEFT, PAGE, SIZE, leading } from './theme'

const GUTTER = 24
const COLUMN = (CONTENT_WIDTH - GUTTER) / 2

interface Paragraph {
  text: string
  face: FontFace
}

interface Section {
  caption: string
  paragraphs: Paragraph[]
}

/**
 * Spec 8.1.8: COMMENTS, PAYMENT and QUESTIONS. Without a payment method's message the bill
 * asks for a bank transfer and prints the seller's account in bold. Pro formas ask for no
 * payment (spec 8.3).
 */
function sections(canvas: BillCanvas, doc: BillDocument, withPayment: boolean): Section[] {
  const captions = canvas.captions
  const type = captions.types[doc.type]
  const found: Section[] = []
  if (doc.comments.trim() !== '') {
    found.push({
      caption: captions.comments,
      paragraphs: [{ text: doc.comments, face: 'regular' }],
    })
  }
  if (withPayment) {
    const paragraphs: Paragraph[] =
      doc.paymentMessage.trim() !== ''
        ? [{ text: doc.paymentMessage, face: 'regular' }]
        : [
            { text: captions.bankTransfer(type), face: 'regular' },
            { text: doc.seller.bankAccount, face: 'bold' },
          ]
    found.push({ caption: captions.payment, paragraphs })
  }
  const questions = captions.questionsText(doc.seller.email)
  found.push({ caption: captions.questions, paragraphs: [{ text: questions, face: 'regular' }] })
  return found
}

interface Laid {
  caption: string
  lines: { text: string; face: FontFace }[]
}

function lay(canvas: BillCanvas, section: Section): Laid {
  const lines = section.paragraphs.flatMap((paragraph) =>
    canvas
      .wrap(paragraph.text, SIZE.table, COLUMN, paragraph.face)
      .map((text) => ({ text, face: paragraph.face })),
  )
  return { caption: section.caption, lines }
}

const captionStep = leading(SIZE.small) + 2
const lineStep = leading(SIZE.table)
const SECTION_GAP = 8

const sectionHeight = (laid: Laid) => captionStep + laid.lines.length * lineStep
const columnHeight = (column: Laid[]) =>
  column.reduce((total, laid) => total + sectionHeight(laid) + SECTION_GAP, 0)

function drawColumn(canvas: BillCanvas, column: Laid[], x: number, top: number): void {
  let y = top
  for (const laid of column) {
    canvas.write(laid.caption, x, y, { size: SIZE.small, face: 'bold', color: canvas.accent })
    y += captionStep
    for (const line of laid.lines) {
      canvas.write(line.text, x, y, { size: SIZE.table, face: line.face, color: INK })
      y += lineStep
    }
    y += SECTION_GAP
  }
}

/** The footer in two columns, kept on one page under an accent rule. */
export function drawFooter(canvas: BillCanvas, doc: BillDocument, withPayment: boolean): void {
  const laid = sections(canvas, doc, withPayment).map((section) => lay(canvas, section))
  const left = laid.slice(0, 1)
  const right = laid.slice(1)
  const height = Math.max(columnHeight(left), columnHeight(right))
  canvas.ensure(height + 18)
  canvas.top += 12
  canvas.rule(LEFT, LEFT + CONTENT_WIDTH, canvas.top, canvas.accent, 1)
  canvas.top += 6
  if (height > canvas.room()) return flowFooter(canvas, laid)
  drawColumn(canvas, left, LEFT, canvas.top)
  drawColumn(canvas, right, LEFT + COLUMN + GUTTER, canvas.top)
  canvas.top += height
}

/** A footer taller than a page (very long comments) runs on over pages, line by line. */
function flowFooter(canvas: BillCanvas, laid: Laid[]): void {
  for (const section of laid) {
    canvas.ensure(captionStep + lineStep)
    canvas.write(section.caption, LEFT, canvas.top, {
      size: SIZE.small,
      face: 'bold',
      color: canvas.accent,
    })
    canvas.top += captionStep
    for (const line of section.lines) {
      canvas.ensure(lineStep)
      canvas.write(line.text, LEFT, canvas.top, { size: SIZE.table, face: line.face, color: INK })
      canvas.top += lineStep
    }
    canvas.top += SECTION_GAP
  }
}

/** "Page X of Y" on every page, beside the bill's type and number. */
export function drawPageNumbers(canvas: BillCanvas, doc: BillDocument): void {
  const pages = canvas.pages.length
  const title = `${canvas.captions.types[doc.type]} ${doc.number}`
  canvas.pages.forEach((page, i) => {
    canvas.page = page
    const top = PAGE.height - PAGE.foot + 20
    const text = canvas.captions.page(i + 1, pages)
    canvas.write(title, LEFT, top, { size: SIZE.small, color: FAINT })
    canvas.write(text, LEFT, top, {
      size: SIZE.small,
      color: FAINT,
      align: 'right',
      width: CONTENT_WIDTH,
    })
  })
}
