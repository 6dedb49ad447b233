import { readFileSync } from 'node:fs'
import fontkit from '@pdf-lib/fontkit'
import type { PDFDocument } from 'pdf-lib'
import { resourcePath } from '../../core/paths'

/**
 * The bill's two faces. DejaVu Sans ships with the app (resources/fonts, Bitstream Vera
 * licence) because the PDF standard fonts only encode WinAnsi: "Ł", "č", Greek and Cyrillic
 * names would not print with them.
 */
export const FONT_FILES = { regular: 'DejaVuSans.ttf', bold: 'DejaVuSans-Bold.ttf' } as const
export type FontFace = keyof typeof FONT_FILES

type Fontkit = Parameters<PDFDocument['registerFontkit']>[0]
type FontkitFont = ReturnType<Fontkit['create']>

const bytes = new Map<FontFace, Uint8Array>()
const parsed = new WeakMap<Uint8Array, FontkitFont>()

export function fontBytes(face: FontFace): Uint8Array {
  let data = bytes.get(face)
  if (!data) {
    data = new Uint8Array(readFileSync(resourcePath('fonts', FONT_FILES[face])))
    bytes.set(face, data)
  }
  return data
}

/**
 * fontkit as pdf-lib calls it, parsing each font file once per process. Parsing DejaVu takes
 * about two thirds of a bill's rendering time otherwise; the parsed tables are only read (each
 * document builds its own subset), so sharing them keeps the output bytes the same.
 */
export const cachedFontkit: Fontkit = {
  create(buffer: Uint8Array, postscriptName?: string): FontkitFont {
    if (postscriptName !== undefined) return fontkit.create(buffer, postscriptName)
    let font = parsed.get(buffer)
    if (!font) {
      font = fontkit.create(buffer)
      parsed.set(buffer, font)
    }
    return font
  },
}

/** The parsed face, to ask which characters it can draw. */
export function fontkitFace(face: FontFace): FontkitFont {
  return cachedFontkit.create(fontBytes(face))
}
