import type { Money } from './money'
import type { RateRow } from './types'

/** What rating needs of a plan (spec: billing 3). */
export interface PlanInput {
  id: number
  isActive: boolean
  isDefault: boolean
  isCombinable: boolean
}

/** One stored row of a service's rate table. */
export interface RateInput {
  planId: number
  quantity: number | null
  price: Money
}

/** One contracted plan: a plan an account holds, once per contract. */
export interface ContractInput {
  planId: number
  accountId: number
}

export interface ApplicableRatesInput {
  accountId: number
  /** The service's rate rows. */
  rates: readonly RateInput[]
  plans: readonly PlanInput[]
  /** Contracts of any accounts: only the given account's count. */
  contracts: readonly ContractInput[]
}

/**
 * The rows that price one account's use of a service (spec: billing 3.1): those of default
 * plans and of plans the account contracted, ordered by plan (creation order, which is id
 * order) then threshold, each carrying its plan's multiplicity: a default plan counts once, or
 * as many times as the account contracted it; a contracted plan as many times as this
 * account holds it.
 *
 * The original got the multiplicity from a SQL join, so a default plan's rows were repeated
 * once per contract any account held. Here it is counted, from this account's contracts only.
 * An inactive plan applies to nobody: its rows are left out.
 */
export function applicableRates(input: ApplicableRatesInput): RateRow[] {
  const held = new Map<number, number>()
  for (const contract of input.contracts) {
    if (contract.accountId !== input.accountId) continue
    held.set(contract.planId, (held.get(contract.planId) ?? 0) + 1)
  }

  const multiplicity = new Map<number, number>()
  for (const plan of input.plans) {
    if (!plan.isActive) continue
    const own = held.get(plan.id) ?? 0
    const count = plan.isDefault ? Math.max(own, 1) : own
    if (count > 0) multiplicity.set(plan.id, count)
  }

  const plansById = new Map(input.plans.map((plan) => [plan.id, plan]))
  const rows: RateRow[] = []
  for (const rate of input.rates) {
    const plan = plansById.get(rate.planId)
    const contracts = multiplicity.get(rate.planId)
    if (plan === undefined || contracts === undefined) continue
    rows.push({
      plan: { id: plan.id, isCombinable: plan.isCombinable },
      quantity: rate.quantity,
      price: rate.price,
      contracts,
    })
  }
  return rows.sort((a, b) => a.plan.id - b.plan.id || (a.quantity ?? -1) - (b.quantity ?? -1))
}
