import type { BillDocument, BillParty, SellerDetails } from '../bill-document'
import type { BillCanvas } from './canvas'
import { FAINT, INK, MUTED, SIZE, leading } from './theme'

const LOGO_BOX = { width: 170, height: 56 }

// Logo

function isPng(bytes: Uint8Array): boolean {
  return bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47
}

function isJpeg(bytes: Uint8Array): boolean {
  return bytes[0] === 0xff && bytes[1] === 0xd8
}

/** Refuses a logo the PDF cannot embed before any page is drawn. */
export function checkLogo(seller: SellerDetails): void {
  const logo = seller.logo
  if (logo && logo.length > 0 && !isPng(logo) && !isJpeg(logo)) {
    throw new Error('The seller logo must be a PNG or JPEG image')
  }
}

/** Spec 8.1.1: the seller's logo scaled into its box, or the placeholder underlined. */
export async function drawLogo(
  canvas: BillCanvas,
  logo: Uint8Array | undefined,
  x: number,
  top: number,
): Promise<number> {
  if (logo && logo.length > 0) {
    const image = isPng(logo) ? await canvas.pdf.embedPng(logo) : await canvas.pdf.embedJpg(logo)
    const scale = Math.min(LOGO_BOX.width / image.width, LOGO_BOX.height / image.height, 1)
    const height = image.height * scale
    canvas.flush()
    canvas.page.drawImage(image, {
      x,
      y: canvas.page.getHeight() - top - height,
      width: image.width * scale,
      height,
    })
    return height
  }
  const text = canvas.captions.logoPlaceholder
  const size = 15
  canvas.write(text, x, top, { size, face: 'bold', color: FAINT })
  const underline = top + leading(size) + 1
  canvas.rule(x, x + canvas.measure(text, size, 'bold'), underline, canvas.accent, 2)
  return underline + 2 - top
}

// Parties

function cityLine(party: BillParty): string {
  return [party.zipcode, party.city].filter((part) => part.trim() !== '').join(' - ')
}

/** Spec 8.1.2 and 8.1.5: the lines of a seller or buyer block, empty fields left out. */
export function partyLines(canvas: BillCanvas, party: BillParty | SellerDetails): string[] {
  const vat = party.vat.trim() === '' ? '' : `${canvas.captions.vat} ${party.vat}`
  const lines = [vat, party.address, cityLine(party), party.country]
  if ('phone' in party) lines.push(party.phone, party.email, party.website)
  return lines.filter((line) => line.trim() !== '')
}

/** Name in bold, then the other lines, wrapped to `width`; returns the height taken. */
export function drawParty(
  canvas: BillCanvas,
  party: BillParty | SellerDetails,
  x: number,
  top: number,
  width: number,
  align: 'left' | 'right' = 'left',
): number {
  const nameSize = SIZE.body + 1
  const name = canvas.wrap(party.name, nameSize, width, 'bold')
  let height = canvas.writeLines(name, x, top, {
    size: nameSize,
    face: 'bold',
    align,
    width,
  })
  const rest = partyLines(canvas, party).flatMap((line) => canvas.wrap(line, SIZE.body, width))
  height += canvas.writeLines(rest, x, top + height, {
    size: SIZE.body,
    color: MUTED,
    align,
    width,
  })
  return height
}

// Title and summary boxes

/** Spec 8.1.3: the bill type in title case and its number, both in the accent colour. */
export function drawTitle(canvas: BillCanvas, doc: BillDocument, x: number, top: number): number {
  const title = canvas.captions.types[doc.type]
  canvas.write(title, x, top, { size: SIZE.title, face: 'bold', color: canvas.accent })
  const numberTop = top + leading(SIZE.title)
  canvas.write(doc.number, x, numberTop, { size: SIZE.number, face: 'bold', color: canvas.accent })
  return numberTop + leading(SIZE.number) - top
}

/** Spec 8.1.4: DUE DATE, TOTAL and "<TYPE> DATE" side by side. */
export function drawSummaryBoxes(
  canvas: BillCanvas,
  doc: BillDocument,
  x: number,
  top: number,
  width: number,
): number {
  const captions = canvas.captions
  const boxes = [
    [captions.dueDate, doc.dueOn],
    [captions.total, `${doc.total} ${doc.currency}`],
    [captions.typeDate(captions.types[doc.type]), doc.billDate],
  ] as const
  const gap = 6
  const boxWidth = (width - gap * (boxes.length - 1)) / boxes.length
  const height = 38
  boxes.forEach(([caption, value], i) => {
    const left = x + i * (boxWidth + gap)
    const inner = boxWidth - 8
    canvas.rect(left, top, boxWidth, height, undefined, canvas.accent)
    const captionSize = canvas.fit(caption, SIZE.caption, inner, 'bold')
    canvas.write(caption, left + 4, top + 6, { size: captionSize, face: 'bold', color: MUTED })
    const valueSize = canvas.fit(value, SIZE.body + 1.5, inner, 'bold')
    canvas.write(value, left + 4, top + 20, { size: valueSize, face: 'bold', color: INK })
  })
  return height
}
