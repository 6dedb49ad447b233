import { is } from 'drizzle-orm'
import { PgDatabase, type PgQueryResultHKT } from 'drizzle-orm/pg-core'
import type { SQL } from 'drizzle-orm'
import type { BetterSQLite3Database } from 'drizzle-orm/better-sqlite3'
import type { ChangeEvent } from '../data/context'
import type * as schema from './schema'

/**
 * What the data modules write their queries against. The schema is declared once, with
 * SQLite's table builders; on PostgreSQL the same table objects go through PostgreSQL's query
 * builder, which reads from them only names and value mappings, so one query serves both.
 * Where a module needs the dialect (a search index, say), `isPostgres(tx)` tells it.
 */
export type Tx = BetterSQLite3Database<typeof schema>

export type StoreKind = 'sqlite' | 'postgres'

/**
 * The unit of work. Every call from the renderer runs in exactly one `read` or `write`, which
 * is one transaction: it commits whole or not at all.
 */
export interface Store {
  readonly kind: StoreKind
  /** Where the data lives, fit to show: a file path, or a URL without its password. */
  readonly location: string
  read<T>(work: (tx: Tx) => Promise<T>): Promise<T>
  /**
   * A writing unit of work. `changes` are announced to other processes on the same database
   * when the transaction commits (PostgreSQL only; a SQLite file has one process at a time).
   */
  write<T>(work: (tx: Tx) => Promise<T>, changes?: () => ChangeEvent[]): Promise<T>
  /** One SQL statement in its own transaction, returning its rows: for tests and tools. */
  execute<Row = Record<string, unknown>>(query: SQL): Promise<Row[]>
  /** Changes committed by other processes on the same database. */
  onForeignChanges(listener: (changes: ChangeEvent[]) => void): () => void
  close(): Promise<void>
}

/** Whether a unit of work runs on PostgreSQL, for the few queries that differ by dialect. */
export function isPostgres(tx: Tx): boolean {
  return is(tx, PgDatabase)
}

/** Runs a statement whose rows are not needed, in the unit of work, on either dialect. */
export async function runSql(tx: Tx, query: SQL): Promise<void> {
  if (isPostgres(tx)) await (tx as unknown as PgDatabase<PgQueryResultHKT>).execute(query)
  else await tx.run(query)
}
