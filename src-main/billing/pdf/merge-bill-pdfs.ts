import { PDFDocument } from 'pdf-lib'
import { contentDigest, setDocumentId, sha256, stampDocument } from './metadata'

/**
 * One PDF of several bills, page after page in the order given: "print all closed bills of
 * this run". Each bill keeps its own "Page X of Y". The merged file is dated like the newest
 * bill in it, so the same bills merge to the same bytes.
 */
export async function mergeBillPdfs(pdfs: Uint8Array[]): Promise<Uint8Array> {
  if (pdfs.length === 0) throw new RangeError('There are no bills to merge')
  const merged = await PDFDocument.create({ updateMetadata: false })
  let newest = new Date(0)
  for (const bytes of pdfs) {
    const bill = await PDFDocument.load(bytes, { updateMetadata: false })
    const pages = await merged.copyPages(bill, bill.getPageIndices())
    pages.forEach((page) => merged.addPage(page))
    const created = bill.getCreationDate()
    if (created && created > newest) newest = created
  }
  stampDocument(merged, newest)
  setDocumentId(merged, contentDigest(pdfs.map((bytes) => sha256(bytes))))
  // A run's batch can hold hundreds of bills: yield now and then rather than block for long.
  return merged.save({ objectsPerTick: 2_000 })
}
