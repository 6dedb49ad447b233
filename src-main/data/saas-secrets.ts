import type { Tx } from '../db/store'

/**
 * A tenant's password lives only as long as the unit of work that set it: the backends of the
 * same change read it here while their scripts are written (in that transaction), and it goes
 * with the transaction. It is never written to the database, a log or a stored script.
 */
const byTransaction = new WeakMap<Tx, Map<number, string>>()

export function holdTenantPassword(tx: Tx, tenantId: number, password: string): void {
  const held = byTransaction.get(tx) ?? new Map<number, string>()
  held.set(tenantId, password)
  byTransaction.set(tx, held)
}

/** The password given in this unit of work for the tenant, if one was. */
export function heldTenantPassword(tx: Tx, tenantId: number): string | undefined {
  return byTransaction.get(tx)?.get(tenantId)
}
