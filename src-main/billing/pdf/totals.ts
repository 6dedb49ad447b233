import type { BillDocument } from '../bill-document'
import type { BillCanvas } from './canvas'
import { CONTENT_WIDTH, INK, LEFT, MUTED, RIGHT, SIZE, leading } from './theme'

const BLOCK_WIDTH = 260
const AMOUNT_WIDTH = 96

/** Spec 8.1.7: "subtotal t% VAT" and "taxes t% VAT" for each rate, then the total. */
export function drawTotals(canvas: BillCanvas, doc: BillDocument): void {
  const captions = canvas.captions
  const rows = doc.taxes.flatMap((tax) => [
    [captions.taxBase(tax.rate), tax.base],
    [captions.taxAmount(tax.rate), tax.tax],
  ])
  const step = leading(SIZE.body) + 1
  const totalStep = leading(SIZE.total) + 4
  canvas.ensure(10 + rows.length * step + totalStep + 6)
  canvas.top += 10

  const left = RIGHT - BLOCK_WIDTH
  const labelWidth = BLOCK_WIDTH - AMOUNT_WIDTH - 6
  for (const [label, amount] of rows) {
    const text = `${amount} ${doc.currency}`
    const size = canvas.fit(label!, SIZE.body, labelWidth)
    canvas.write(label!, left, canvas.top, { size, color: MUTED })
    canvas.write(text, RIGHT - AMOUNT_WIDTH, canvas.top, {
      size: canvas.fit(text, SIZE.body, AMOUNT_WIDTH),
      align: 'right',
      width: AMOUNT_WIDTH,
    })
    canvas.top += step
  }

  canvas.top += 3
  canvas.rule(left, RIGHT, canvas.top, canvas.accent, 1)
  canvas.top += 4
  const total = `${doc.total} ${doc.currency}`
  canvas.write(captions.totalRow, left, canvas.top, { size: SIZE.total, face: 'bold', color: INK })
  canvas.write(total, RIGHT - AMOUNT_WIDTH - 40, canvas.top, {
    size: canvas.fit(total, SIZE.total, AMOUNT_WIDTH + 40, 'bold'),
    face: 'bold',
    color: canvas.accent,
    align: 'right',
    width: AMOUNT_WIDTH + 40,
  })
  canvas.top += totalStep
}

/** A legal mention such as the reverse-charge statement, full width under the totals. */
export function drawTaxNote(canvas: BillCanvas, doc: BillDocument): void {
  if (doc.taxNote.trim() === '') return
  const lines = canvas.wrap(doc.taxNote, SIZE.table, CONTENT_WIDTH)
  const height = lines.length * leading(SIZE.table)
  canvas.ensure(height + 8)
  canvas.top += 8
  canvas.top += canvas.writeLines(lines, LEFT, canvas.top, { size: SIZE.table, color: INK })
}
