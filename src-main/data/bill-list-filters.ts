import { and, eq, exists, not, or, sql, type SQL } from 'drizzle-orm'
import { alias } from 'drizzle-orm/sqlite-core'
import type { AmendedFilter, BillListQuery, TotalSign } from '../../src-shared/schemas/bills'
import { accounts, billLines, bills } from '../db/schema'
import { isPostgres, type Tx } from '../db/store'

/**
 * The bill list's filters on what a bill holds (spec: billing 7.5): the sign of its total, its
 * amendments, its account's state and its orders. Each is a condition on the `bills` row of
 * the list's query, answered by the database through the indexes on `bill_lines.bill_id`,
 * `bill_lines.order_id` and `bills.amend_of_id`, so a page costs the same with them as without.
 */

/**
 * Decimal text (at most two places, as amounts and tax rates are stored) as a whole number of
 * hundredths. The text is exact and so is the product with 100 once rounded: a binary double
 * holds a ten-digit amount to far better than half a cent.
 */
function hundredths(tx: Tx, text: SQL): SQL {
  return isPostgres(tx)
    ? sql`cast(round(cast(${text} as numeric) * 100) as bigint)`
    : sql`cast(round(cast(${text} as real) * 100) as integer)`
}

/** `value` / 10000 rounded half away from zero, in integers on both dialects. */
function halfUpTenThousandths(value: SQL): SQL {
  return sql`(case when ${value} >= 0 then (${value} + 5000) / 10000
    else -((5000 - ${value}) / 10000) end)`
}

/**
 * The bill's total in cents, computed by the database from its lines by the rule of
 * billing/totals.ts: line totals summed per tax rate into bases, each base's tax rounded once,
 * total = Σ bases + Σ taxes. Integers throughout, so it equals that function's answer exactly.
 * Correlated with the outer `bills` row; a bill without lines totals 0.
 */
export function billTotalCentsSql(tx: Tx): SQL {
  const asBigint = (value: SQL) => (isPostgres(tx) ? sql`cast(${value} as bigint)` : value)
  const subline = hundredths(tx, sql`s.total`)
  const lineCents = sql`${hundredths(tx, sql`l.subtotal`)} + coalesce((select sum(${subline})
    from bill_sublines s where s.line_id = l.id), 0)`
  const rate = hundredths(tx, sql`l.tax`)
  const perRate = sql`select ${asBigint(sql`sum(${lineCents})`)} as base, ${rate} as rate
    from bill_lines l where l.bill_id = ${bills.id} group by ${rate}`
  const tax = halfUpTenThousandths(sql`r.base * r.rate`)
  return sql`coalesce((select sum(r.base + ${tax}) from (${perRate}) r), 0)`
}

function totalSignFilter(tx: Tx, sign: TotalSign): SQL {
  const total = billTotalCentsSql(tx)
  switch (sign) {
    case 'POSITIVE':
      return sql`${total} > 0`
    case 'NEGATIVE':
      return sql`${total} < 0`
    case 'ZERO':
      return sql`${total} = 0`
    case 'NONZERO':
      return sql`${total} <> 0`
  }
}

function amendedFilter(tx: Tx, amended: AmendedFilter): SQL {
  const amendment = alias(bills, 'amendment')
  const of = (state?: boolean) =>
    exists(
      tx
        .select({ id: amendment.id })
        .from(amendment)
        .where(
          and(
            eq(amendment.amendOfId, bills.id),
            state === undefined ? undefined : eq(amendment.isOpen, state),
          ),
        ),
    )
  switch (amended) {
    case 'CLOSED':
      return of(false)
    case 'OPEN':
      return of(true)
    case 'ANY':
      return of()
    case 'NONE':
      return not(of())
  }
}

function orderFilter(tx: Tx, orderId: number): SQL {
  return exists(
    tx
      .select({ id: billLines.id })
      .from(billLines)
      .where(and(eq(billLines.billId, bills.id), eq(billLines.orderId, orderId))),
  )
}

/**
 * The conditions for the filters set in `query`, to be and-ed into a query over `bills`
 * left-joined to `accounts`. An inactive-account filter also takes bills whose account was
 * deleted: neither can be billed again, which is what the clerk looks for.
 */
export function billContentFilters(tx: Tx, query: BillListQuery): (SQL | undefined)[] {
  const { totalSign, amended, accountActive, orderId } = query
  return [
    totalSign ? totalSignFilter(tx, totalSign) : undefined,
    amended ? amendedFilter(tx, amended) : undefined,
    accountActive === true ? eq(accounts.isActive, true) : undefined,
    accountActive === false
      ? or(eq(accounts.isActive, false), sql`${accounts.id} is null`)
      : undefined,
    orderId !== undefined ? orderFilter(tx, orderId) : undefined,
  ]
}
