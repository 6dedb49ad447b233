import { eq } from 'drizzle-orm'
import { accounts } from '../db/schema'
import type { AccountServiceProvider } from './account-services'
import { recordHistory } from './history'
import { deleteWebapps } from './webapp-writes'
import { accountWebapps } from './webapps'

/**
 * Web apps (spec 5) as services of an account. They have no flag of their own: a disabled
 * account's apps are saved again, and their backends take the pools, wrappers and vassals
 * away (no code of it runs) while the files stay.
 */
export const webappServices: AccountServiceProvider = {
  kind: 'webapp',
  async listForAccount(tx, accountId) {
    const [account] = await tx
      .select({ isActive: accounts.isActive })
      .from(accounts)
      .where(eq(accounts.id, accountId))
    const apps = await accountWebapps(tx, accountId)
    return apps
      .map((app) => ({ kind: 'webapp', id: app.id, name: app.name, isActive: !!account?.isActive }))
      .sort((a, b) => a.name.localeCompare(b.name))
  },
  async onAccountActiveChanged(ctx, account) {
    const message = `Account ${account.username} ${account.isActive ? 'enabled' : 'disabled'}`
    for (const app of await accountWebapps(ctx.tx, account.id)) {
      await recordHistory(ctx, {
        objectType: 'webapp',
        objectId: app.id,
        accountId: account.id,
        objectRepr: `${account.username}/${app.name}`,
        action: 'changed',
        message,
      })
    }
  },
  async onAccountDeleting(ctx, account) {
    const apps = await accountWebapps(ctx.tx, account.id)
    await deleteWebapps(
      ctx,
      apps.map((app) => app.id),
      `Deleted with account ${account.username}`,
    )
  },
}
