import type { RGB } from 'pdf-lib'
import type { BillDocument, BillDocumentLine } from '../bill-document'
import type { Align, BillCanvas } from './canvas'
import type { FontFace } from './fonts'
import { CONTENT_WIDTH, HAIRLINE, INK, LEFT, MUTED, SIZE, WHITE, leading } from './theme'

/** Spec 8: a line with this description forces a page break and prints nothing itself. */
export const PAGE_SKIP = '-pageskip-'

type Column = 'id' | 'description' | 'period' | 'quantity' | 'rate' | 'subtotal'

const FIXED: Record<Exclude<Column, 'description'>, number> = {
  id: 40,
  period: 90,
  quantity: 50,
  rate: 63,
  subtotal: 72,
}
const ORDER: Column[] = ['id', 'description', 'period', 'quantity', 'rate', 'subtotal']
const WIDTHS: Record<Column, number> = {
  ...FIXED,
  description: CONTENT_WIDTH - Object.values(FIXED).reduce((a, b) => a + b, 0),
}
const X = Object.fromEntries(
  ORDER.map((column, i) => [column, LEFT + ORDER.slice(0, i).reduce((a, c) => a + WIDTHS[c], 0)]),
) as Record<Column, number>

const PAD = 3
const SUBLINE_INDENT = 12
const HEADER_HEIGHT = 16
/** A row taller than this moves whole to the next page instead of splitting. */
const KEEP_TOGETHER = 240

interface Cell {
  x: number
  width: number
  lines: string[]
  size: number
  face: FontFace
  color: RGB
  align: Align
}

/** One printed row: cells side by side, as tall as its longest cell. */
interface Row {
  cells: Cell[]
  step: number
}

const rowHeight = (row: Row) =>
  Math.max(...row.cells.map((c) => c.lines.length)) * row.step + 2 * PAD

/** The table's caption band, repeated at the top of every page the table continues on. */
export function drawTableHeader(canvas: BillCanvas): void {
  const top = canvas.top
  canvas.rect(LEFT, top, CONTENT_WIDTH, HEADER_HEIGHT, canvas.accent)
  for (const column of ORDER) {
    const align: Align = isAmount(column) ? 'right' : 'left'
    const caption = canvas.captions.columns[column]
    const size = canvas.fit(caption, SIZE.small, WIDTHS[column] - 2 * PAD, 'bold')
    canvas.write(caption, X[column] + PAD, top + 4.5, {
      size,
      face: 'bold',
      color: WHITE,
      align,
      width: WIDTHS[column] - 2 * PAD,
    })
  }
  canvas.top += HEADER_HEIGHT
}

function isAmount(column: Column): boolean {
  return column === 'quantity' || column === 'rate' || column === 'subtotal'
}

function wrappedCell(
  canvas: BillCanvas,
  text: string,
  x: number,
  width: number,
  style: { size: number; face?: FontFace; color?: RGB; align?: Align },
): Cell {
  const face = style.face ?? 'regular'
  const inner = width - 2 * PAD
  return {
    x: x + PAD,
    width: inner,
    lines: text === '' ? [] : canvas.wrap(text, style.size, inner, face),
    size: style.size,
    face,
    color: style.color ?? INK,
    align: style.align ?? 'left',
  }
}

/** An amount stays on one line: it shrinks to its column rather than break between digits. */
function amountCell(canvas: BillCanvas, text: string, column: Column, color: RGB = INK): Cell {
  const inner = WIDTHS[column] - 2 * PAD
  const size = canvas.fit(text, SIZE.table, inner)
  return {
    x: X[column] + PAD,
    width: inner,
    lines: text === '' ? [] : [text],
    size,
    face: 'regular',
    color,
    align: 'right',
  }
}

/** A period that does not fit breaks after its " / ", keeping each date whole. */
function periodLines(canvas: BillCanvas, period: string): string {
  const inner = WIDTHS.period - 2 * PAD
  return canvas.measure(period, SIZE.table) <= inner ? period : period.replace(' / ', ' /\n')
}

