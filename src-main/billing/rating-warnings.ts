import { cents, type Money } from './money'
import type { RateInput } from './applicable-rates'
import { threshold } from './rating-tiers'

export type RateWarningKind = 'above-nominal' | 'same-start'

/** Something in a service's rate table the service form shows beside the row it names. */
export interface RateWarning {
  kind: RateWarningKind
  /** The row's index in the table given. */
  index: number
  planId: number
  quantity: number | null
  message: string
}

/**
 * Rows of a service's table that do not do what they seem to (spec: billing 5.5). A rate
 * above the nominal price cannot raise a price: the line rule only ever turns a cheaper rated
 * price into a discount. And rows of one plan at 0, 1 and no quantity all start at the first
 * unit, so only the last of them, by stored quantity, prices anything.
 */
export function rateWarnings(rows: readonly RateInput[], nominalPrice: Money): RateWarning[] {
  const warnings: RateWarning[] = []
  rows.forEach((row, index) => {
    if (!row.price.greaterThan(nominalPrice)) return
    warnings.push({
      kind: 'above-nominal',
      index,
      planId: row.planId,
      quantity: row.quantity,
      message:
        `The rate from unit ${threshold(row.quantity)} (${cents(row.price)}) is above the ` +
        `nominal price (${cents(nominalPrice)}); rates only lower prices, so it has no effect.`,
    })
  })

  const firstRows = rows
    .map((row, index) => ({ row, index }))
    .filter(({ row }) => threshold(row.quantity) === 1)
    // The same order rating uses: the last row of each plan is the one that applies.
    .sort((a, b) => (a.row.quantity ?? -1) - (b.row.quantity ?? -1))
  for (const { row, index } of firstRows) {
    const later = firstRows.filter((other) => other.row.planId === row.planId).at(-1)
    if (later === undefined || later.index === index) continue
    warnings.push({
      kind: 'same-start',
      index,
      planId: row.planId,
      quantity: row.quantity,
      message:
        `The rate for quantity ${row.quantity ?? 'none'} starts at the first unit, as the ` +
        `rate for quantity ${later.row.quantity ?? 'none'} does; only that one applies.`,
    })
  }
  return warnings.sort((a, b) => a.index - b.index)
}
