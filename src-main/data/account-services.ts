import { and, eq, inArray, isNotNull, max, notInArray } from 'drizzle-orm'
import type {
  Account,
  OwnedService,
  ServiceFailure,
  ServiceStatus,
} from '../../src-shared/schemas/accounts'
import { accounts, backendLogs, backendOperations } from '../db/schema'
import type { Tx } from '../db/store'
import type { WriteContext } from './context'

/**
 * The seam where the service catalogue and billing attach to accounts. Each area registers a
 * provider; the account module calls them in the same unit of work as the account change.
 * Domains are the first provider (data/domain-services.ts); the main system user follows.
 */
export interface AccountServiceProvider {
  kind: string
  /**
   * What the account owns of this kind, for its page and the delete preview. `kind` is the
   * object type its history and backend operations use, so its state on servers is found.
   */
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

/** Operations whose log has not finished yet say nothing of how the object stands. */
const UNFINISHED = ['PENDING', 'RECEIVED', 'STARTED']
/** The outcomes that leave a server without what the panel says it has. */
const FAILED = new Set(['FAILURE', 'ERROR', 'TIMEOUT', 'ABORTED'])

const keyOf = (kind: string, id: number) => `${kind}:${id}`

/**
 * The latest finished operation of every backend on every server for each of `services`, kept
 * where it failed. Only the latest counts: a retry that succeeded clears the failure.
 */
async function failuresOf(tx: Tx, services: OwnedService[]) {
  const byKey = new Map<string, ServiceFailure[]>()
  if (!services.length) return byKey
  const kinds = [...new Set(services.map((service) => service.kind))]
  const ids = [...new Set(services.map((service) => service.id))]
  const latest = await tx
    .select({ id: max(backendOperations.id) })
    .from(backendOperations)
    .innerJoin(backendLogs, eq(backendLogs.id, backendOperations.logId))
    .where(
      and(
        inArray(backendOperations.objectType, kinds),
        inArray(backendOperations.objectId, ids),
        notInArray(backendOperations.state, UNFINISHED),
        isNotNull(backendOperations.logId),
      ),
    )
    .groupBy(
      backendOperations.objectType,
      backendOperations.objectId,
      backendOperations.backend,
      backendLogs.serverName,
    )
  const operationIds = latest.map((row) => row.id).filter((id): id is number => id !== null)
  if (!operationIds.length) return byKey
  const rows = await tx
    .select({
      objectType: backendOperations.objectType,
      objectId: backendOperations.objectId,
      state: backendOperations.state,
      backend: backendOperations.backend,
      logId: backendLogs.id,
      serverName: backendLogs.serverName,
    })
    .from(backendOperations)
    .innerJoin(backendLogs, eq(backendLogs.id, backendOperations.logId))
    .where(inArray(backendOperations.id, operationIds))
  for (const row of rows.filter((operation) => FAILED.has(operation.state))) {
    const key = keyOf(row.objectType, row.objectId)
    const { logId, backend, serverName, state } = row
    byKey.set(key, [...(byKey.get(key) ?? []), { logId, backend, serverName, state }])
  }
  return byKey
}

export async function listOwnedServices(
  tx: Tx,
  providers: readonly AccountServiceProvider[],
  accountId: number,
): Promise<OwnedService[]> {
  const lists = await Promise.all(providers.map((p) => p.listForAccount(tx, accountId)))
  return lists.flat()
}

/**
 * How each of an account's services stands: failing on a server, else active or disabled by
 * its own flag and its account's. Only what providers list is needed, so a new area's
 * services get their states without any change here.
 */
export async function serviceStates(
  tx: Tx,
  accountId: number,
  services: OwnedService[],
): Promise<ServiceStatus[]> {
  const [account] = await tx
    .select({ isActive: accounts.isActive })
    .from(accounts)
    .where(eq(accounts.id, accountId))
  const failures = await failuresOf(tx, services)
  return services.map(({ kind, id, isActive }) => {
    const failed = failures.get(keyOf(kind, id)) ?? []
    const active = isActive && (account?.isActive ?? false)
    return {
      kind,
      id,
      state: failed.length ? 'failing' : active ? 'active' : 'disabled',
      failures: failed,
    }
  })
}
