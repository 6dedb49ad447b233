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
  if (value instanceof Uint8Array) return JSON.stringify(sha256(value))
  if (value instanceof Date) return JSON.stringify(value.toISOString())
  if (Array.isArray(value)) return `[${value.map(stable).join(',')}]`
  if (value && typeof value === 'object') {
    const entries = Object.entries(value)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${stable(item)}`).join(',')}}`
  }
  return JSON.stringify(value)
}

export function sha256(data: Uint8Array | string): string {
  return createHash('sha256').update(data).digest('hex')
}

export function contentDigest(value: unknown): string {
  return sha256(stable(value))
}
