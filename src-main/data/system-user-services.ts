import { asc, eq } from 'drizzle-orm'
import { systemUsers } from '../db/schema'
import type { AccountServiceProvider } from './account-services'
import { createAccountUsers, deleteAccountUsers, resaveAccountUsers } from './system-user-writes'

/** An account's system users: its main and CGI users are created with it, and removed last. */
export const systemUserServices: AccountServiceProvider = {
  kind: 'systemUser',
  async listForAccount(tx, accountId) {
    const rows = await tx
      .select({ id: systemUsers.id, name: systemUsers.username, isActive: systemUsers.isActive })
      .from(systemUsers)
      .where(eq(systemUsers.accountId, accountId))
      .orderBy(asc(systemUsers.id))
    return rows.map((row) => ({ kind: 'systemUser', ...row }))
  },
  onAccountCreated: (ctx, account, { enableSystemUser }) =>
    createAccountUsers(ctx, account, enableSystemUser),
  onAccountActiveChanged: resaveAccountUsers,
  onAccountDeleting: deleteAccountUsers,
}
