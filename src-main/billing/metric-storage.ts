import { money, ZERO, type Money } from './money'
import { addDays, addMonths, compareDates, minDate } from './periods'
import type { IsoDate, MetricRow } from './types'

/**
 * An order's metric history (spec: billing 4.3). A row says "value V was in force from
 * createdOn until at least updatedOn"; at most one row per day. These are pure decisions and
 * readings: the data layer applies the decision and hands the rows back in creation order.
 *
 * `updatedOn` is written from the moment passed to storeDecision, with the installation's
 * local offset, so its first ten characters are the local date it was confirmed on.
 */

// ---------------------------------------------------------------------------------------------
// Storing

/** ORDERS_METRIC_ERROR: the change a new value must exceed to open a new row. */
export const ORDERS_METRIC_ERROR = money('0.05')

/**
 * A service's significance threshold. Absolute by default, as the original's code is (its help
 * text says relative): metrics are counts and sizes (GB, mailboxes, hours) whose smallest
 * billable step is the same at any level, and a relative threshold would record every tiny
 * move of a small value while hiding whole units of a large one. A service may still choose a
 * relative threshold, a fraction of the last value ("0.05" is 5%).
 */
export interface MetricThreshold {
  amount: Money
  relative: boolean
}

export const DEFAULT_METRIC_THRESHOLD: MetricThreshold = {
  amount: ORDERS_METRIC_ERROR,
  relative: false,
}

export interface MetricMoment {
  /** The local date: a new row is created on it. */
  today: IsoDate
  /** The instant with its local offset, e.g. `2024-05-01T10:00:00+02:00`. */
  instant: string
}

export type StoreDecision =
  | { action: 'create'; row: MetricRow }
  | { action: 'overwrite'; index: number; row: MetricRow }
  | { action: 'append'; row: MetricRow }
  | { action: 'confirm'; index: number; updatedOn: string }

/**
 * What storing `value` now does to the rows: the first row; the last value of a day replaces
 * that day's row; a significant change (or a fall to zero) opens a new row; otherwise the last
 * row is only confirmed as still current.
 */
export function storeDecision(
  rows: readonly MetricRow[],
  value: Money,
  now: MetricMoment,
  threshold: MetricThreshold = DEFAULT_METRIC_THRESHOLD,
): StoreDecision {
  const row: MetricRow = { createdOn: now.today, updatedOn: now.instant, value }
  const index = rows.length - 1
  const last = rows[index]
  if (last === undefined) return { action: 'create', row }
  if (last.createdOn === now.today) return { action: 'overwrite', index, row }

  const limit = threshold.relative ? threshold.amount.times(last.value.abs()) : threshold.amount
  const significant = value.minus(last.value).abs().greaterThan(limit)
  const fellToZero = value.isZero() && last.value.greaterThan(0)
  if (significant || fellToZero) return { action: 'append', row }
  return { action: 'confirm', index, updatedOn: now.instant }
}

// ---------------------------------------------------------------------------------------------
// Reading

function updatedDate(row: MetricRow): IsoDate {
  return row.updatedOn.slice(0, 10)
}

/** The row confirmed last; among equals the one created later. */
function latest(rows: readonly MetricRow[]): MetricRow | undefined {
  let found: MetricRow | undefined
  for (const row of rows) {
    if (found === undefined || Date.parse(row.updatedOn) >= Date.parse(found.updatedOn)) {
      found = row
    }
  }
  return found
}

/**
 * The value in force on `date`: of the rows created on or before it, the one confirmed last;
 * 0 before the first row. The original also took rows created the day after.
 */
export function valueAt(rows: readonly MetricRow[], date: IsoDate): Money {
  return latest(rows.filter((row) => compareDates(row.createdOn, date) <= 0))?.value ?? ZERO
}

/**
 * The value of a pricing slot [ini, end): of the rows in force at some point of it, the one
 * confirmed last. For a monthly-sum traffic resource that is the month's consumption.
 */
export function valueInSlot(rows: readonly MetricRow[], ini: IsoDate, end: IsoDate): Money {
  const inForce = rows.filter(
    (row) => compareDates(row.createdOn, end) < 0 && compareDates(updatedDate(row), ini) >= 0,
  )
  return latest(inForce)?.value ?? ZERO
}

export interface ValueSegment {
  ini: IsoDate
  end: IsoDate
  value: Money
}

/**
 * The values over [ini, end) as consecutive segments that cover exactly that window: 0 before
 * the first row, one zero segment without rows, and a new segment wherever a row created inside
 * the window changes the value. The original crashed without rows, refused a first row after
 * `ini`, and started an unchanged window at the row's creation date, before `ini` (which billed
 * renewals twice).
 */
export function changes(rows: readonly MetricRow[], ini: IsoDate, end: IsoDate): ValueSegment[] {
  if (compareDates(ini, end) >= 0) return []
  const segments: ValueSegment[] = [{ ini, end, value: valueAt(rows, ini) }]
  for (const row of rows) {
    if (compareDates(row.createdOn, ini) <= 0 || compareDates(row.createdOn, end) >= 0) continue
    const open = segments[segments.length - 1]!
    if (open.value.equals(row.value)) continue
    open.end = row.createdOn
    segments.push({ ini: row.createdOn, end, value: row.value })
  }
  return segments
}

// ---------------------------------------------------------------------------------------------
// Cleanup (daily, spec 4.3)

/** ORDERS_BILLED_METRIC_CLEANUP_DAYS */
export const ORDERS_BILLED_METRIC_CLEANUP_DAYS = 40

export interface CleanupScope {
  billedOn: IsoDate | null
  billedUntil: IsoDate | null
  /**
   * The earliest date a later billing of the order reads a value at or after (metricReadsFrom):
   * rows confirmed before it are old whatever billedOn says.
   */
  readsFrom: IsoDate
  /** A MONTHLY service priced per billing period: only each month's last value is ever read. */
  monthlySlots: boolean
}

/**
 * The rows the daily cleanup deletes, for the data layer to remove by identity. Only billed
 * orders lose rows. Rows confirmed more than `days` before billedOn, and before the first date
 * a later billing reads, go, except the most recent of them: it is the value in force at any
 * later date, so every reading from `readsFrom` on finds what it found before. For monthly
 * slots, each calendar month already billed keeps only its last row (a slot reads the row
 * confirmed last, and a month's earlier rows were confirmed before its last one was created);
 * months not yet billed keep all, as their value may change.
 */
export function cleanupRows<Row extends MetricRow>(
  rows: readonly Row[],
  scope: CleanupScope,
  days: number = ORDERS_BILLED_METRIC_CLEANUP_DAYS,
): Row[] {
  if (scope.billedOn === null) return []
  const removed = new Set<Row>()

  const limit = minDate(addDays(scope.billedOn, -days), scope.readsFrom)
  const old = rows.filter((row) => compareDates(updatedDate(row), limit) < 0)
  const kept = latest(old)
  for (const row of old) if (row !== kept) removed.add(row)

  if (scope.monthlySlots) {
    const billedTo = minDate(
      minDate(scope.billedUntil ?? scope.billedOn, scope.billedOn),
      scope.readsFrom,
    )
    const lastOfMonth = new Map<string, Row>()
    for (const row of rows) lastOfMonth.set(row.createdOn.slice(0, 7), row)
    for (const row of rows) {
      const month = row.createdOn.slice(0, 7)
      const monthEnd = addMonths(`${month}-01`, 1)
      const billed = compareDates(monthEnd, billedTo) <= 0
      if (billed && lastOfMonth.get(month) !== row) removed.add(row)
    }
  }
  return rows.filter((row) => removed.has(row))
}
