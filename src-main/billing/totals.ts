import { money, round2, sum, ZERO, type Money, type MoneyLike } from './money'

/**
 * A bill's totals (spec: billing 7.5), by the rule of EN 16931 (BR-CO-10, -14, -15):
 *
 * - a line's total is its subtotal plus its sublines, rounded half up to cents;
 * - per tax rate, the base is the sum of the line totals at that rate, and the tax is the base
 *   times the rate, rounded half up to cents once for the rate (never line by line);
 * - the bill's base is the sum of the bases, its tax the sum of the taxes, and its total the
 *   base plus the tax: the printed parts always add up to the printed total.
 *
 * The original rounded the total separately from the per-rate taxes, so with two rates the
 * parts could miss the total by a cent.
 */

export interface TotalsLine {
  subtotal: MoneyLike
  /** The sublines' totals (discounts are negative). */
  sublines: readonly MoneyLike[]
  /** Percent, e.g. "21" or "10.5". */
  tax: MoneyLike
}

export interface TaxSubtotal {
  /** Percent. */
  rate: Money
  base: Money
  tax: Money
}

export interface BillTotals {
  /** Each line's total, in the order given. */
  lines: Money[]
  /** One entry per tax rate, lowest rate first. */
  taxes: TaxSubtotal[]
  base: Money
  tax: Money
  total: Money
}

export function lineTotalOf(line: Pick<TotalsLine, 'subtotal' | 'sublines'>): Money {
  return round2(money(line.subtotal).plus(sum(line.sublines)))
}

export function billTotals(lines: readonly TotalsLine[]): BillTotals {
  const totals = lines.map(lineTotalOf)

  // Keyed by the rate's canonical text, so "21", "21.0" and 21 are one rate.
  const bases = new Map<string, { rate: Money; base: Money }>()
  lines.forEach((line, i) => {
    const rate = money(line.tax)
    const key = rate.toString()
    const entry = bases.get(key) ?? { rate, base: ZERO }
    bases.set(key, { rate: entry.rate, base: entry.base.plus(totals[i]!) })
  })

  const taxes = [...bases.values()]
    .sort((a, b) => a.rate.comparedTo(b.rate))
    .map(({ rate, base }) => ({ rate, base, tax: round2(base.times(rate).dividedBy(100)) }))
  const base = sum(taxes.map((entry) => entry.base))
  const tax = sum(taxes.map((entry) => entry.tax))
  return { lines: totals, taxes, base, tax, total: base.plus(tax) }
}

/** A line as bills store and runs assemble it: each discount a subline with its total. */
export interface LineWithSublines {
  subtotal: MoneyLike
  tax: MoneyLike
  sublines: readonly { total: MoneyLike }[]
}

/** billTotals of lines whose discounts are sublines. */
export function totalsOfLines(lines: readonly LineWithSublines[]): BillTotals {
  return billTotals(
    lines.map((line) => ({
      subtotal: line.subtotal,
      tax: line.tax,
      sublines: line.sublines.map((subline) => subline.total),
    })),
  )
}
