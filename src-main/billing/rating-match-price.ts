import type { Money } from './money'
import type { PlanTable } from './rating-tiers'
import type { RateStep } from './types'

/**
 * match_price (spec: billing 5.3), a volume price: every unit costs the price of one row. Each
 * plan offers the row with the greatest threshold the metric reaches (the implicit nominal
 * tier when its table starts later); the cheapest offer wins. Combinability plays no part, and
 * contracts do not either: a plan contracted twice offers the same row.
 *
 * A decimal metric reaches the threshold of its partial unit: 2.5 GB is in the "from 3" row,
 * as it is when step_price prices that unit.
 */
export function matchPrice(tables: readonly PlanTable[], metric: Money, units: Money): RateStep[] {
  let price: Money | null = null
  for (const table of tables) {
    const reached = table.tiers.filter((tier) => units.greaterThanOrEqualTo(tier.barrier))
    const offer = reached.at(-1)?.price
    if (offer !== undefined && (price === null || offer.lessThan(price))) price = offer
  }
  // Every table has a tier from the first unit, so a positive metric always finds one.
  if (price === null) throw new Error('No rate tier reaches the first unit')
  return [{ quantity: metric, price }]
}
