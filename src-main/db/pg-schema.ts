import { is, SQL } from 'drizzle-orm'
import * as pg from 'drizzle-orm/pg-core'
import { getTableConfig, type SQLiteColumn, type SQLiteTable } from 'drizzle-orm/sqlite-core'
import { UTC_NOW, UTC_NOW_POSTGRES } from './schema/columns'

/**
 * The PostgreSQL tables, derived from the SQLite ones: the schema is written once (in
 * `schema/`), and this maps each column type to its PostgreSQL twin. A column type with no
 * mapping stops here, so a new kind of column must be mapped on purpose.
 *
 * The data modules build their queries from the SQLite table objects on both dialects (they
 * only carry names and value mappings, which PostgreSQL's query builder reads the same way);
 * these tables exist for drizzle-kit, which writes the PostgreSQL migrations from them.
 */

type PgColumnBuilder = pg.PgColumnBuilderBase & {
  primaryKey(): PgColumnBuilder
  notNull(): PgColumnBuilder
  default(value: unknown): PgColumnBuilder
  unique(name?: string): PgColumnBuilder
  references(
    ref: () => pg.AnyPgColumn,
    actions?: { onDelete?: pg.UpdateDeleteAction },
  ): PgColumnBuilder
}

/** Integers that outgrow PostgreSQL's 32-bit `integer` (a DNS serial is `YYYYMMDDnn`). */
const BIGINT_COLUMNS = new Set(['domains.serial'])

function columnBuilder(column: SQLiteColumn): PgColumnBuilder {
  const autoIncrement = (column as { autoIncrement?: boolean }).autoIncrement
  const qualified = `${getTableConfig(column.table).name}.${column.name}`
  switch (column.columnType) {
    case 'SQLiteInteger':
      if (BIGINT_COLUMNS.has(qualified)) {
        return pg.bigint(column.name, { mode: 'number' }) as unknown as PgColumnBuilder
      }
      return (autoIncrement
        ? pg.integer(column.name).generatedByDefaultAsIdentity()
        : pg.integer(column.name)) as unknown as PgColumnBuilder
    case 'SQLiteBoolean':
      return pg.boolean(column.name) as unknown as PgColumnBuilder
    case 'SQLiteText':
      return pg.text(column.name) as unknown as PgColumnBuilder
    default:
      throw new Error(`No PostgreSQL mapping for ${column.columnType} (${column.name})`)
  }
}

function deriveColumn(column: SQLiteColumn, tables: Map<string, pg.PgTable>): PgColumnBuilder {
  let builder = columnBuilder(column)
  if (column.primary) builder = builder.primaryKey()
  if (column.notNull && !column.primary) builder = builder.notNull()
  if (column.hasDefault && column.default !== undefined) {
    builder = builder.default(pgDefault(column))
  }
  if (column.isUnique) builder = builder.unique(column.uniqueName)

  const foreignKey = getTableConfig(column.table).foreignKeys.find((fk) =>
    fk.reference().columns.includes(column),
  )
  if (foreignKey) {
    const reference = foreignKey.reference()
    const targetName = getTableConfig(reference.foreignTable).name
    const targetColumn = reference.foreignColumns[0]!.name
    const ownName = getTableConfig(column.table).name
    if (!tables.has(targetName) && targetName !== ownName) {
      throw new Error(`Derive ${targetName} first`)
    }
    // Looked up when drizzle asks: a table referring to itself (domains.top_id) is not yet built.
    builder = builder.references(
      () => {
        const target = tables.get(targetName)!
        return (target as unknown as Record<string, pg.AnyPgColumn>)[keyOf(target, targetColumn)]!
      },
      { onDelete: foreignKey.onDelete },
    )
  }
  return builder
}

/** A plain value carries over; a SQL default only if it is one of the known ones. */
function pgDefault(column: SQLiteColumn): unknown {
  if (!is(column.default, SQL)) return column.default
  if (column.default === UTC_NOW) return UTC_NOW_POSTGRES
  throw new Error(`No PostgreSQL mapping for the SQL default of ${column.name}`)
}

/**
 * SQLite indexes with no place in PostgreSQL. The narrow search-text index helps SQLite scan
 * for one-character words; in PostgreSQL a trigram index serves every search word (custom
 * migration), and a B-tree over long texts would refuse rows past its size limit.
 */
const SQLITE_ONLY_INDEXES = new Set(['accounts_search_text_idx'])

function keyOf(table: pg.PgTable, columnName: string): string {
  const columns = getPgColumns(table)
  return Object.keys(columns).find((key) => columns[key]!.name === columnName)!
}

function getPgColumns(table: pg.PgTable): Record<string, pg.PgColumn> {
  return (table as unknown as { [key: symbol]: Record<string, pg.PgColumn> })[
    Symbol.for('drizzle:Columns')
  ]!
}

/** Derives every table, in the given order (referenced tables first). */
export function derivePgTables<T extends Record<string, SQLiteTable>>(
  sqliteTables: T,
): { [K in keyof T]: pg.PgTable } {
  const byName = new Map<string, pg.PgTable>()
  const result: Record<string, pg.PgTable> = {}

  for (const [key, table] of Object.entries(sqliteTables)) {
    const config = getTableConfig(table)
    const keys = Object.keys(table).filter((k) => config.columns.includes((table as never)[k]))
    const columns = Object.fromEntries(
      keys.map((k) => [k, deriveColumn((table as never)[k] as SQLiteColumn, byName)]),
    )
    const derived = pg.pgTable(config.name, columns, (t) =>
      config.indexes
        .filter((index) => !SQLITE_ONLY_INDEXES.has(index.config.name))
        .map((index) => {
          const cols = (index.config.columns as SQLiteColumn[]).map(
            (c) =>
              (t as Record<string, pg.AnyPgColumn>)[keys.find((k) => (table as never)[k] === c)!]!,
          )
          const make = index.config.unique ? pg.uniqueIndex : pg.index
          return make(index.config.name).on(...(cols as [pg.AnyPgColumn]))
        }),
    )
    byName.set(config.name, derived)
    result[key] = derived
  }
  return result as { [K in keyof T]: pg.PgTable }
}