function lineRow(canvas: BillCanvas, line: BillDocumentLine, currency: string): Row {
  const size = SIZE.table
  const cell = (column: Column, text: string, color: RGB = INK) =>
    wrappedCell(canvas, text, X[column], WIDTHS[column], { size, color })
  return {
    step: leading(size),
    cells: [
      cell('id', line.id, MUTED),
      cell('description', line.description),
      cell('period', periodLines(canvas, line.period)),
      { ...cell('quantity', line.quantity), align: 'right' },
      amountCell(canvas, line.rate === '' ? '' : `${line.rate} ${currency}`, 'rate'),
      amountCell(canvas, `${line.subtotal} ${currency}`, 'subtotal'),
    ],
  }
}

/** Spec 8.1.6: a subline is indented under its line; its total sits in the subtotal column. */
function sublineRows(canvas: BillCanvas, line: BillDocumentLine, currency: string): Row[] {
  const size = SIZE.table - 0.5
  const span = X.subtotal - X.description - SUBLINE_INDENT
  return line.sublines.map((subline) => ({
    step: leading(size),
    cells: [
      wrappedCell(canvas, subline.description, X.description + SUBLINE_INDENT, span, {
        size,
        color: MUTED,
      }),
      amountCell(canvas, `${subline.total} ${currency}`, 'subtotal', MUTED),
    ],
  }))
}

function drawRow(canvas: BillCanvas, row: Row): void {
  for (const cell of row.cells) {
    canvas.writeLines(cell.lines, cell.x, canvas.top + PAD, {
      size: cell.size,
      face: cell.face,
      color: cell.color,
      align: cell.align,
      width: cell.width,
    })
  }
  canvas.top += rowHeight(row)
}

/** The first `count` text lines of every cell, and the row of what is left. */
function splitRow(row: Row, count: number): [Row, Row] {
  const part = (from: number, to?: number): Row => ({
    step: row.step,
    cells: row.cells.map((cell) => ({ ...cell, lines: cell.lines.slice(from, to) })),
  })
  return [part(0, count), part(count)]
}

/**
 * Places a row, splitting it between pages only when it is too tall to move whole: a long
 * description then continues under the repeated table header instead of being cut.
 */
function placeRow(canvas: BillCanvas, row: Row): void {
  let rest = row
  for (;;) {
    const height = rowHeight(rest)
    if (height <= canvas.room()) return drawRow(canvas, rest)
    const fitting = Math.floor((canvas.room() - 2 * PAD) / rest.step)
    if (height <= KEEP_TOGETHER || fitting < 2) {
      canvas.addPage()
      continue
    }
    const [first, second] = splitRow(rest, fitting)
    drawRow(canvas, first)
    canvas.addPage()
    rest = second
  }
}

/**
 * Spec 8.1.6: id | description | period | hrs/qty | rate/price | subtotal. A line stays on
 * one page with its sublines when they fit together; the header repeats on every page.
 */
export function drawLinesTable(canvas: BillCanvas, doc: BillDocument): void {
  const continuation = canvas.continuation
  canvas.continuation = () => {
    continuation?.()
    drawTableHeader(canvas)
  }
  canvas.ensure(HEADER_HEIGHT + 40)
  drawTableHeader(canvas)

  for (const line of doc.lines) {
    if (line.description.trim() === PAGE_SKIP) {
      canvas.addPage()
      continue
    }
    const rows = [lineRow(canvas, line, doc.currency), ...sublineRows(canvas, line, doc.currency)]
    const height = rows.reduce((total, row) => total + rowHeight(row), 0)
    if (height > canvas.room() && height <= KEEP_TOGETHER) canvas.addPage()
    rows.forEach((row) => placeRow(canvas, row))
    canvas.rule(LEFT, LEFT + CONTENT_WIDTH, canvas.top, HAIRLINE)
  }
  canvas.continuation = continuation
}
