import { asc, eq } from 'drizzle-orm'
import { websites } from '../db/schema'
import type { AccountServiceProvider } from './account-services'
import { recordHistory } from './history'
import { accountWebsites, deleteWebsites } from './website-writes'

/**
 * Websites (spec 6) as services of an account. A site is served only while its account is
 * active too, so flipping the account re-saves every site; deleting it removes them first,
 * before the web apps they mount.
 */
export const websiteServices: AccountServiceProvider = {
  kind: 'website',
  async listForAccount(tx, accountId) {
    const rows = await tx
      .select({ id: websites.id, name: websites.name, isActive: websites.isActive })
      .from(websites)
      .where(eq(websites.accountId, accountId))
      .orderBy(asc(websites.name))
    return rows.map((row) => ({ kind: 'website', ...row }))
  },
  async onAccountActiveChanged(ctx, account) {
    const message = `Account ${account.username} ${account.isActive ? 'enabled' : 'disabled'}`
    for (const website of await accountWebsites(ctx.tx, account.id)) {
      await recordHistory(ctx, {
        objectType: 'website',
        objectId: website.id,
        accountId: account.id,
        objectRepr: website.name,
        action: 'changed',
        message,
      })
    }
  },
  async onAccountDeleting(ctx, account) {
    const ids = (await accountWebsites(ctx.tx, account.id)).map((row) => row.id)
    await deleteWebsites(ctx, ids, `Deleted with account ${account.username}`)
  },
}
