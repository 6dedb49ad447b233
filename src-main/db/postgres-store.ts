import { randomUUID } from 'node:crypto'
import { setTimeout as sleep } from 'node:timers/promises'
import { sql, type SQL } from 'drizzle-orm'
import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres'
import { migrate } from 'drizzle-orm/node-postgres/migrator'
import pg from 'pg'
import { parse, toClientConfig } from 'pg-connection-string'
import { AppError } from '../../src-shared/errors'
import type { ChangeEvent } from '../data/context'
import { resourcePath } from '../core/paths'
import { scopedLogger } from '../core/logger'
import { driverError, isRetryableConflict } from './errors'
import type { Store, Tx } from './store'
import { redactUrl } from './target'

const log = scopedLogger('postgres')

/** The NOTIFY channel every workstation on the database listens on. */
export const CHANGES_CHANNEL = 'orchestra_changes'
/** NOTIFY refuses payloads of 8000 bytes or more. */
const MAX_PAYLOAD = 7900
/** An advisory lock key, so that two workstations starting together migrate one at a time. */
const MIGRATION_LOCK = 0x0c4e5a
const MAX_WRITE_ATTEMPTS = 5

interface Announcement {
  origin: string
  changes: ChangeEvent[]
}

export interface PostgresOptions {
  url: string
  password?: string
  /** Connections kept open; a workstation needs few. */
  maxConnections?: number
}

/**
 * A shared PostgreSQL database. Each unit of work checks out one pooled connection for its
 * transaction. Writes run SERIALIZABLE, so two workstations get the guarantees one SQLite
 * file gives (writers as if one at a time) and a write that PostgreSQL cannot order is run
 * again from the start; nothing outside the database happens inside a unit of work, so
 * running it again is safe. Reads see one snapshot.
 *
 * Committed changes are announced with NOTIFY inside the writing transaction (PostgreSQL
 * delivers it at commit, and never for a rollback); one more connection LISTENs and passes
 * other workstations' changes on.
 */
export class PostgresStore implements Store {
  readonly kind = 'postgres' as const
  /** Tells this process's announcements from other workstations'. */
  readonly instance = randomUUID()
  private readonly listeners = new Set<(changes: ChangeEvent[]) => void>()
  private listener?: pg.Client
  private closed = false

  constructor(
    private readonly pool: pg.Pool,
    private readonly db: NodePgDatabase,
    private readonly options: PostgresOptions,
  ) {}

  get location(): string {
    return redactUrl(this.options.url)
  }

  read<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    return this.db.transaction((tx) => work(tx as unknown as Tx), {
      isolationLevel: 'repeatable read',
      accessMode: 'read only',
    })
  }

  async write<T>(work: (tx: Tx) => Promise<T>, changes?: () => ChangeEvent[]): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.db.transaction(
          async (tx) => {
            const result = await work(tx as unknown as Tx)
            const announced = changes?.() ?? []
            if (announced.length) {
              await tx.execute(
                sql`select pg_notify(${CHANGES_CHANNEL}, ${this.payload(announced)})`,
              )
            }
            return result
          },
          { isolationLevel: 'serializable' },
        )
      } catch (error) {
        if (!isRetryableConflict(error) || attempt >= MAX_WRITE_ATTEMPTS) throw error
        // Another workstation's transaction won; start again a little later.
        await sleep(Math.random() * 20 * attempt)
      }
    }
  }

  async execute<Row>(query: SQL): Promise<Row[]> {
    try {
      return (await this.db.execute(query)).rows as Row[]
    } catch (error) {
      throw driverError(error)
    }
  }

  onForeignChanges(listener: (changes: ChangeEvent[]) => void): () => void {
    this.listeners.add(listener)
    if (!this.listener) void this.listen()
    return () => this.listeners.delete(listener)
  }

  async close(): Promise<void> {
    this.closed = true
    await this.listener?.end().catch(() => undefined)
    await this.pool.end()
  }

  /** The changes as NOTIFY can carry them; a huge burst is cut, which still says "reload". */
  private payload(changes: ChangeEvent[]): string {
    let kept = changes
    let text = JSON.stringify({ origin: this.instance, changes: kept } satisfies Announcement)
    while (Buffer.byteLength(text) > MAX_PAYLOAD && kept.length > 1) {
      kept = kept.slice(0, Math.ceil(kept.length / 2))
      text = JSON.stringify({ origin: this.instance, changes: kept } satisfies Announcement)
    }
    return text
  }

  /** Keeps one connection listening, reconnecting after a lost connection. */
  private async listen(): Promise<void> {
    for (let delay = 500; !this.closed; delay = Math.min(delay * 2, 30_000)) {
      const client = new pg.Client(this.connectionConfig())
      this.listener = client
      try {
        await client.connect()
        client.on('notification', (message) => this.deliver(message.payload))
        await client.query(`LISTEN ${CHANGES_CHANNEL}`)
        await new Promise<void>((resolve) => {
          client.once('error', (error) => {
            log.warn(`Lost the change listener connection: ${error.message}`)
            resolve()
          })
          client.once('end', () => resolve())
        })
      } catch (error) {
        if (!this.closed) log.warn(`Cannot listen for changes: ${(error as Error).message}`)
      }
      await client.end().catch(() => undefined)
      if (!this.closed) await sleep(delay)
    }
  }

  private deliver(payload: string | undefined): void {
    let announcement: Announcement
    try {
      announcement = JSON.parse(payload ?? '') as Announcement
    } catch {
      return
    }
    if (announcement.origin === this.instance || !Array.isArray(announcement.changes)) return
    for (const listener of this.listeners) listener(announcement.changes)
  }

  connectionConfig(): pg.ClientConfig {
    return connectionConfig(this.options)
  }
}

/**
 * The driver's settings from a URL read the way libpq (psql) reads it, so that `sslmode`
 * means what PostgreSQL's documentation says: `require` encrypts, `verify-full` also checks
 * the server's certificate against `sslrootcert` (or the system's CAs). A password given
 * apart from the URL (keychain, form) wins over none; PGPASSWORD and ~/.pgpass still apply.
 */
export function connectionConfig(options: PostgresOptions): pg.ClientConfig {
  const config = toClientConfig(parse(options.url, { useLibpqCompat: true }))
  return {
    ...config,
    ...(options.password !== undefined && { password: options.password }),
    application_name: 'orchestra-desktop',
    connectionTimeoutMillis: 10_000,
  }
}

/** Connects to a PostgreSQL database and brings its schema up to date. */
export async function openPostgresStore(options: PostgresOptions): Promise<PostgresStore> {
  const pool = new pg.Pool({ ...connectionConfig(options), max: options.maxConnections ?? 4 })
  // An idle connection that the server drops must not bring the process down.
  pool.on('error', (error) => log.warn(`Idle connection lost: ${error.message}`))
  try {
    await migrateLocked(pool)
  } catch (error) {
    await pool.end().catch(() => undefined)
    const reason = (driverError(error) as Error).message
    throw new AppError(
      { code: 'UNAVAILABLE', message: `Cannot open ${redactUrl(options.url)}: ${reason}` },
      { cause: error },
    )
  }
  return new PostgresStore(pool, drizzle({ client: pool }), options)
}

async function migrateLocked(pool: pg.Pool): Promise<void> {
  const client = await pool.connect()
  try {
    await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK])
    try {
      await migrate(drizzle({ client }), {
        migrationsFolder: resourcePath('migrations', 'postgres'),
      })
    } finally {
      await client.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK])
    }
  } finally {
    client.release()
  }
}
