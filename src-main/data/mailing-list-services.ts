import type { AccountServiceProvider } from './account-services'
import { recordHistory } from './history'
import { accountMailingLists, deleteMailingLists } from './mailing-list-writes'

/**
 * Mailing lists (spec 7) as services of an account. A disabled account's lists refuse posts
 * on the server as if each were inactive (spec 0.1).
 */
export const mailingListServices: AccountServiceProvider = {
  kind: 'mailingList',
  async listForAccount(tx, accountId) {
    const lists = await accountMailingLists(tx, accountId)
    return lists
      .map((list) => ({
        kind: 'mailingList',
        id: list.id,
        name: list.name,
        isActive: list.isActive,
      }))
      .sort((a, b) => a.name.localeCompare(b.name))
  },
  /** Saves every list again, so the server refuses or accepts its posts. */
  async onAccountActiveChanged(ctx, account) {
    const message = `Account ${account.username} ${account.isActive ? 'enabled' : 'disabled'}`
    for (const list of await accountMailingLists(ctx.tx, account.id)) {
      await recordHistory(ctx, {
        objectType: 'mailingList',
        objectId: list.id,
        accountId: account.id,
        objectRepr: list.name,
        action: 'changed',
        message,
      })
    }
  },
  async onAccountDeleting(ctx, account) {
    const lists = await accountMailingLists(ctx.tx, account.id)
    const message = `Deleted with account ${account.username}`
    await deleteMailingLists(
      ctx,
      lists.map((list) => list.id),
      message,
    )
  },
}
