import { AppError } from '../../src-shared/errors'
import type { CertificateRow } from '../../src-shared/schemas/certificates'
import { openCore, type CoreOptions } from '../core/core'

export interface RenewOptions extends CoreOptions {
  dryRun: boolean
}

const describe = (row: CertificateRow) =>
  `${row.names[0] ?? `#${row.id}`} (${row.websiteName}, ${row.accountUsername}) ` +
  `ends ${row.notAfter ?? 'never issued'}`

/**
 * `orchestra renew-certificates`: renews every certificate due within CERTIFICATES_RENEW_DAYS
 * (for a daily timer), one line each, and exits 1 when one failed. `--dry-run` only lists
 * what is due.
 */
export async function renewCertificatesCommand(options: RenewOptions): Promise<number> {
  const out = (text: string) => process.stdout.write(text)
  const core = await openCore({ ...options, quietLogs: true })
  try {
    const report = await core.dispatcher.dispatch('certificates:renew', {
      dryRun: options.dryRun,
    })
    if (!report.due.length) {
      out('No certificate is due for renewal.\n')
      return 0
    }
    if (report.dryRun) {
      for (const row of report.due) out(`due: ${describe(row)}\n`)
      return 0
    }
    for (const row of report.renewed) out(`renewed: ${describe(row)}\n`)
    for (const row of report.failed) out(`failed: ${describe(row)}: ${row.lastError}\n`)
    return report.failed.length ? 1 : 0
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
