import { getTableColumns, sql } from 'drizzle-orm'
import type { SQLiteTable } from 'drizzle-orm/sqlite-core'
import { isPostgres, type Tx } from '../db/store'

/**
 * Thousands of rows into one table in a few statements, for a billing run's bills and lines.
 * Through the query builder each value costs more than the database's own work on it, so on
 * SQLite the rows travel as one JSON parameter per chunk that `json_each` unpacks; PostgreSQL
 * takes the builder's multi-row inserts, a few hundred rows each (its parameter cap is 65,535).
 */

const JSON_ROWS_PER_STATEMENT = 5000
const BUILDER_ROWS_PER_STATEMENT = 500

type Row = Record<string, unknown>

const same = (a: unknown, b: unknown) => (a ?? null) === (b ?? null)

/**
 * Inserts the rows (keys are the table's property names, all rows with the same keys) and
 * returns the `returned` properties of the inserted rows, in no promised order: callers match
 * them by a key of their own.
 */
export async function insertRows<T extends SQLiteTable, K extends string>(
  tx: Tx,
  table: T,
  rows: readonly Row[],
  returned: readonly K[],
): Promise<Record<K, unknown>[]> {
  if (!rows.length) return []
  const columns = getTableColumns(table)
  const keys = Object.keys(rows[0]!)
  const result: Record<K, unknown>[] = []

  if (isPostgres(tx)) {
    const selection = Object.fromEntries(returned.map((key) => [key, columns[key]!]))
    for (let i = 0; i < rows.length; i += BUILDER_ROWS_PER_STATEMENT) {
      const chunk = rows.slice(i, i + BUILDER_ROWS_PER_STATEMENT)
      const inserted = await tx
        .insert(table)
        .values(chunk as T['$inferInsert'][])
        .returning(selection as never)
      result.push(...(inserted as Record<K, unknown>[]))
    }
    return result
  }

  const names = sql.raw(keys.map((key) => `"${columns[key]!.name}"`).join(', '))
  const returning = returned.map((key) => `"${columns[key]!.name}" as "${key}"`).join(', ')
  for (let i = 0; i < rows.length; i += JSON_ROWS_PER_STATEMENT) {
    const chunk = rows.slice(i, i + JSON_ROWS_PER_STATEMENT)
    // A value every row shares is bound once: each one read from the JSON costs a parse a row.
    const shared = new Set(
      keys.filter((key) => chunk.every((row) => same(row[key], chunk[0]![key]))),
    )
    const varying = keys.filter((key) => !shared.has(key))
    const values = keys.map((key) =>
      shared.has(key)
        ? sql`${chunk[0]![key] ?? null}`
        : sql.raw(`value ->> ${varying.indexOf(key)}`),
    )
    const json = JSON.stringify(chunk.map((row) => varying.map((key) => row[key] ?? null)))
    const statement = sql`insert into ${table} (${names})
      select ${sql.join(values, sql.raw(', '))} from json_each(${json}) order by key
      returning ${sql.raw(returning)}`
    result.push(...(await tx.all<Record<K, unknown>>(statement)))
  }
  return result
}
