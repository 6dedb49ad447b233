import { writeFileSync } from 'node:fs'
import { AppError } from '../../src-shared/errors'
import { renderBillPdf } from '../billing/pdf/render-bill-pdf'
import { openCore, type CoreOptions } from '../core/core'
import { billDocument, getBillByNumber } from '../data/bill-documents'

export interface InvoiceOptions extends CoreOptions {
  number?: string
  pdf?: string
}

/**
 * `orchestra invoice <number> --pdf <file>`: writes the bill of that number (final or
 * provisional) as PDF; a closed bill prints as frozen at its close, an open one as a draft.
 * Exit 2 for an unknown number or a missing argument.
 */
export async function invoiceCommand(options: InvoiceOptions): Promise<number> {
  if (!options.number || !options.pdf) {
    process.stderr.write('invoice needs a bill number and --pdf <file>\n')
    return 2
  }
  const number = options.number
  const core = await openCore({ ...options, quietLogs: true })
  try {
    const document = await core.store.read(async (tx) =>
      billDocument(tx, (await getBillByNumber(tx, number)).id),
    )
    const bytes = await renderBillPdf(document)
    writeFileSync(options.pdf, bytes)
    process.stdout.write(`Wrote ${document.number} to ${options.pdf} (${bytes.length} bytes)\n`)
    return 0
  } catch (error) {
    if (error instanceof AppError) {
      process.stderr.write(`orchestra: ${error.message}\n`)
      return 2
    }
    throw error
  } finally {
    await core.close()
  }
}
