import { createHash } from 'node:crypto'
import { PDFHexString, type PDFDocument } from 'pdf-lib'

export const PRODUCER = 'Orchestra Desktop'

/**
 * Fixed producer, creator and dates: pdf-lib would otherwise stamp its own name and the
 * current time, and the same bill would no longer give the same bytes.
 */
export function stampDocument(pdf: PDFDocument, date: Date, title?: string, author?: string) {
  pdf.setProducer(PRODUCER)
  pdf.setCreator(PRODUCER)
  pdf.setCreationDate(date)
  pdf.setModificationDate(date)
  if (title !== undefined) pdf.setTitle(title)
  if (author !== undefined) pdf.setAuthor(author)
}

/**
 * The trailer's file identifier, which PDF readers and printers use to tell files apart.
 * pdf-lib writes none; ours is derived from the content, so it is the same for the same bill
 * and differs between bills, with nothing random in it.
 */
export function setDocumentId(pdf: PDFDocument, digest: string): void {
  const id = PDFHexString.of(digest.slice(0, 32))
  pdf.context.trailerInfo.ID = pdf.context.obj([id, id])
}

/** JSON with sorted keys and byte arrays as their SHA-256, for a digest that ignores key order. */
function stable(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) => {
    if (item instanceof Uint8Array) return sha256(item)
    if (!item || typeof item !== 'object' || Array.isArray(item)) return item
    const entries = Object.entries(item).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    return Object.fromEntries(entries)
  })
}

export function sha256(data: Uint8Array | string): string {
  return createHash('sha256').update(data).digest('hex')
}

export function contentDigest(value: unknown): string {
  return sha256(stable(value))
}
