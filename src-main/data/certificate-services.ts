import { eq } from 'drizzle-orm'
import { accounts, certificates, websites } from '../db/schema'
import type { AccountServiceProvider } from './account-services'
import { splitNames } from './certificates'
import { deleteCertificates } from './certificate-writes'

async function accountCertificates(
  tx: Parameters<AccountServiceProvider['listForAccount']>[0],
  accountId: number,
) {
  return tx
    .select({ id: certificates.id, names: certificates.names, isActive: accounts.isActive })
    .from(certificates)
    .innerJoin(websites, eq(websites.id, certificates.websiteId))
    .innerJoin(accounts, eq(accounts.id, websites.accountId))
    .where(eq(websites.accountId, accountId))
    .orderBy(certificates.names)
}

/**
 * Let's Encrypt certificates (spec 11) as services of an account. They have no active flag:
 * a disabled website stops serving its certificate, which is the web server's business.
 */
export const certificateServices: AccountServiceProvider = {
  kind: 'certificate',
  async listForAccount(tx, accountId) {
    const rows = await accountCertificates(tx, accountId)
    return rows.map((row) => ({
      kind: 'certificate',
      id: row.id,
      name: splitNames(row.names)[0] ?? `#${row.id}`,
      isActive: row.isActive,
    }))
  },
  /** The lineages go from the servers before the websites do (nothing is revoked). */
  async onAccountDeleting(ctx, account) {
    const rows = await accountCertificates(ctx.tx, account.id)
    await deleteCertificates(
      ctx,
      rows.map((row) => row.id),
      `Deleted with account ${account.username}`,
    )
  },
}
