import { asc, count, getTableColumns, is, sql } from 'drizzle-orm'
import { getTableConfig, SQLiteTable, type SQLiteColumn } from 'drizzle-orm/sqlite-core'
import { AppError } from '../../src-shared/errors'
import * as schema from './schema'
import { isPostgres, runSql, type Store, type Tx } from './store'

/**
 * Copies every table of one database into an empty other one, of either dialect, keeping ids,
 * then checks the copy row for row before committing it. The whole copy is one transaction
 * on the target (it is complete or absent) read from one snapshot of the source.
 */

/** Rows per batch: well under both dialects' limits on bound values per statement. */
const BATCH_ROWS = 500

export interface CopyProgress {
  phase: 'copy' | 'verify'
  table: string
  /** Rows done in this table and phase. */
  done: number
  rows: number
  /** Rows done over all tables and both phases, out of `overallTotal`. */
  overallDone: number
  overallTotal: number
}

export interface CopyReport {
  tables: { table: string; rows: number }[]
  rows: number
}

/** Every table of the schema, referenced tables before the tables that refer to them. */
export function tablesInDependencyOrder(): SQLiteTable[] {
  const tables = (Object.values(schema) as unknown[]).filter((value): value is SQLiteTable =>
    is(value, SQLiteTable),
  )
  const ordered: SQLiteTable[] = []
  const visit = (table: SQLiteTable, path: SQLiteTable[]) => {
    if (ordered.includes(table)) return
    if (path.includes(table)) throw new Error(`Foreign keys form a cycle at ${name(table)}`)
    for (const foreignKey of getTableConfig(table).foreignKeys) {
      const target = foreignKey.reference().foreignTable as SQLiteTable
      if (target !== table) visit(target, [...path, table])
    }
    ordered.push(table)
  }
  for (const table of tables) visit(table, [])
  return ordered
}

const name = (table: SQLiteTable) => getTableConfig(table).name

function primaryKey(table: SQLiteTable): SQLiteColumn {
  const key = Object.values(getTableColumns(table)).find((column) => column.primary)
  if (!key) throw new Error(`${name(table)} has no single-column primary key to copy by`)
  return key
}

async function countOf(tx: Tx, table: SQLiteTable): Promise<number> {
  const [row] = await tx.select({ n: count() }).from(table)
  return row?.n ?? 0
}

async function batch(tx: Tx, table: SQLiteTable, offset: number) {
  return tx
    .select()
    .from(table)
    .orderBy(asc(primaryKey(table)))
    .limit(BATCH_ROWS)
    .offset(offset)
}

/** A row as comparable text; both dialects map stored values back to the same JS values. */
const canonical = (row: Record<string, unknown>) =>
  JSON.stringify(
    Object.keys(row)
      .sort()
      .map((key) => [key, row[key]]),
  )

export async function copyDatabase(
  from: Store,
  to: Store,
  onProgress: (progress: CopyProgress) => void = () => undefined,
): Promise<CopyReport> {
  if (from.kind === to.kind && from.location === to.location) {
    throw new AppError({
      code: 'VALIDATION',
      message: 'The source and the target are the same database',
      field: 'to',
    })
  }
  const tables = tablesInDependencyOrder()

  return from.read((source) =>
    to.write(async (target) => {
      await assertEmpty(target, tables)
      // One after another: a transaction is one connection, which runs one query at a time.
      const counts: number[] = []
      for (const table of tables) counts.push(await countOf(source, table))
      const overallTotal = 2 * counts.reduce((sum, n) => sum + n, 0)
      let overallDone = 0
      const report = (
        phase: CopyProgress['phase'],
        table: SQLiteTable,
        done: number,
        rows: number,
      ) => onProgress({ phase, table: name(table), done, rows, overallDone, overallTotal })

      for (const [i, table] of tables.entries()) {
        const rows = counts[i]!
        report('copy', table, 0, rows)
        for (let offset = 0; offset < rows; offset += BATCH_ROWS) {
          const page = await batch(source, table, offset)
          if (page.length) await target.insert(table).values(page)
          overallDone += page.length
          report('copy', table, offset + page.length, rows)
        }
        if (isPostgres(target)) await restartIdentity(target, table)
      }

      for (const [i, table] of tables.entries()) {
        const rows = counts[i]!
        const copied = await countOf(target, table)
        if (copied !== rows) mismatch(table, `${rows} rows in the source, ${copied} copied`)
        report('verify', table, 0, rows)
        for (let offset = 0; offset < rows; offset += BATCH_ROWS) {
          const [expected, actual] = [
            await batch(source, table, offset),
            await batch(target, table, offset),
          ]
          expected.forEach((row, j) => {
            if (canonical(row) !== canonical(actual[j] ?? {})) {
              const key = (row as Record<string, unknown>)[primaryKey(table).name]
              mismatch(table, `the row with key ${String(key)} differs after copying`)
            }
          })
          overallDone += expected.length
          report('verify', table, offset + expected.length, rows)
        }
      }
      return {
        tables: tables.map((table, i) => ({ table: name(table), rows: counts[i]! })),
        rows: overallTotal / 2,
      }
    }),
  )
}

async function assertEmpty(target: Tx, tables: SQLiteTable[]): Promise<void> {
  for (const table of tables) {
    const rows = await countOf(target, table)
    if (rows > 0) {
      throw new AppError({
        code: 'VALIDATION',
        message:
          `The target database is not empty: ${name(table)} has ${rows} rows. ` +
          'Copy into a new, empty database.',
        field: 'to',
      })
    }
  }
}

function mismatch(table: SQLiteTable, what: string): never {
  throw new AppError({
    code: 'INTERNAL',
    message: `Copy check failed in ${name(table)}: ${what}. Nothing was written.`,
  })
}

/**
 * Ids were copied as they were, so a PostgreSQL identity column must continue after the
 * highest one (SQLite's AUTOINCREMENT counter follows explicit ids by itself).
 */
async function restartIdentity(target: Tx, table: SQLiteTable): Promise<void> {
  const key = primaryKey(table)
  if (key.columnType !== 'SQLiteInteger') return
  const tableName = name(table)
  await runSql(
    target,
    sql`select setval(pg_get_serial_sequence(${`"${tableName}"`}, ${key.name}),
      coalesce((select max(${sql.identifier(key.name)}) from ${sql.identifier(tableName)}), 0) + 1,
      false)`,
  )
}
