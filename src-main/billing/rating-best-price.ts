import { minMoney, money, type Money } from './money'
import { mergeSteps, trimSteps, type PlanTable } from './rating-tiers'
import type { RateStep } from './types'

interface Offer {
  price: Money
  /** The last position this offer may price; positions are filled from the first. */
  reach: Money
}

/**
 * best_price (spec: billing 5.4): every row the metric reaches, in every plan, offers its price
 * up to its bound (the unit before the next threshold; the last reached row, the metric).
 * Cheapest offer first, each fills the positions not yet priced up to its reach. Each further
 * contract extends an offer's reach by its tier's width, as step_price grows an allowance.
 *
 * The original mixed bounds and counts: it skipped an offer whose bound (a position) was
 * below the units already given, then gave it `bound` more units as if the bound were a
 * count, so positions 1 to 9 could hold 11 units. Rows (1→0), (3→9), (6→4), (10→20), metric
 * 12: it gave 2 free, 9 at 4 and 1 at 20 (56.00). Here the bound is a position throughout:
 * 2 free, 7 at 4 (positions 3 to 9) and 3 at 20 (88.00).
 */
export function bestPrice(tables: readonly PlanTable[], metric: Money, units: Money): RateStep[] {
  const offers: Offer[] = []
  for (const table of tables) {
    const reached = table.tiers.filter((tier) => units.greaterThanOrEqualTo(tier.barrier))
    reached.forEach((tier, index) => {
      const next = reached[index + 1]
      if (next === undefined || tier.width === null) {
        offers.push({ price: tier.price, reach: units })
        return
      }
      const extra = tier.implicit ? 0 : (tier.contracts - 1) * tier.width
      offers.push({ price: tier.price, reach: money(next.barrier - 1 + extra) })
    })
  }

  // A stable sort: on equal prices the earlier plan and row come first.
  offers.sort((a, b) => a.price.comparedTo(b.price))
  const steps: RateStep[] = []
  let filled = money(0)
  for (const offer of offers) {
    const upTo = minMoney(offer.reach, units)
    if (!upTo.greaterThan(filled)) continue
    steps.push({ quantity: upTo.minus(filled), price: offer.price })
    filled = upTo
  }
  return trimSteps(mergeSteps(steps), metric)
}
