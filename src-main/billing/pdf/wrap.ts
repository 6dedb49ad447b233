import { textLines } from './glyphs'

/**
 * The printed width of a text, in points, in the font and size the caller chose. A text's
 * width must be the sum of its words' and spaces' widths, as it is for these fonts.
 */
export type Measure = (text: string) => number

/**
 * Breaks a text into lines no wider than `width`, by the measured width of the font. Words
 * break at spaces; a word wider than the whole column (a long domain or URL) breaks between
 * characters. Nothing is dropped: the lines hold every character of the text, in order.
 * Line breaks in the text are kept; an empty text is one empty line.
 */
export function wrapText(text: string, measure: Measure, width: number): string[] {
  return textLines(text).flatMap((line) => wrapLine(line, measure, width))
}

/**
 * A line's width is the sum of its words' widths and its spaces' (the measure the canvas
 * uses), so each word is measured once rather than every growing prefix of the line.
 */
function wrapLine(line: string, measure: Measure, width: number): string[] {
  const words = line.split(' ').filter((word) => word !== '')
  if (words.length === 0) return ['']
  const space = measure(' ')
  const lines: string[] = []
  let current = ''
  let currentWidth = 0
  for (const word of words) {
    const wordWidth = measure(word)
    if (current !== '' && currentWidth + space + wordWidth <= width) {
      current = `${current} ${word}`
      currentWidth += space + wordWidth
      continue
    }
    if (current !== '') lines.push(current)
    if (wordWidth <= width) {
      current = word
      currentWidth = wordWidth
      continue
    }
    const pieces = breakWord(word, measure, width)
    lines.push(...pieces.slice(0, -1))
    current = pieces[pieces.length - 1]!
    currentWidth = measure(current)
  }
  lines.push(current)
  return lines
}

/** Splits one over-wide word into pieces that fit; at least one character per piece. */
function breakWord(word: string, measure: Measure, width: number): string[] {
  const pieces: string[] = []
  let piece = ''
  for (const character of word) {
    if (piece !== '' && measure(piece + character) > width) {
      pieces.push(piece)
      piece = ''
    }
    piece += character
  }
  pieces.push(piece)
  return pieces
}
