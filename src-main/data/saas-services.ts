import type { AccountServiceProvider } from './account-services'
import { recordHistory } from './history'
import { accountTenants } from './saas'
import { deleteSaasTenants } from './saas-writes'

/**
 * An account's SaaS tenants. Their sites follow the account: disabling it saves every tenant
 * again, so the backends apply the disabled state.
 */
export const saasServices: AccountServiceProvider = {
  kind: 'saasTenant',
  async listForAccount(tx, accountId) {
    const tenants = await accountTenants(tx, accountId)
    return tenants
      .map((tenant) => ({
        kind: 'saasTenant',
        id: tenant.id,
        name: `${tenant.name} (${tenant.service})`,
        isActive: tenant.isActive,
      }))
      .sort((a, b) => a.name.localeCompare(b.name))
  },
  async onAccountActiveChanged(ctx, account) {
    const message = `Account ${account.username} ${account.isActive ? 'enabled' : 'disabled'}`
    for (const tenant of await accountTenants(ctx.tx, account.id)) {
      await recordHistory(ctx, {
        objectType: 'saasTenant',
        objectId: tenant.id,
        accountId: account.id,
        objectRepr: `${tenant.name} (${tenant.service})`,
        action: 'changed',
        message,
      })
    }
  },
  async onAccountDeleting(ctx, account) {
    const tenants = await accountTenants(ctx.tx, account.id)
    await deleteSaasTenants(
      ctx,
      tenants.map((tenant) => tenant.id),
      `Deleted with account ${account.username}`,
    )
  },
}
