import { eq } from 'drizzle-orm'
import { accounts } from '../db/schema'
import type { AccountServiceProvider } from './account-services'
import { recordHistory } from './history'
import { accountSqlObjects, deleteSqlDatabases, deleteSqlUsers } from './sql-writes'

/**
 * An account's databases and database users. Neither has an active flag of its own: what the
 * servers see follows the account (spec 4.1), so a disabled account's users are locked.
 */
export const sqlServices: AccountServiceProvider = {
  kind: 'sqlDatabase',
  async listForAccount(tx, accountId) {
    const [account] = await tx
      .select({ isActive: accounts.isActive })
      .from(accounts)
      .where(eq(accounts.id, accountId))
    const isActive = account?.isActive ?? false
    const { databases, users } = await accountSqlObjects(tx, accountId)
    const byName = <T extends { name: string }>(a: T, b: T) => a.name.localeCompare(b.name)
    return [
      ...databases
        .map((row) => ({ kind: 'sqlDatabase', id: row.id, name: row.name, isActive }))
        .sort(byName),
      ...users
        .map((row) => ({ kind: 'sqlUser', id: row.id, name: row.username, isActive }))
        .sort(byName),
    ]
  },
  /** Saves every user again, so the servers lock or unlock its login. */
  async onAccountActiveChanged(ctx, account) {
    const { users } = await accountSqlObjects(ctx.tx, account.id)
    const message = `Account ${account.username} ${account.isActive ? 'enabled' : 'disabled'}`
    for (const user of users) {
      await recordHistory(ctx, {
        objectType: 'sqlUser',
        objectId: user.id,
        accountId: account.id,
        objectRepr: user.username,
        action: 'changed',
        message,
      })
    }
  },
  async onAccountDeleting(ctx, account) {
    const { databases, users } = await accountSqlObjects(ctx.tx, account.id)
    const message = `Deleted with account ${account.username}`
    await deleteSqlDatabases(
      ctx,
      databases.map((row) => row.id),
      message,
    )
    await deleteSqlUsers(
      ctx,
      users.map((row) => row.id),
      message,
    )
  },
}
