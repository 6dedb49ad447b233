import type { PdfFile } from '../../../../src-shared/schemas/bills'

/** The PDF's bytes, decoded from the base64 the bridges carry. */
export function pdfBytes(file: PdfFile): Uint8Array<ArrayBuffer> {
  const text = atob(file.base64)
  const bytes = new Uint8Array(text.length)
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i)
  return bytes
}

export function pdfBlobUrl(file: PdfFile): string {
  return URL.createObjectURL(new Blob([pdfBytes(file)], { type: 'application/pdf' }))
}

/** Saves the PDF under its own name through the browser's download. */
export function savePdf(file: PdfFile) {
  const url = pdfBlobUrl(file)
  const link = document.createElement('a')
  link.href = url
  link.download = file.fileName
  link.click()
  // The download has taken the bytes by the next turn of the event loop.
  setTimeout(() => URL.revokeObjectURL(url), 0)
}
