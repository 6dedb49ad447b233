import { minMoney, money, type Money } from './money'
import {
  mergeSteps,
  planBuckets,
  poolBuckets,
  stepsValue,
  trimSteps,
  type Bucket,
  type PlanTable,
} from './rating-tiers'
import type { RateStep } from './types'

/**
 * step_price, the default algorithm (spec: billing 5.2). Non-combinable plans compete as
 * wholes; combinable plans are pooled; the cheaper of the two results wins, the pooled one on
 * a tie.
 *
 * Two of the original's results are not kept. With exactly one combinable plan beside
 * non-combinable ones it priced the last plan it had looked at as the "combinable" result;
 * here the combinable plan's own steps are used. And its pooling took a reachable tier whole
 * even past the barrier of a cheaper one (plan X 1→5 with plan Y 1→9, 3→1, metric 10 cost
 * 8×5 + 2×1 = 42); here units are filled one position at a time, giving 2×5 + 8×1 = 18.
 *
 * The pool takes each tier's whole allowance rather than each plan's steps cut at the metric
 * (see poolBuckets): cut steps let 9 units cost more than 10.
 */
export function stepPrice(tables: readonly PlanTable[], metric: Money, units: Money): RateStep[] {
  const combinable = tables.filter((table) => table.isCombinable)
  const candidates: RateStep[][] = []
  const [only] = combinable
  if (combinable.length === 1 && only !== undefined) {
    candidates.push(planBuckets(only, units))
  } else if (combinable.length > 1) {
    candidates.push(
      pool(
        combinable.flatMap((table) => poolBuckets(table, units)),
        units,
      ),
    )
  }
  for (const table of tables) {
    if (!table.isCombinable) candidates.push(planBuckets(table, units))
  }

  let best: { steps: RateStep[]; value: Money } | null = null
  for (const candidate of candidates) {
    const steps = trimSteps(candidate, metric)
    const value = stepsValue(steps)
    if (best === null || value.lessThan(best.value)) best = { steps, value }
  }
  return best?.steps ?? []
}

/**
 * Fills positions 1..units in order, each from the cheapest bucket whose barrier it has
 * reached and that still has units (the first bucket on a tie). Runs of positions are taken at
 * once: the chosen bucket stays the cheapest until it runs out or a cheaper bucket's barrier
 * is reached, so the result is the unit-by-unit one without a loop per unit.
 *
 * Each plan's buckets cover every position on their own (a tier starts no later than the
 * units before it), so some bucket is always open.
 */
export function pool(buckets: readonly Bucket[], units: Money): RateStep[] {
  const open = buckets.map((bucket) => ({ ...bucket, left: bucket.quantity }))
  const steps: RateStep[] = []
  let filled = money(0)
  while (filled.lessThan(units)) {
    const position = filled.plus(1)
    const reached = open.filter((b) => b.left.greaterThan(0))

    let chosen: (typeof open)[number] | undefined
    for (const bucket of reached) {
      const isOpen = position.greaterThanOrEqualTo(bucket.barrier)
      if (isOpen && (chosen === undefined || bucket.price.lessThan(chosen.price))) chosen = bucket
    }
    if (chosen === undefined) throw new Error(`No rate bucket is open at unit ${position}`)

    let take = minMoney(chosen.left, units.minus(filled))
    for (const bucket of reached) {
      if (position.lessThan(bucket.barrier) && bucket.price.lessThan(chosen.price)) {
        take = minMoney(take, money(bucket.barrier).minus(position))
      }
    }
    steps.push({ quantity: take, price: chosen.price })
    chosen.left = chosen.left.minus(take)
    filled = filled.plus(take)
  }
  return mergeSteps(steps)
}
