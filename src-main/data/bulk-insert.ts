import type Database from 'better-sqlite3'
import { getTableColumns, getTableName } from 'drizzle-orm'
import type { SQLiteTable } from 'drizzle-orm/sqlite-core'
import type { Tx } from '../db/store'

/**
 * Thousands of rows into one table, for a billing run's bills and lines. Through the query
 * builder each value costs more than the database's own work on it, so on SQLite the rows go
 * through one prepared statement of the connection itself (inside the unit of work's open
 * transaction, which is the connection's); PostgreSQL takes the builder's multi-row inserts, a
 * few hundred rows each, within its cap of 65,535 parameters.
 */

const BUILDER_ROWS_PER_STATEMENT = 500

type Row = Record<string, unknown>

/** The better-sqlite3 connection behind a SQLite unit of work; none on PostgreSQL. */
export function sqliteClient(tx: Tx): Database.Database | undefined {
  const client = (tx as { $client?: unknown }).$client
  const usable = typeof client === 'object' && client !== null && 'prepare' in client
  return usable && 'inTransaction' in client ? (client as Database.Database) : undefined
}

/** better-sqlite3 binds text, numbers and null; a boolean column is stored as 0 or 1. */
function bindable(value: unknown): unknown {
  if (value === undefined) return null
  return typeof value === 'boolean' ? Number(value) : value
}

/**
 * Inserts the rows (keys are the table's property names, all rows with the same keys) and
 * returns the `returned` properties of the inserted rows, `id` being the table's integer
 * primary key, in no promised order: callers match them by a key of their own.
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
  const client = sqliteClient(tx)

  if (client) {
    const statement = client.prepare(
      `insert into "${getTableName(table)}" (${keys.map((k) => `"${columns[k]!.name}"`)}) ` +
        `values (${keys.map(() => '?').join(', ')})`,
    )
    // Without RETURNING, which costs more than the insert: the id is the new rowid, the rest
    // is what was inserted.
    return rows.map((row) => {
      const { lastInsertRowid } = statement.run(...keys.map((key) => bindable(row[key])))
      const entries = returned.map((key) => [
        key,
        key === 'id' ? Number(lastInsertRowid) : row[key],
      ])
      return Object.fromEntries(entries) as Record<K, unknown>
    })
  }

  const result: Record<K, unknown>[] = []
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
