import { asc, eq } from 'drizzle-orm'
import { domains } from '../db/schema'
import type { AccountServiceProvider } from './account-services'
import { deleteDomain } from './domain-writes'

/** An account's domains on its page and in its delete preview; deleted with it, zones and all. */
export const domainServices: AccountServiceProvider = {
  kind: 'domain',
  async listForAccount(tx, accountId) {
    const rows = await tx
      .select({ id: domains.id, name: domains.name })
      .from(domains)
      .where(eq(domains.accountId, accountId))
      .orderBy(asc(domains.name))
    return rows.map((row) => ({ kind: 'domain', id: row.id, name: row.name, isActive: true }))
  },
  async onAccountDeleting(ctx, account) {
    const owned = await ctx.tx.select().from(domains).where(eq(domains.accountId, account.id))
    const ownedIds = new Set(owned.map((domain) => domain.id))
    // Tops first; a subdomain goes with its top unless that top is someone else's.
    const tops = owned.filter((domain) => domain.topId === null)
    const loose = owned.filter((domain) => domain.topId !== null && !ownedIds.has(domain.topId))
    const message = `Deleted with account ${account.username}`
    for (const domain of [...tops, ...loose]) await deleteDomain(ctx, domain.id, message)
  },
}
