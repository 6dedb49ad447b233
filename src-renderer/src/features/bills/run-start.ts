import type { OrderRow } from '../../../../src-shared/schemas/billing-orders'

/** An account picked for a run: its id as the picker's value, its username as the label. */
export interface AccountChoice {
  value: string
  label: string
}

/** An order of the clerk's selection, as the wizard lists it. */
export type SelectedOrder = Pick<
  OrderRow,
  | 'id'
  | 'accountId'
  | 'accountUsername'
  | 'serviceDescription'
  | 'description'
  | 'contentObjectRepr'
>

/**
 * What another page hands the billing run (spec 6.1) when it starts one from a selection,
 * through the router's navigation state: it holds only what the wizard shows.
 */
export interface RunStart {
  accounts?: AccountChoice[]
  orders?: SelectedOrder[]
}

export const RUN_PATH = '/billing/run'

/** The accounts of a selection of orders, once each, for a run of those whole accounts. */
export function accountsOf(orders: readonly SelectedOrder[]): AccountChoice[] {
  const byId = new Map<string, AccountChoice>()
  for (const { accountId, accountUsername } of orders) {
    if (accountId === null) continue
    byId.set(String(accountId), { value: String(accountId), label: accountUsername ?? '' })
  }
  return [...byId.values()]
}

/** Reads a run start defensively: navigation state is whatever the last page put there. */
export function runStartOf(state: unknown): RunStart {
  if (typeof state !== 'object' || state === null) return {}
  const { accounts, orders } = state as RunStart
  return {
    ...(Array.isArray(accounts) && { accounts }),
    ...(Array.isArray(orders) && orders.length > 0 && { orders }),
  }
}
