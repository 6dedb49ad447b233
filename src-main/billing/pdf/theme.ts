import { rgb, type RGB } from 'pdf-lib'
import type { BillType } from '../bill-document'

/** A4 in points, with the margins every layout keeps. */
export const PAGE = {
  width: 595.28,
  height: 841.89,
  margin: 42,
  /** Room kept at the foot of every page for the page number. */
  foot: 48,
} as const

export const CONTENT_WIDTH = PAGE.width - 2 * PAGE.margin
export const LEFT = PAGE.margin
export const RIGHT = PAGE.width - PAGE.margin

export type Layout = 'default' | 'fee' | 'proforma'

/** Spec 8: FEE and PROFORMA have their own layouts; invoices and both amendments share one. */
export function layoutOf(type: BillType): Layout {
  if (type === 'FEE') return 'fee'
  if (type === 'PROFORMA') return 'proforma'
  return 'default'
}

/** Each channel to four decimals: exact to the 8-bit colour, and short in the file. */
const hex = (value: string): RGB => {
  const n = Number.parseInt(value, 16)
  const channel = (shift: number) => Math.round((((n >> shift) & 255) / 255) * 10_000) / 10_000
  return rgb(channel(16), channel(8), channel(0))
}

/** Spec 8's accents: #B23 dark red, #809708 green, #2C5899 blue. */
export const ACCENTS: Record<Layout, RGB> = {
  default: hex('BB2233'),
  fee: hex('809708'),
  proforma: hex('2C5899'),
}

export const INK = hex('222222')
export const MUTED = hex('666666')
export const FAINT = hex('999999')
export const HAIRLINE = hex('CCCCCC')
export const SHADE = hex('F2F2F2')
export const WHITE = rgb(1, 1, 1)

/** Type sizes in points. */
export const SIZE = {
  body: 9,
  table: 8.5,
  small: 7.5,
  caption: 7,
  title: 22,
  number: 14,
  total: 11,
} as const

/** Line height for a size: DejaVu's ascent plus descent is about 1.16 em. */
export const leading = (size: number) => size * 1.3
