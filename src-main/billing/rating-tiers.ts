import { minMoney, money, ZERO, type Money } from './money'
import type { RateRow, RateStep } from './types'

/**
 * One plan's rate table read as tiers (spec: billing 5.1). A row (q, p) means "from the q-th
 * unit on, a unit costs p" until the next row's threshold; q = 0, q = 1 and no quantity all
 * mean the first unit.
 */
export interface Tier {
  /** The 1-based position of the tier's first unit, counted with unfolded widths. */
  barrier: number
  /** Units up to the next threshold; null for the last tier, which has no end. */
  width: number | null
  price: Money
  /** The plan's contracts (1 for the implicit nominal tier). */
  contracts: number
  /** The units priced at nominal before a table that starts above the first unit. */
  implicit: boolean
}

export interface PlanTable {
  planId: number
  isCombinable: boolean
  tiers: Tier[]
}

/** A priced run of units that may start no earlier than `barrier` (the pooling's buckets). */
export interface Bucket extends RateStep {
  barrier: number
}

export function threshold(quantity: number | null): number {
  return Math.max(quantity ?? 0, 1)
}

/** Groups the applicable rows by plan, keeping the plans' order, and reads each as tiers. */
export function planTables(rows: readonly RateRow[], nominal: Money): PlanTable[] {
  const byPlan = new Map<number, RateRow[]>()
  for (const row of rows) {
    const planRows = byPlan.get(row.plan.id) ?? []
    planRows.push(row)
    byPlan.set(row.plan.id, planRows)
  }
  return [...byPlan.entries()].map(([planId, planRows]) => ({
    planId,
    isCombinable: planRows.every((row) => row.plan.isCombinable),
    tiers: tiersOf(planRows, nominal),
  }))
}

/**
 * Rows starting at the same unit (0, 1 and none) leave only the last one, ordered by stored
 * quantity: it is the one a reader of the table sees last, and rateWarnings names the others.
 */
function tiersOf(planRows: readonly RateRow[], nominal: Money): Tier[] {
  const sorted = [...planRows].sort((a, b) => (a.quantity ?? -1) - (b.quantity ?? -1))
  const starts: Omit<Tier, 'width'>[] = []
  if (threshold(sorted[0]?.quantity ?? null) > 1) {
    starts.push({ barrier: 1, price: nominal, contracts: 1, implicit: true })
  }
  for (const row of sorted) {
    const tier = { barrier: threshold(row.quantity), price: row.price, implicit: false }
    if (starts.at(-1)?.barrier === tier.barrier) starts.pop()
    starts.push({ ...tier, contracts: Math.max(row.contracts, 1) })
  }
  return starts.map((tier, index) => {
    const next = starts[index + 1]
    return { ...tier, width: next ? next.barrier - tier.barrier : null }
  })
}

/**
 * What a tier may price: its width, or for the last tier everything that remains. With
 * several contracts a tier cheaper than the next one grows by its width per contract (the free
 * or cheap allowance); a tier not cheaper than the next keeps its width, and so does the
 * implicit nominal tier, which no contract pays for.
 *
 * This follows the original's own tests, not its final code: that code put a zero-width
 * nominal tier before every table, so (1→0), (3→9) contracted twice gave 1 free unit where
 * the tests (and the spec) want 4. Only a table starting above the first unit gets the
 * nominal tier here.
 */
function allowance(table: PlanTable, index: number): number | null {
  const tier = table.tiers[index]
  const next = table.tiers[index + 1]
  if (tier === undefined || tier.width === null || next === undefined) return null
  const folds = !tier.implicit && tier.price.lessThan(next.price)
  return tier.width * (folds ? tier.contracts : 1)
}

/**
 * Every tier the units reach, with its whole allowance (the last tier: all the units), as
 * buckets for the step_price fill. Cutting each plan's tiers at the metric instead would let a
 * cheap tier a contract enlarged crowd out a later, cheaper one at one metric and not at the
 * next, so that more units could cost less.
 */
export function planBuckets(table: PlanTable, units: Money): Bucket[] {
  const buckets: Bucket[] = []
  table.tiers.forEach((tier, index) => {
    if (units.lessThan(tier.barrier)) return
    const most = allowance(table, index)
    const quantity = most === null ? units : minMoney(money(most), units)
    buckets.push({ barrier: tier.barrier, quantity, price: tier.price })
  })
  return buckets
}

/** Merges consecutive steps at one price and drops empty ones. */
export function mergeSteps(steps: readonly RateStep[]): RateStep[] {
  const merged: RateStep[] = []
  for (const { quantity, price } of steps) {
    if (quantity.isZero()) continue
    const last = merged.at(-1)
    if (last?.price.equals(price)) last.quantity = last.quantity.plus(quantity)
    else merged.push({ quantity, price })
  }
  return merged
}

/**
 * Steps are built for whole units; a decimal metric (2.5 GB) occupies positions 1 to 3, and
 * its last, partial unit is priced as the unit at that position, for its fraction only.
 */
export function trimSteps(steps: readonly RateStep[], metric: Money): RateStep[] {
  let left = metric
  const trimmed: RateStep[] = []
  for (const step of steps) {
    if (!left.greaterThan(0)) break
    const quantity = minMoney(step.quantity, left)
    trimmed.push({ quantity, price: step.price })
    left = left.minus(quantity)
  }
  return mergeSteps(trimmed)
}

/** Σ quantity × price, unrounded: plans are compared on exact values. */
export function stepsValue(steps: readonly RateStep[]): Money {
  return steps.reduce((total, step) => total.plus(step.quantity.times(step.price)), ZERO)
}
