import { groupOrders } from './engine'
import { billingPoint, maxDate, minDate } from './periods'
import type { BilledOrder, BilledService, BillingOptions, RateRow } from './types'

/**
 * Related orders (spec: billing 4.4): when a clerk bills a selection of orders, the other
 * orders of the same accounts and services that could change its price, offered for inclusion.
 * Only counted, periodic services with rates qualify: there each order takes a rate position
 * (spec 6.7), so billing an order with or without its siblings prices it differently.
 */

export interface RelatedOrdersInput {
  /** The orders the run bills: the clerk's selection. */
  selected: readonly BilledOrder[]
  /** Ids already chosen, ignored ones too: never offered again. */
  chosenIds: ReadonlySet<number>
  /** Every order of the selection's accounts. */
  accountOrders: readonly BilledOrder[]
  services: ReadonlyMap<number, BilledService>
  ratesFor: (accountId: number, serviceId: number) => RateRow[]
  options: Pick<BillingOptions, 'billingPoint' | 'fixedPoint'>
  includeIgnored: boolean
}

/** Whether another order of the service can move the selection's rate positions. */
function mayRelate(service: BilledService | undefined, rates: readonly RateRow[]) {
  return (
    service !== undefined && !service.hasMetric && service.billingPeriod !== '' && !!rates.length
  )
}

/**
 * The run's window for one group of the selection: from the earliest start (billed until, or
 * registered) to the latest billing point of its orders, computed per order as the run does.
 */
function groupWindow(
  service: BilledService,
  orders: readonly BilledOrder[],
  input: RelatedOrdersInput,
) {
  const start = orders.map((order) => order.billedUntil ?? order.registeredOn).reduce(minDate)
  const end = orders.map((order) => billingPoint(service, order, input.options)).reduce(maxDate)
  return { start, end }
}

/**
 * The related orders, by account, service and registration. Besides the spec's conditions
 * (registered before the run's end, not billed up to it, not cancelled before its start, not
 * chosen), an order whose own billing point leaves it nothing to bill is not offered: taking it
 * would add no line, which would puzzle the clerk.
 */
export function relatedOrders(input: RelatedOrdersInput): BilledOrder[] {
  const related: BilledOrder[] = []
  for (const { accountId, serviceId, orders } of groupOrders(input.selected)) {
    const service = input.services.get(serviceId)
    if (!service || !mayRelate(service, input.ratesFor(accountId, serviceId))) continue
    const { start, end } = groupWindow(service, orders, input)

    const offered = input.accountOrders.filter(
      (order) =>
        order.accountId === accountId &&
        order.serviceId === serviceId &&
        !input.chosenIds.has(order.id) &&
        (input.includeIgnored || !order.ignore) &&
        order.registeredOn < end &&
        (order.billedUntil === null || order.billedUntil < end) &&
        (order.cancelledOn === null || order.cancelledOn >= start) &&
        hasPending(service, order, input.options),
    )
    related.push(...offered.sort(byRegistration))
  }
  return related
}

/** Whether the run would give the order a line: the engine's own selection (spec 6.7). */
function hasPending(
  service: BilledService,
  order: BilledOrder,
  options: RelatedOrdersInput['options'],
): boolean {
  const { cancelledOn, billedUntil } = order
  const done = cancelledOn !== null && billedUntil !== null && billedUntil >= cancelledOn
  if (done && service.onCancel !== 'REFUND') return false
  return (billedUntil ?? order.registeredOn) < billingPoint(service, order, options)
}

function byRegistration(a: BilledOrder, b: BilledOrder): number {
  return a.registeredOn < b.registeredOn ? -1 : a.registeredOn > b.registeredOn ? 1 : a.id - b.id
}
