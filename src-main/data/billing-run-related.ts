import type { RelatedOrderView } from '../../src-shared/schemas/bills'
import { relatedOrders } from '../billing/related-orders'
import type { Tx } from '../db/store'
import { namesOf, type BillingRunRequest } from './billing-run'
import { readRunInput } from './billing-run-input'

/**
 * The related orders of a run's selection (spec: billing 4.4), read with the same selection
 * the run itself reads, so what is offered is what the run would price with it.
 */
export async function readRelatedOrders(
  tx: Tx,
  request: Omit<BillingRunRequest, 'today'>,
): Promise<RelatedOrderView[]> {
  if (!request.orderIds) return []
  const input = await readRunInput(tx, request)
  const related = relatedOrders({
    selected: input.orders,
    chosenIds: new Set(request.orderIds),
    accountOrders: input.accountOrders,
    services: input.services,
    ratesFor: input.ratesFor,
    options: { billingPoint: request.billingPoint, fixedPoint: request.fixedPoint ?? false },
    includeIgnored: request.includeIgnored ?? false,
  })

  const named = await namesOf(tx, [...new Set(related.map((order) => order.accountId))])
  return related.map((order) => ({
    id: order.id,
    accountId: order.accountId,
    username: named.get(order.accountId)?.username ?? `#${order.accountId}`,
    serviceId: order.serviceId,
    service: input.services.get(order.serviceId)?.description ?? '',
    description: order.description,
    registeredOn: order.registeredOn,
    cancelledOn: order.cancelledOn,
    billedUntil: order.billedUntil,
  }))
}
