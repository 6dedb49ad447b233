import { billCountedOrders } from './counting-engine'
import { billMetricOrders } from './metric-engine'
import type {
  BilledCharge,
  BilledOrder,
  BilledService,
  BillingOptions,
  GroupInput,
  GroupResult,
  MetricRow,
  OrderUpdate,
  PendingLine,
  RateRow,
} from './types'

/**
 * The billing run's entry point (spec: billing 6.1): selected orders in, pending lines and the
 * order updates committing the run would write out. Pure: the caller reads the services,
 * orders, rates and metric history, and writes the result in one transaction.
 */

export interface BillingRun {
  /** The orders selected for billing, in the clerk's order. */
  orders: BilledOrder[]
  services: ReadonlyMap<number, BilledService>
  /** Every order of the accounts and services involved, billed and cancelled ones included. */
  accountOrders: BilledOrder[]
  /** The applicable rate rows of one account for one service (see applicableRates). */
  ratesFor: (accountId: number, serviceId: number) => RateRow[]
  /** Stored metric rows per order id, in creation order. */
  metrics: ReadonlyMap<number, MetricRow[]>
  /** Per order id, what its latest bill line charged: refunds keep its proportion. */
  lastCharges?: ReadonlyMap<number, BilledCharge>
  options: BillingOptions
  /** A pro forma run: lines only, no order is marked billed. */
  proforma?: boolean
  /** Bill ignored orders (trials, staff) too; normally they are left out. */
  includeIgnored?: boolean
}

export interface BillingRunResult {
  lines: PendingLine[]
  /** Empty for a pro forma; otherwise only orders that got a line, and compensation givers. */
  orderUpdates: OrderUpdate[]
}

/** An order whose service the run was not given: a caller's bug, not a user's mistake. */
export class UnknownServiceError extends Error {
  readonly orderId: number
  readonly serviceId: number

  constructor(order: BilledOrder) {
    super(`Order ${order.id} refers to service ${order.serviceId}, which the run was not given`)
    this.name = 'UnknownServiceError'
    this.orderId = order.id
    this.serviceId = order.serviceId
  }
}

export interface OrderGroup {
  accountId: number
  serviceId: number
  orders: BilledOrder[]
}

/** Orders by account, then by service, each in order of first appearance. */
export function groupOrders(orders: readonly BilledOrder[]): OrderGroup[] {
  const byAccount = new Map<number, Map<number, BilledOrder[]>>()
  for (const order of orders) {
    const byService = byAccount.get(order.accountId) ?? new Map<number, BilledOrder[]>()
    byAccount.set(order.accountId, byService)
    const grouped = byService.get(order.serviceId)
    if (grouped) grouped.push(order)
    else byService.set(order.serviceId, [order])
  }
  return [...byAccount].flatMap(([accountId, byService]) =>
    [...byService].map(([serviceId, grouped]) => ({ accountId, serviceId, orders: grouped })),
  )
}

export function billOrders(run: BillingRun): BillingRunResult {
  const selected = run.includeIgnored ? run.orders : run.orders.filter((order) => !order.ignore)
  const result: BillingRunResult = { lines: [], orderUpdates: [] }
  const accountOrders = indexAccountOrders(run)

  for (const { accountId, serviceId, orders } of groupOrders(selected)) {
    const first = orders[0] as BilledOrder
    const service = run.services.get(serviceId)
    if (!service) throw new UnknownServiceError(first)

    const billed = billGroup({
      service,
      orders,
      accountOrders: accountOrdersOf(orders, accountOrders.get(groupKey(accountId, serviceId))),
      rates: run.ratesFor(accountId, serviceId),
      metrics: run.metrics,
      options: run.options,
      ...(run.lastCharges && { lastCharges: run.lastCharges }),
    })
    result.lines.push(...billed.lines)
    result.orderUpdates.push(...billed.orderUpdates)
  }

  if (run.proforma) result.orderUpdates = []
  return result
}

function billGroup(group: GroupInput): GroupResult {
  return group.service.hasMetric ? billMetricOrders(group) : billCountedOrders(group)
}

function groupKey(accountId: number, serviceId: number): string {
  return `${accountId}:${serviceId}`
}

/** The run's account orders by account and service, read once for all groups. */
function indexAccountOrders(run: BillingRun): Map<string, BilledOrder[]> {
  const index = new Map<string, BilledOrder[]>()
  for (const order of run.accountOrders) {
    const key = groupKey(order.accountId, order.serviceId)
    const indexed = index.get(key)
    if (indexed) indexed.push(order)
    else index.set(key, [order])
  }
  return index
}

/** The account's orders of the service, with the run's own copy of the orders it bills. */
function accountOrdersOf(orders: BilledOrder[], others: BilledOrder[] = []): BilledOrder[] {
  const billed = new Set(orders.map((order) => order.id))
  return [...orders, ...others.filter((order) => !billed.has(order.id))]
}
