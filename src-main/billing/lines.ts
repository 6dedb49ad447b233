import { round2, roundedProduct, type Money } from './money'
import type { BilledOrder, BilledService, Discount, IsoDate, PendingLine } from './types'

export interface LinePricing {
  order: BilledOrder
  service: BilledService
  ini: IsoDate
  end: IsoDate | null
  size: Money
  metric: Money
  /** The rated price: a unit price to multiply by the size, or a total when `computed`. */
  price: Money
  computed: boolean
  /** Compensation and prepay discounts, zero or negative, applied in order. */
  extraDiscounts?: Discount[]
  refund?: boolean
}

/**
 * The line rule every pricing mode shares (spec: billing 6.5). The subtotal is the nominal
 * price for the exact size and metric; a cheaper rated price becomes a `PLAN` discount, a dearer
 * one is ignored (rates are discounts). Compensations and prepayments never turn a line into a
 * refund: each is cut so the running total stays at zero or above.
 *
 * Only the money is rounded, once per amount, half up to cents: the size stays exact.
 */
export function buildLine(pricing: LinePricing): PendingLine {
  const { order, service, size, metric } = pricing
  const priceTotal = pricing.computed
    ? round2(pricing.price)
    : roundedProduct([pricing.price, size])
  const subtotal = roundedProduct([service.nominalPrice, size, metric])

  const discounts: Discount[] = []
  let running = subtotal
  if (subtotal.greaterThan(priceTotal)) {
    discounts.push({ type: 'PLAN', amount: priceTotal.minus(subtotal) })
    running = priceTotal
  }

  for (const extra of pricing.extraDiscounts ?? []) {
    let amount = round2(extra.amount)
    // Nothing to take off a line that costs something: it would stay as it is.
    if (amount.isZero() && !running.isNegative()) continue
    if (running.plus(amount).isNegative()) amount = running.negated()
    running = running.plus(amount)
    if (!amount.isZero()) discounts.push({ type: extra.type, amount })
  }

  return {
    orderId: order.id,
    serviceId: service.id,
    accountId: order.accountId,
    description: order.description,
    ini: pricing.ini,
    end: pricing.end,
    size,
    metric,
    nominalPrice: service.nominalPrice,
    subtotal,
    discounts,
    refund: pricing.refund ?? false,
    isFee: service.isFee,
    orderBilledOn: order.billedOn,
    orderBilledUntil: order.billedUntil,
  }
}

/** subtotal + discounts: what the line finally costs before tax. */
export function lineTotal(line: Pick<PendingLine, 'subtotal' | 'discounts'>): Money {
  return line.discounts.reduce((total, discount) => total.plus(discount.amount), line.subtotal)
}
