import { degrees } from 'pdf-lib'
import type { BillCanvas } from './canvas'
import { PAGE } from './theme'

const OPACITY = 0.13

/**
 * "PRO FORMA / DRAFT" across every page, corner to corner, light enough to read the bill
 * through it: open bills and pro formas must not pass for a closed invoice (spec 13).
 */
export function drawWatermark(canvas: BillCanvas): void {
  const text = canvas.captions.watermark
  const angle = Math.atan2(PAGE.height, PAGE.width)
  const diagonal = Math.hypot(PAGE.width, PAGE.height)
  const font = canvas.fonts.bold
  const size = Math.min(72, (0.75 * diagonal * 72) / font.widthOfTextAtSize(text, 72))
  const width = font.widthOfTextAtSize(text, size)
  const capHeight = size * 0.73
  // Start so that the middle of the text's box lands on the middle of the page.
  const cos = Math.cos(angle)
  const sin = Math.sin(angle)
  const x = PAGE.width / 2 - (width / 2) * cos + (capHeight / 2) * sin
  const y = PAGE.height / 2 - (width / 2) * sin - (capHeight / 2) * cos
  for (const page of canvas.pages) {
    page.drawText(text, {
      x,
      y,
      size,
      font,
      color: canvas.accent,
      opacity: OPACITY,
      rotate: degrees((angle * 180) / Math.PI),
    })
  }
}
