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

/** Distinct texts whose shaping is remembered per face; a bill uses a few hundred. */
const LAYOUT_CACHE_SIZE = 20_000

/**
 * Shaping a text (fontkit's layout: cmap, GSUB, GPOS) is most of a bill's rendering time,
 * and a bill shapes the same texts again and again ("10.00 €", each word while wrapping,
 * every line once to measure and once to draw). The result depends on the text alone and
 * nothing downstream changes it, so it is remembered on our own parsed font.
 */
function rememberLayouts(font: FontkitFont): FontkitFont {
  const layout = font.layout.bind(font)
  const runs = new Map<string, ReturnType<FontkitFont['layout']>>()
  font.layout = (text, features) => {
    if (features !== undefined) return layout(text, features)
    let run = runs.get(text)
    if (!run) {
      if (runs.size >= LAYOUT_CACHE_SIZE) runs.clear()
      run = layout(text)
      runs.set(text, run)
    }
    return run
  }
  return font
}

/**
 * fontkit as pdf-lib calls it, parsing each font file once per process. Parsing DejaVu took
 * about two thirds of a bill's rendering time; the parsed tables are only read (each
 * document builds its own subset), so sharing them keeps the output bytes the same.
 */
export const cachedFontkit: Fontkit = {
  create(buffer: Uint8Array, postscriptName?: string): FontkitFont {
    if (postscriptName !== undefined) return fontkit.create(buffer, postscriptName)
    let font = parsed.get(buffer)
    if (!font) {
      font = rememberLayouts(fontkit.create(buffer))
      parsed.set(buffer, font)
    }
    return font
  },
}

/** The parsed face, to ask which characters it can draw. */
export function fontkitFace(face: FontFace): FontkitFont {
  return cachedFontkit.create(fontBytes(face))
}
