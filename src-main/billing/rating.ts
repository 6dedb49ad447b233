import { money, round2, ZERO, type Money } from './money'
import { bestPrice } from './rating-best-price'
import { matchPrice } from './rating-match-price'
import { stepPrice } from './rating-step-price'
import { planTables } from './rating-tiers'
import type { RateAlgorithm, RateRow, RateStep } from './types'

export { rateWarnings, type RateWarning, type RateWarningKind } from './rating-warnings'

/**
 * Rating: turning a quantity into a price (spec: billing 5). A metric becomes consecutive
 * steps (quantity, unit price) whose quantities add up to the metric; the engine asks them for
 * a total or for the price of one unit.
 *
 * Units are positions 1, 2, 3…; a decimal metric such as 2.5 occupies positions 1 to 3, the
 * last one partially: it is priced like a whole unit at that position (its tier, its
 * threshold) but only for its fraction. A metric of 0 has no steps.
 *
 * @param rows the account's applicable rows (see applicableRates), ordered by plan
 */
export function rateSteps(
  rows: readonly RateRow[],
  metric: Money,
  nominalPrice: Money,
  algorithm: RateAlgorithm = 'step_price',
): RateStep[] {
  if (metric.isNegative()) throw new RangeError(`A metric cannot be negative: ${metric}`)
  if (metric.isZero()) return []
  if (rows.length === 0) return [{ quantity: metric, price: nominalPrice }]

  const tables = planTables(rows, nominalPrice)
  const units = metric.ceil()
  switch (algorithm) {
    case 'step_price':
      return stepPrice(tables, metric, units)
    case 'match_price':
      return matchPrice(tables, metric, units)
    case 'best_price':
      return bestPrice(tables, metric, units)
  }
}

/** Σ quantity × price over the steps up to `metric`, rounded half up to cents once. */
export function totalPrice(steps: readonly RateStep[], metric: Money): Money {
  let left = metric
  let total = ZERO
  for (const step of steps) {
    if (!left.greaterThan(0)) break
    const quantity = step.quantity.lessThan(left) ? step.quantity : left
    total = total.plus(quantity.times(step.price))
    left = left.minus(quantity)
  }
  if (left.greaterThan(0)) {
    throw new RangeError(`The steps cover less than the metric ${metric}`)
  }
  return round2(total)
}

/**
 * The price of the unit at a 1-based position: the step holding it. Counted orders ask this
 * of their place among the account's orders (spec 6.7), so a fourth domain costs the fourth
 * unit's price.
 */
export function unitPriceAt(steps: readonly RateStep[], position: number): Money {
  if (!Number.isInteger(position) || position < 1) {
    throw new RangeError(`A unit position is a whole number from 1: ${position}`)
  }
  // A step holds the unit at `position` when it reaches beyond the previous position.
  const before = money(position - 1)
  let covered = ZERO
  for (const step of steps) {
    covered = covered.plus(step.quantity)
    if (covered.greaterThan(before)) return step.price
  }
  throw new RangeError(`The steps end before unit ${position}`)
}
