import { sql } from 'drizzle-orm'
import type { BillType } from '../billing/bill-document'
import { formatBillNumber, NUMBER_PREFIX_SETTING, provisionalPrefix } from '../billing/numbering'
import { billSequences } from '../db/schema'
import { isPostgres, runSql, type Tx } from '../db/store'
import { settingValue } from './settings'

/**
 * The numbering series in the database: one row per (prefix, year) holding the last number
 * given. Taking a number increments that row in the caller's transaction, so a number is used
 * exactly when the transaction commits, and a rolled back close gives its number back.
 */

/**
 * Makes the transaction the only one numbering until it ends. Call it FIRST in a closing unit
 * of work: on PostgreSQL a serializable transaction's snapshot is fixed by its first query, and
 * a table lock taken before it means no other closing can commit in between, so the sequence
 * row is never stale and the close never has to be retried for it. Reads of the table are not
 * blocked. On SQLite the write transaction (BEGIN IMMEDIATE) already excludes other writers.
 */
export async function lockBillNumbering(tx: Tx): Promise<void> {
  if (isPostgres(tx)) {
    await runSql(tx, sql`LOCK TABLE ${billSequences} IN SHARE ROW EXCLUSIVE MODE`)
  }
}

/** The next number of a series, atomically: the upsert both reads and writes the row. */
export async function nextSequence(tx: Tx, prefix: string, year: number): Promise<number> {
  const [row] = await tx
    .insert(billSequences)
    .values({ prefix, year, lastNumber: 1 })
    .onConflictDoUpdate({
      target: [billSequences.prefix, billSequences.year],
      set: { lastNumber: sql`${billSequences.lastNumber} + 1` },
    })
    .returning({ lastNumber: billSequences.lastNumber })
  return row!.lastNumber
}

/** `count` consecutive numbers of a series at once; the last of them is returned. */
async function reserveSequence(tx: Tx, prefix: string, year: number, count: number) {
  const [row] = await tx
    .insert(billSequences)
    .values({ prefix, year, lastNumber: count })
    .onConflictDoUpdate({
      target: [billSequences.prefix, billSequences.year],
      set: { lastNumber: sql`${billSequences.lastNumber} + ${count}` },
    })
    .returning({ lastNumber: billSequences.lastNumber })
  return row!.lastNumber
}

export interface NumberRequest {
  type: BillType
  /** The year of the numbering date. */
  year: number
  /** An open bill's provisional number ("OI…") rather than a final one. */
  provisional: boolean
}

/** A new number for a bill of this type, from its series of that year. */
export async function takeBillNumber(tx: Tx, request: NumberRequest): Promise<string> {
  const prefix = await settingValue(tx, NUMBER_PREFIX_SETTING[request.type])
  const length = await settingValue(tx, 'BILLS_NUMBER_LENGTH')
  const series = request.provisional ? provisionalPrefix(prefix) : prefix
  const sequence = await nextSequence(tx, series, request.year)
  return formatBillNumber(series, request.year, sequence, length)
}

/** `count` new consecutive numbers of one series, in one statement (a billing run's bills). */
export async function takeBillNumbers(
  tx: Tx,
  request: NumberRequest,
  count: number,
): Promise<string[]> {
  if (count < 1) return []
  const prefix = await settingValue(tx, NUMBER_PREFIX_SETTING[request.type])
  const length = await settingValue(tx, 'BILLS_NUMBER_LENGTH')
  const series = request.provisional ? provisionalPrefix(prefix) : prefix
  const last = await reserveSequence(tx, series, request.year, count)
  return Array.from({ length: count }, (_, i) =>
    formatBillNumber(series, request.year, last - count + 1 + i, length),
  )
}
