import Database from 'better-sqlite3'
import type { SQL } from 'drizzle-orm'
import { drizzle } from 'drizzle-orm/better-sqlite3'
import { SQLiteSyncDialect } from 'drizzle-orm/sqlite-core'
import { migrate } from 'drizzle-orm/better-sqlite3/migrator'
import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import { resourcePath } from '../core/paths'
import * as schema from './schema'
import type { Store, Tx } from './store'

/**
 * The embedded default: one SQLite file, one connection per process.
 *
 * better-sqlite3 is synchronous and drizzle runs its transactions synchronously, while the
 * data modules are async. Units of work are therefore serialised through a promise queue and
 * the transaction is opened by hand: nothing else can interleave between BEGIN and COMMIT,
 * even across `await`s. Writers take the write lock at BEGIN (IMMEDIATE), so a unit of work
 * never fails half way for want of it.
 */
const dialect = new SQLiteSyncDialect()

export class SqliteStore implements Store {
  readonly kind = 'sqlite' as const
  private tail: Promise<unknown> = Promise.resolve()

  constructor(
    readonly sqlite: Database.Database,
    readonly db: Tx,
    readonly location: string,
  ) {}

  read<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    return this.serialise(() => this.inTransaction('BEGIN DEFERRED', work))
  }

  write<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    return this.serialise(() => this.inTransaction('BEGIN IMMEDIATE', work))
  }

  execute<Row>(query: SQL): Promise<Row[]> {
    return this.serialise(async () => {
      const { sql, params } = dialect.sqlToQuery(query)
      const statement = this.sqlite.prepare(sql)
      // Statements that return no rows (UPDATE, DELETE…) are run, not read.
      return statement.reader ? (statement.all(...params) as Row[]) : (statement.run(...params), [])
    })
  }

  // TODO(#3): another process writing the same SQLite file (the command line beside the app)
  // is not noticed until the next read; `PRAGMA data_version` polling would catch it.
  onForeignChanges(): () => void {
    return () => undefined
  }

  async close(): Promise<void> {
    await this.tail
    this.sqlite.close()
  }

  private serialise<T>(task: () => Promise<T>): Promise<T> {
    const run = this.tail.then(task, task)
    this.tail = run.catch(() => undefined)
    return run
  }

  private async inTransaction<T>(begin: string, work: (tx: Tx) => Promise<T>): Promise<T> {
    this.sqlite.exec(begin)
    try {
      const result = await work(this.db)
      this.sqlite.exec('COMMIT')
      return result
    } catch (error) {
      if (this.sqlite.inTransaction) this.sqlite.exec('ROLLBACK')
      throw error
    }
  }
}

/** Opens (creating if needed) a SQLite file and brings its schema up to date. */
export function openSqliteStore(file: string): SqliteStore {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true })
  const sqlite = new Database(file)
  sqlite.pragma('journal_mode = WAL')
  sqlite.pragma('foreign_keys = ON')
  sqlite.pragma('busy_timeout = 5000')
  sqlite.pragma('synchronous = NORMAL')

  const db = drizzle(sqlite, { schema })
  migrate(db, { migrationsFolder: resourcePath('migrations', 'sqlite') })
  return new SqliteStore(sqlite, db, file)
}
