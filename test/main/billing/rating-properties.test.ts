import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { money, type Money } from '../../../src-main/billing/money'
import { rateSteps, totalPrice, unitPriceAt } from '../../../src-main/billing/rating'
import { fill } from '../../../src-main/billing/rating-step-price'
import {
  mergeSteps,
  planBuckets,
  planTables,
  stepsValue,
  type Bucket,
} from '../../../src-main/billing/rating-tiers'
import type { RateAlgorithm, RateRow, RateStep } from '../../../src-main/billing/types'

const runs = { numRuns: 1000 }
const algorithms: RateAlgorithm[] = ['step_price', 'match_price', 'best_price']
const nominal = money('10')

const price = fc.integer({ min: 0, max: 2000 }).map((c) => money(c).dividedBy(100))

/** One plan's rows: distinct thresholds (0 and 1 may both appear), one contract count. */
const planRows = (id: number) =>
  fc
    .record({
      thresholds: fc.uniqueArray(fc.integer({ min: 0, max: 12 }), { minLength: 1, maxLength: 4 }),
      prices: fc.array(price, { minLength: 4, maxLength: 4 }),
      contracts: fc.integer({ min: 1, max: 3 }),
      isCombinable: fc.boolean(),
    })
    .map(({ thresholds, prices, contracts, isCombinable }): RateRow[] =>
      thresholds.map((quantity, index) => ({
        plan: { id, isCombinable },
        quantity: quantity === 0 && index % 2 === 1 ? null : quantity,
        price: prices[index] ?? nominal,
        contracts,
      })),
    )

const table = fc
  .array(fc.boolean(), { minLength: 0, maxLength: 3 })
  .chain((present) => fc.tuple(...present.map((_, index) => planRows(index + 1))))
  .map((plans) => plans.flat())

const plans = fc.integer({ min: 1, max: 3 })
const wholeMetric = fc.integer({ min: 0, max: 40 }).map((n) => money(n))
const metric = fc.oneof(
  wholeMetric,
  fc.integer({ min: 1, max: 40_000 }).map((n) => money(n).dividedBy(1000)),
)

const total = (steps: readonly RateStep[]): Money =>
  steps.reduce((sum, step) => sum.plus(step.quantity), money(0))

/** The spec's pooling fill, literally: one unit at a time from the cheapest open bucket. */
function fillUnitByUnit(buckets: readonly Bucket[], units: number): RateStep[] {
  const left = buckets.map((bucket) => bucket.quantity)
  const steps: RateStep[] = []
  for (let position = 1; position <= units; position++) {
    let chosen = -1
    buckets.forEach((bucket, index) => {
      const open = bucket.barrier <= position && (left[index] ?? money(0)).greaterThan(0)
      const best = buckets[chosen]
      if (open && (best === undefined || bucket.price.lessThan(best.price))) chosen = index
    })
    const bucket = buckets[chosen]
    if (bucket === undefined) throw new Error(`no bucket at ${position}`)
    left[chosen] = (left[chosen] ?? money(0)).minus(1)
    steps.push({ quantity: money(1), price: bucket.price })
  }
  return mergeSteps(steps)
}

describe('rating properties (spec billing 5)', () => {
  it('gives steps that add up to the metric, each with a positive quantity', () => {
    fc.assert(
      fc.property(table, metric, fc.constantFrom(...algorithms), (rows, m, algorithm) => {
        const steps = rateSteps(rows, m, nominal, algorithm)
        expect(total(steps).equals(m)).toBe(true)
        for (const step of steps) expect(step.quantity.greaterThan(0)).toBe(true)
      }),
      runs,
    )
  })

  it('takes every price from a row or the nominal price', () => {
    fc.assert(
      fc.property(table, metric, fc.constantFrom(...algorithms), (rows, m, algorithm) => {
        const known = [nominal, ...rows.map((row) => row.price)]
        for (const step of rateSteps(rows, m, nominal, algorithm)) {
          expect(known.some((p) => p.equals(step.price))).toBe(true)
        }
      }),
      runs,
    )
  })

  it('fills in runs exactly as one unit at a time', () => {
    fc.assert(
      fc.property(table, fc.integer({ min: 1, max: 40 }), (rows, units) => {
        const buckets = planTables(rows, nominal).flatMap((t) => planBuckets(t, money(units)))
        if (buckets.length === 0) return
        const shown = (steps: RateStep[]) => steps.map((s) => `${s.quantity}@${s.price}`)
        expect(shown(fill(buckets, money(units)))).toEqual(shown(fillUnitByUnit(buckets, units)))
      }),
      runs,
    )
  })

  it('never pools combinable plans dearer than one of them alone', () => {
    fc.assert(
      fc.property(table, fc.integer({ min: 1, max: 40 }), (rows, units) => {
        const tables = planTables(rows, nominal).filter((t) => t.isCombinable)
        if (tables.length === 0) return
        const pooled = stepsValue(
          fill(
            tables.flatMap((t) => planBuckets(t, money(units))),
            money(units),
          ),
        )
        for (const alone of tables) {
          expect(
            pooled.lessThanOrEqualTo(
              stepsValue(fill(planBuckets(alone, money(units)), money(units))),
            ),
          ).toBe(true)
        }
      }),
      runs,
    )
  })

  it('prices each unit so that the unit prices add up to the total', () => {
    fc.assert(
      fc.property(table, wholeMetric, fc.constantFrom(...algorithms), (rows, m, algorithm) => {
        const steps = rateSteps(rows, m, nominal, algorithm)
        let sum = money(0)
        for (let position = 1; position <= m.toNumber(); position++) {
          sum = sum.plus(unitPriceAt(steps, position))
        }
        expect(sum.toFixed(2)).toBe(totalPrice(steps, m).toFixed(2))
      }),
      runs,
    )
  })

  it('never makes step_price cheaper for a larger metric', () => {
    fc.assert(
      fc.property(table, metric, metric, (rows, a, b) => {
        const [low, high] = a.lessThan(b) ? [a, b] : [b, a]
        const price = (m: Money) => totalPrice(rateSteps(rows, m, nominal), m)
        expect(price(low).lessThanOrEqualTo(price(high))).toBe(true)
      }),
      runs,
    )
  })

  it('never makes best_price dearer than match_price', () => {
    fc.assert(
      fc.property(table, metric, (rows, m) => {
        const price = (algorithm: RateAlgorithm) =>
          totalPrice(rateSteps(rows, m, nominal, algorithm), m)
        expect(price('best_price').lessThanOrEqualTo(price('match_price'))).toBe(true)
      }),
      runs,
    )
  })

  it('never makes a price dearer for a further contract', () => {
    fc.assert(
      fc.property(table, metric, plans, fc.constantFrom(...algorithms), (rows, m, planId, how) => {
        const more = rows.map((row) =>
          row.plan.id === planId ? { ...row, contracts: row.contracts + 1 } : row,
        )
        const price = (of: RateRow[]) => totalPrice(rateSteps(of, m, nominal, how), m)
        expect(price(more).lessThanOrEqualTo(price(rows))).toBe(true)
      }),
      runs,
    )
  })
})
