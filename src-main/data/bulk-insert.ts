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

  const names = keys.map((key) => `"${columns[key]!.name}"`).join(', ')
  const values = keys.map((_, i) => `value ->> '$[${i}]'`).join(', ')
  const returning = returned.map((key) => `"${columns[key]!.name}" as "${key}"`).join(', ')
  const statement = (json: string) =>
    sql`insert into ${table} (${sql.raw(names)}) select ${sql.raw(values)} from json_each(${json})
      order by key returning ${sql.raw(returning)}`
  for (let i = 0; i < rows.length; i += JSON_ROWS_PER_STATEMENT) {
    const chunk = rows.slice(i, i + JSON_ROWS_PER_STATEMENT)
    const json = JSON.stringify(chunk.map((row) => keys.map((key) => row[key] ?? null)))
    result.push(...(await tx.all<Record<K, unknown>>(statement(json))))
  }
  return result
}
