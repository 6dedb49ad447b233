import { minMoney, money, type Money } from './money'
import {
  mergeSteps,
  planBuckets,
  stepsValue,
  trimSteps,
  type Bucket,
  type PlanTable,
} from './rating-tiers'
import type { RateStep } from './types'

/**
 * step_price, the default algorithm (spec: billing 5.2). Non-combinable plans compete as
 * wholes; combinable plans are pooled; the cheaper of the two results wins, the pooled one on
 * a tie. A plan on its own, and the pool, are priced by the same fill (see fill): positions in
 * order, each from the cheapest tier whose barrier it has reached.
 *
 * Three of the original's results are not kept:
 * - with exactly one combinable plan beside non-combinable ones, it priced the last plan it
 *   had looked at as the "combinable" result; here it is the combinable plan;
 * - its pooling took a reachable tier whole even past the barrier of a cheaper one (plan X
 *   1→5 with plan Y 1→9, 3→1, metric 10 cost 8×5 + 2×1 = 42); here 2×5 + 8×1 = 18;
 * - it walked a plan's tiers in order, so an allowance a contract enlarged pushed back a
 *   cheaper tier behind it: (1→1), (5→2), (6→0), 9 units, cost 6.00 with one contract and
 *   10.00 with two. Filled by barriers, two contracts cost 5.00: a contract never costs more.
 *   For tables whose enlarged tiers are cheaper than all that follows (free or cheap
 *   allowances first, the usual case), both readings give the same steps.
 */
export function stepPrice(tables: readonly PlanTable[], metric: Money, units: Money): RateStep[] {
  const combinable = tables.filter((table) => table.isCombinable)
  const candidates: RateStep[][] = []
  if (combinable.length > 0) {
    candidates.push(
      fill(
        combinable.flatMap((table) => planBuckets(table, units)),
        units,
      ),
    )
  }
  for (const table of tables) {
    if (!table.isCombinable) candidates.push(fill(planBuckets(table, units), units))
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
 * Each plan's buckets cover every position on their own (its first tier starts at unit 1 and
 * each tier holds at least the units up to the next one's barrier), so one is always open.
 */
export function fill(buckets: readonly Bucket[], units: Money): RateStep[] {
  const open = buckets.map((bucket) => ({ ...bucket, left: bucket.quantity }))
  const steps: RateStep[] = []
  let filled = money(0)
  while (filled.lessThan(units)) {
    const position = filled.plus(1)
    const withUnits = open.filter((b) => b.left.greaterThan(0))

    let chosen: (typeof open)[number] | undefined
    for (const bucket of withUnits) {
      const isOpen = position.greaterThanOrEqualTo(bucket.barrier)
      if (isOpen && (chosen === undefined || bucket.price.lessThan(chosen.price))) chosen = bucket
    }
    if (chosen === undefined) throw new Error(`No rate bucket is open at unit ${position}`)

    let take = minMoney(chosen.left, units.minus(filled))
    for (const bucket of withUnits) {
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
