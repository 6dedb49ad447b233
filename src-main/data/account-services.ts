import type { Account, OwnedService } from '../../src-shared/schemas/accounts'
import type { Tx } from '../db/store'
import type { WriteContext } from './context'

/**
 * The seam where the service catalogue and billing attach to accounts. Each area registers a
 * provider; the account module calls them in the same unit of work as the account change.
 * Domains are the first provider (data/domain-services.ts); the main system user follows.
 */
export interface AccountServiceProvider {
  kind: string
  /** What the account owns of this kind, for its page and the delete preview. */
  listForAccount(tx: Tx, accountId: number): Promise<OwnedService[]>
  /** Runs when an account is created: the main system user is created here. */
  onAccountCreated?(
    ctx: WriteContext,
    account: Account,
    options: { enableSystemUser: boolean },
  ): Promise<void>
  /** Runs once when the account's active flag flips, so servers are re-provisioned. */
  onAccountActiveChanged?(ctx: WriteContext, account: Account): Promise<void>
  /**
   * Runs before an account is deleted, while its services still exist: a service deletes its
   * objects through its own module, so their history is written and servers are told.
   */
  onAccountDeleting?(ctx: WriteContext, account: Account): Promise<void>
  /** Reasons the account cannot be deleted, e.g. bills that must be kept. */
  deletionBlockers?(tx: Tx, accountId: number): Promise<string[]>
}

export async function listOwnedServices(
  tx: Tx,
  providers: readonly AccountServiceProvider[],
  accountId: number,
): Promise<OwnedService[]> {
  const lists = await Promise.all(providers.map((p) => p.listForAccount(tx, accountId)))
  return lists.flat()
}
