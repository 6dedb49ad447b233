import { money } from '../../../src-main/billing/money'
import type { RateRow, RateStep } from '../../../src-main/billing/types'

export interface TestPlan {
  id: number
  isCombinable: boolean
  contracts: number
}

export function plan(id: number, options: { combinable?: boolean; contracts?: number } = {}) {
  return { id, isCombinable: options.combinable ?? true, contracts: options.contracts ?? 1 }
}

/** A plan's rows from (threshold, price) pairs, prices as decimal text. */
export function rows(of: TestPlan, ...table: [number | null, string][]): RateRow[] {
  return table.map(([quantity, price]) => ({
    plan: { id: of.id, isCombinable: of.isCombinable },
    quantity,
    price: money(price),
    contracts: of.contracts,
  }))
}

/** Steps as short text, e.g. "2 at 0", so a failing test shows the whole result. */
export function shown(steps: readonly RateStep[]): string[] {
  return steps.map((step) => `${step.quantity.toString()} at ${step.price.toString()}`)
}
