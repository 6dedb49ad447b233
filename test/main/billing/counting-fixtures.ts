import { lineTotal } from '../../../src-main/billing/lines'
import { cents, money } from '../../../src-main/billing/money'
import type {
  BilledOrder,
  BilledService,
  BillingOptions,
  GroupInput,
  OrderUpdate,
  PendingLine,
  RateRow,
} from '../../../src-main/billing/types'
import { billedService } from './fixtures/billed-service'

/** An annual prepaid service billed every January at 10.00 a year, the spec's defaults. */
export const service = billedService

export function order(id: number, fields: Partial<BilledOrder> = {}): BilledOrder {
  return {
    id,
    accountId: 1,
    serviceId: 1,
    description: `Order ${id}`,
    registeredOn: '2024-01-01',
    cancelledOn: null,
    billedOn: null,
    billedUntil: null,
    billedMetric: null,
    ignore: false,
    ...fields,
  }
}

/** One plan's rows, `[threshold, price]` each. */
export function rates(rows: [number, string][], planId = 1): RateRow[] {
  return rows.map(([quantity, price]) => ({
    plan: { id: planId, isCombinable: true },
    quantity,
    price: money(price),
    contracts: 1,
  }))
}

export interface GroupFields {
  service?: BilledService
  accountOrders?: BilledOrder[]
  rates?: RateRow[]
  options?: Partial<BillingOptions>
}

/** A group billing `orders`; the account's orders default to those same orders. */
export function group(orders: BilledOrder[], fields: GroupFields = {}): GroupInput {
  return {
    service: fields.service ?? service(),
    orders,
    accountOrders: fields.accountOrders ?? orders,
    rates: fields.rates ?? [],
    metrics: new Map(),
    options: {
      billingPoint: '2024-01-01',
      fixedPoint: false,
      today: '2024-01-01',
      ...fields.options,
    },
  }
}

/** What a line finally costs, as stored text. */
export function total(line: PendingLine | undefined): string {
  if (!line) throw new Error('No line')
  return cents(lineTotal(line))
}

/** The orders as a committed run leaves them. */
export function commit(orders: BilledOrder[], updates: OrderUpdate[]): BilledOrder[] {
  return orders.map((entry) => {
    const update = updates.find((candidate) => candidate.orderId === entry.id)
    if (!update) return entry
    const { billedOn, billedUntil, billedMetric } = update
    return { ...entry, billedOn, billedUntil, billedMetric }
  })
}
