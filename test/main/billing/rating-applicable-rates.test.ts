import { describe, expect, it } from 'vitest'
import {
  applicableRates,
  type ContractInput,
  type PlanInput,
  type RateInput,
} from '../../../src-main/billing/applicable-rates'
import { money } from '../../../src-main/billing/money'
import type { RateRow } from '../../../src-main/billing/types'

const basic: PlanInput = { id: 1, isActive: true, isDefault: true, isCombinable: true }
const pro: PlanInput = { id: 2, isActive: true, isDefault: false, isCombinable: false }
const extra: PlanInput = { id: 3, isActive: true, isDefault: false, isCombinable: true }

const rates: RateInput[] = [
  { planId: 3, quantity: 1, price: money('1') },
  { planId: 2, quantity: 5, price: money('3') },
  { planId: 1, quantity: 0, price: money('0') },
  { planId: 2, quantity: null, price: money('4') },
  { planId: 1, quantity: 3, price: money('9') },
]

function contract(accountId: number, planId: number): ContractInput {
  return { accountId, planId }
}

/** Rows as "plan:quantity@price×contracts". */
function shown(rows: readonly RateRow[]): string[] {
  return rows.map((row) => `${row.plan.id}:${row.quantity}@${row.price}×${row.contracts}`)
}

describe('applicableRates (spec billing 3.1)', () => {
  it('applies default plans to an account without contracts, once', () => {
    const rows = applicableRates({ accountId: 7, rates, plans: [basic, pro, extra], contracts: [] })
    expect(shown(rows)).toEqual(['1:0@0×1', '1:3@9×1'])
  })

  it('adds contracted plans, ordered by plan then threshold', () => {
    const contracts = [contract(7, 3), contract(7, 2)]
    const rows = applicableRates({ accountId: 7, rates, plans: [extra, pro, basic], contracts })
    expect(shown(rows)).toEqual(['1:0@0×1', '1:3@9×1', '2:null@4×1', '2:5@3×1', '3:1@1×1'])
  })

  it("does not multiply a default plan's rows by other accounts' contracts", () => {
    const contracts = [contract(8, 1), contract(8, 1), contract(9, 1), contract(7, 3)]
    const rows = applicableRates({ accountId: 7, rates, plans: [basic, extra], contracts })
    expect(shown(rows)).toEqual(['1:0@0×1', '1:3@9×1', '3:1@1×1'])
  })

  it('counts a default plan the account also contracted by its own contracts', () => {
    const contracts = [contract(7, 1), contract(7, 1), contract(8, 1)]
    const rows = applicableRates({ accountId: 7, rates, plans: [basic], contracts })
    expect(shown(rows)).toEqual(['1:0@0×2', '1:3@9×2'])
  })

  it("counts a contracted plan by this account's contracts only", () => {
    const contracts = [contract(7, 3), contract(7, 3), contract(7, 3), contract(8, 3)]
    const rows = applicableRates({ accountId: 7, rates, plans: [extra], contracts })
    expect(shown(rows)).toEqual(['3:1@1×3'])
  })

  it('leaves out the rows of an inactive plan, default or contracted', () => {
    const plans = [
      { ...basic, isActive: false },
      { ...extra, isActive: false },
    ]
    const rows = applicableRates({ accountId: 7, rates, plans, contracts: [contract(7, 3)] })
    expect(rows).toEqual([])
  })

  it('carries each plan’s combinability onto its rows', () => {
    const rows = applicableRates({ accountId: 7, rates, plans: [pro], contracts: [contract(7, 2)] })
    expect(rows.map((row) => row.plan)).toEqual([
      { id: 2, isCombinable: false },
      { id: 2, isCombinable: false },
    ])
  })
})
