import type { BillDocument } from '../bill-document'
import { fontkitFace, type FontFace } from './fonts'

/** Printed in place of a character the font cannot draw, so the gap is seen, not hidden. */
export const REPLACEMENT = '\uFFFD'

export interface MissingGlyph {
  /** Where the character is, e.g. "buyer.name" or "lines.3.description". */
  field: string
  character: string
  /** e.g. "U+5C71". */
  codePoint: string
}

// Invisible format characters (zero-width space, joiners, direction marks) print nothing
// anyway; dropping them is not a loss. Other controls become spaces.
const FORMAT = /\p{Cf}/gu
const CONTROL = /[\p{Cc}\u2028\u2029]/gu

/** Printable ASCII needs no composing or cleaning, and every face draws it. */
const PLAIN = /^[\x20-\x7e]*$/

/** One line of text as the fonts will see it: composed (NFC), without controls. */
export function cleanLine(text: string): string {
  if (PLAIN.test(text)) return text
  return text.normalize('NFC').replace(FORMAT, '').replace(CONTROL, ' ')
}

/** Text split at its line breaks, each line cleaned. */
export function textLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/).map(cleanLine)
}

function covered(codePoint: number): boolean {
  // Both faces, since any caption or value may be set in bold.
  return hasGlyph('regular', codePoint) && hasGlyph('bold', codePoint)
}

const drawable: Record<FontFace, Map<number, boolean>> = { regular: new Map(), bold: new Map() }

/** Whether the face has a glyph for the code point, remembered: a bill asks thousands of times. */
function hasGlyph(face: FontFace, codePoint: number): boolean {
  let known = drawable[face].get(codePoint)
  if (known === undefined) {
    known = codePoint === 32 || fontkitFace(face).hasGlyphForCodePoint(codePoint)
    drawable[face].set(codePoint, known)
  }
  return known
}

/** Replaces each character the face cannot draw with the visible replacement mark. */
export function printable(text: string, face: FontFace): string {
  if (PLAIN.test(text)) return text
  let out = ''
  for (const character of cleanLine(text)) {
    out += hasGlyph(face, character.codePointAt(0)!) ? character : REPLACEMENT
  }
  return out
}

function* strings(value: unknown, field: string): Generator<[string, string]> {
  if (typeof value === 'string') yield [field, value]
  else if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) yield* strings(item, `${field}.${i}`)
  } else if (value && typeof value === 'object' && !(value instanceof Uint8Array)) {
    for (const [key, item] of Object.entries(value)) {
      yield* strings(item, field ? `${field}.${key}` : key)
    }
  }
}

/**
 * Every character of the bill's texts that the embedded fonts have no glyph for. DejaVu Sans
 * covers Latin (with its diacritics), Greek and Cyrillic; this finds what falls outside, such
 * as CJK ideographs, so the clerk hears of it before a bill prints with replacement marks.
 */
export function findMissingGlyphs(doc: BillDocument): MissingGlyph[] {
  const missing: MissingGlyph[] = []
  for (const [field, text] of strings(doc, '')) {
    if (field === 'type' || field === 'language') continue
    for (const line of textLines(text)) {
      for (const character of line) {
        const codePoint = character.codePointAt(0)!
        if (codePoint === 32 || covered(codePoint)) continue
        const hex = codePoint.toString(16).toUpperCase().padStart(4, '0')
        missing.push({ field, character, codePoint: `U+${hex}` })
      }
    }
  }
  return missing
}

/** Thrown when a bill must not print with replacement marks and some character has no glyph. */
export class MissingGlyphsError extends Error {
  readonly missing: MissingGlyph[]

  constructor(missing: MissingGlyph[]) {
    const listed = missing
      .slice(0, 5)
      .map((m) => `"${m.character}" (${m.codePoint}) in ${m.field}`)
      .join(', ')
    const more = missing.length > 5 ? ` and ${missing.length - 5} more` : ''
    super(`The bill's fonts cannot print ${listed}${more}`)
    this.name = 'MissingGlyphsError'
    this.missing = missing
  }
}
