import Database from 'better-sqlite3'
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3'
import { migrate } from 'drizzle-orm/better-sqlite3/migrator'
import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import { resourcePath } from '../core/paths'
import * as schema from './schema'

export type Tx = BetterSQLite3Database<typeof schema>

/**
 * The unit of work. Every call from the renderer runs in exactly one `read` or `write`.
 *
 * better-sqlite3 is synchronous and drizzle runs its transactions synchronously, while the
 * data modules are async so that a PostgreSQL dialect can slot in. One SQLite connection per
 * process therefore serialises units of work through a promise queue and opens the
 * transaction by hand: nothing else can interleave between BEGIN and COMMIT, even across
 * `await`s.
 */
export class Store {
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

  close(): void {
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
export function openSqliteStore(file: string): Store {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true })
  const sqlite = new Database(file)
  sqlite.pragma('journal_mode = WAL')
  sqlite.pragma('foreign_keys = ON')
  sqlite.pragma('busy_timeout = 5000')
  sqlite.pragma('synchronous = NORMAL')

  const db = drizzle(sqlite, { schema })
  migrate(db, { migrationsFolder: resourcePath('migrations', 'sqlite') })
  return new Store(sqlite, db, file)
}
