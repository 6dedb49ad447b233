import {
  beginText,
  endText,
  moveText,
  setFillingColor,
  setFontAndSize,
  showText,
  type PDFDocument,
  type PDFFont,
  type PDFName,
  type PDFOperator,
  type PDFPage,
  type RGB,
} from 'pdf-lib'
import type { BillCaptions } from './captions'
import type { FontFace } from './fonts'
import { printable } from './glyphs'
import { INK, PAGE, leading } from './theme'
import { wrapText } from './wrap'

export type Align = 'left' | 'right' | 'center'

/** Text written since the last drawing, kept in one text object (BT ... ET) of one page. */
interface TextRun {
  page: PDFPage
  operators: PDFOperator[]
  face?: FontFace
  size?: number
  color?: RGB
  /** Where the last line started: each line moves relative to it. */
  x: number
  y: number
}

export interface TextStyle {
  size: number
  face?: FontFace
  color?: RGB
  /** Within [x, x + width]; right and center need the width. */
  align?: Align
  width?: number
}

/**
 * Positions to a hundredth of a point (far below what a printer resolves): pdf-lib writes
 * every number in full, and 17-digit coordinates cost time to print and to compress.
 */
const at = (value: number) => Math.round(value * 100) / 100

/** DejaVu's ascent: the baseline sits this far below the top of a line, in em. */
const ASCENT = 0.93
/** Amounts shrink to fit their column rather than wrap or overflow; never below this. */
const MIN_FIT_SIZE = 6

/**
 * A bill being drawn: its pages, fonts and a cursor measured from the top of the page, since
 * a bill reads top down while PDF coordinates grow upwards. Every text passes through the
 * glyph check, so a character the fonts lack prints as a visible replacement mark.
 */
export class BillCanvas {
  readonly pages: PDFPage[] = []
  page!: PDFPage
  /** Distance of the next free line from the top edge of the current page. */
  top: number = PAGE.margin
  /** Drawn at the top of every page after the first (header, table captions). */
  continuation: (() => void) | undefined
  private fontKeys = new Map<PDFPage, Partial<Record<FontFace, PDFName>>>()
  private run: TextRun | undefined

  constructor(
    readonly pdf: PDFDocument,
    readonly fonts: Record<FontFace, PDFFont>,
    readonly accent: RGB,
    readonly captions: BillCaptions,
  ) {
    this.addPage()
  }

  get limit(): number {
    return PAGE.height - PAGE.foot
  }

  room(): number {
    return this.limit - this.top
  }

  addPage(): void {
    this.flush()
    this.page = this.pdf.addPage([PAGE.width, PAGE.height])
    this.pages.push(this.page)
    this.top = PAGE.margin
    if (this.pages.length > 1) this.continuation?.()
  }

  /** Starts a new page unless `height` still fits on this one. */
  ensure(height: number): void {
    if (height > this.room()) this.addPage()
  }

  /**
   * Word by word: wrapping measures every growing prefix of a line, and words repeat, so
   * summing remembered word widths is far cheaper than shaping each prefix. Shaping never
   * reaches across a space in these scripts, so the sum is the drawn width.
   */
  measure(text: string, size: number, face: FontFace = 'regular'): number {
    const font = this.fonts[face]
    const words = printable(text, face).split(' ')
    const spaces = (words.length - 1) * font.widthOfTextAtSize(' ', size)
    return words.reduce((width, word) => width + font.widthOfTextAtSize(word, size), spaces)
  }

  wrap(text: string, size: number, width: number, face: FontFace = 'regular'): string[] {
    return wrapText(text, (line) => this.measure(line, size, face), width)
  }

  /** The size at which a single-line text fits `width`: `size` itself when it already does. */
  fit(text: string, size: number, width: number, face: FontFace = 'regular'): number {
    const measured = this.measure(text, size, face)
    if (measured <= width) return size
    return Math.max(MIN_FIT_SIZE, Math.floor(((size * width) / measured) * 10) / 10)
  }

  /** One line of text whose top is at `top`. */
  write(text: string, x: number, top: number, style: TextStyle): void {
    const face = style.face ?? 'regular'
    const shown = printable(text, face)
    if (shown === '') return
    const width = style.align && style.align !== 'left' ? this.measure(text, style.size, face) : 0
    let left = x
    if (style.align === 'right') left = x + (style.width ?? 0) - width
    if (style.align === 'center') left = x + ((style.width ?? 0) - width) / 2
    const run = this.textRun()
    const color = style.color ?? INK
    if (run.face !== face || run.size !== style.size) {
      run.operators.push(setFontAndSize(this.fontKey(face), style.size))
      run.face = face
      run.size = style.size
    }
    if (!run.color || !sameColor(run.color, color)) {
      run.operators.push(setFillingColor(color))
      run.color = color
    }
    const x1 = at(left)
    const y1 = at(PAGE.height - top - style.size * ASCENT)
    run.operators.push(moveText(at(x1 - run.x), at(y1 - run.y)))
    run.operators.push(showText(this.fonts[face].encodeText(shown)))
    run.x = x1
    run.y = y1
  }

  /**
   * The open text object of the current page. A bill writes hundreds of short texts; one
   * text object per stretch of text, with the font and colour set only when they change,
   * writes a third of the operators that one object per text would.
   */
  private textRun(): TextRun {
    if (this.run && this.run.page !== this.page) this.flush()
    this.run ??= { page: this.page, operators: [beginText()], x: 0, y: 0 }
    return this.run
  }

  /** Closes the open text object; lines, boxes and images cannot be drawn inside one. */
  flush(): void {
    if (!this.run) return
    this.run.page.pushOperators(...this.run.operators, endText())
    this.run = undefined
  }

  /**
   * The page's resource name for a face, added once per page. pdf-lib's drawText adds a new
   * name for every call and searches the existing ones each time, which made a long bill's
   * pages grow and slow down quadratically.
   */
  private fontKey(face: FontFace): PDFName {
    let keys = this.fontKeys.get(this.page)
    if (!keys) {
      keys = {}
      this.fontKeys.set(this.page, keys)
    }
    const font = this.fonts[face]
    keys[face] ??= this.page.node.newFontDictionary(font.name, font.ref)
    return keys[face]
  }

  /** Lines one under the other from `top`; returns the height they took. */
  writeLines(lines: readonly string[], x: number, top: number, style: TextStyle): number {
    const step = leading(style.size)
    lines.forEach((line, i) => this.write(line, x, top + i * step, style))
    return lines.length * step
  }

  rule(x1: number, x2: number, top: number, color: RGB, thickness = 0.5): void {
    this.flush()
    const y = at(PAGE.height - top)
    this.page.drawLine({ start: { x: at(x1), y }, end: { x: at(x2), y }, thickness, color })
  }

  rect(x: number, top: number, width: number, height: number, fill?: RGB, border?: RGB): void {
    this.flush()
    this.page.drawRectangle({
      x: at(x),
      y: at(PAGE.height - top - height),
      width: at(width),
      height: at(height),
      color: fill,
      borderColor: border,
      borderWidth: border ? 0.75 : 0,
    })
  }
}

const sameColor = (a: RGB, b: RGB) => a.red === b.red && a.green === b.green && a.blue === b.blue
