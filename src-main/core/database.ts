import Database from 'better-sqlite3'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { isAbsolute, join } from 'node:path'
import pg from 'pg'
import { z } from 'zod'
import { AppError } from '../../src-shared/errors'
import type {
  CopyResult,
  DatabaseCheck,
  DatabaseConnection,
  DatabaseSource,
  DatabaseStatus,
} from '../../src-shared/schemas/database'
import type { ChangeEvent } from '../data/context'
import { copyDatabase, type CopyProgress } from '../db/copy'
import { driverError } from '../db/errors'
import { connectionConfig, openPostgresStore } from '../db/postgres-store'
import { openSqliteForAudit, ReadOnlyStore } from '../db/read-only-store'
import { openSqliteStore } from '../db/sqlite-store'
import type { Store } from '../db/store'
import {
  defaultDatabaseFile,
  describeTarget,
  parseDatabaseTarget,
  type DatabaseTarget,
} from '../db/target'
import type { Keychain } from './keychain'
import { scopedLogger } from './logger'

const log = scopedLogger('database')

/** The database chosen in the interface, kept in the data folder. Never a password. */
const SAVED_CHOICE = 'database.json'
const savedChoiceSchema = z.object({ database: z.string().min(1) })

export interface DatabaseChoice {
  target: DatabaseTarget
  source: DatabaseSource
}

/** Which database to open: the flag, else ORCHESTRA_DATABASE_URL, else the saved choice. */
export function chooseDatabase(
  options: { database?: string; databasePassword?: string },
  dataDir: string,
): DatabaseChoice {
  const choice = ((): DatabaseChoice => {
    if (options.database) return { target: parseDatabaseTarget(options.database), source: 'flag' }
    const fromEnv = process.env.ORCHESTRA_DATABASE_URL
    if (fromEnv) return { target: parseDatabaseTarget(fromEnv), source: 'environment' }
    const saved = readSavedChoice(dataDir)
    if (saved) return { target: parseDatabaseTarget(saved), source: 'saved' }
    return { target: { kind: 'sqlite', file: defaultDatabaseFile(dataDir) }, source: 'default' }
  })()
  if (choice.target.kind === 'postgres' && options.databasePassword !== undefined) {
    choice.target = { ...choice.target, password: options.databasePassword }
  }
  return choice
}

function readSavedChoice(dataDir: string): string | undefined {
  const file = join(dataDir, SAVED_CHOICE)
  if (!existsSync(file)) return undefined
  try {
    return savedChoiceSchema.parse(JSON.parse(readFileSync(file, 'utf8'))).database
  } catch (error) {
    log.warn(`Ignoring ${file}: ${(error as Error).message}`)
    return undefined
  }
}

function saveChoice(dataDir: string, target: DatabaseTarget): void {
  const database = target.kind === 'sqlite' ? target.file : target.url
  writeFileSync(join(dataDir, SAVED_CHOICE), `${JSON.stringify({ database }, null, 2)}\n`)
}

/** The keychain entry of a server's password: user, host, port and database, nothing else. */
export function passwordAccount(url: string): string {
  const parsed = new URL(url)
  parsed.search = ''
  parsed.password = ''
  return `database:${parsed.toString()}`
}

/**
 * Opens (and migrates) the database a target names. Read-only, nothing of it changes: a
 * SQLite file is read through a migrated private copy, and PostgreSQL refuses every write.
 */
export async function openStore(
  target: DatabaseTarget,
  { readOnly = false }: { readOnly?: boolean } = {},
): Promise<Store> {
  if (target.kind === 'sqlite') {
    return readOnly ? openSqliteForAudit(target.file) : openSqliteStore(target.file)
  }
  // TODO(#4): a read-only PostgreSQL open still migrates the schema first, so an auditor's
  // SELECT-only role cannot open an older database; it should read without migrating.
  const store = await openPostgresStore({ url: target.url, password: target.password })
  return readOnly ? new ReadOnlyStore(store) : store
}

/** Fills in a PostgreSQL password from the keychain when none was given. */
export async function withKeychainPassword(
  target: DatabaseTarget,
  keychain: Keychain,
): Promise<DatabaseTarget> {
  if (target.kind !== 'postgres' || target.password !== undefined) return target
  const password = await keychain.get(passwordAccount(target.url))
  return password === undefined ? target : { ...target, password }
}

/** A form's connection as a target; a relative SQLite path is taken in the data folder. */
export function connectionTarget(connection: DatabaseConnection, dataDir: string): DatabaseTarget {
  if (connection.kind === 'sqlite') {
    const file = connection.file?.trim() || defaultDatabaseFile(dataDir)
    return { kind: 'sqlite', file: isAbsolute(file) ? file : join(dataDir, file) }
  }
  const url = new URL('postgres://localhost')
  url.hostname = connection.host
  url.port = String(connection.port ?? 5432)
  url.username = connection.user
  url.pathname = `/${encodeURIComponent(connection.database)}`
  url.searchParams.set('sslmode', connection.tls ?? 'verify-full')
  if (connection.caFile) url.searchParams.set('sslrootcert', connection.caFile)
  const target = parseDatabaseTarget(url.toString())
  if (target.kind !== 'postgres' || connection.password === undefined) return target
  return { ...target, password: connection.password }
}

/**
 * The open database, and switching it at run time: the interface connects to another one,
 * copies this one into an empty one, or checks a connection before using it.
 */
export class DatabaseControl {
  private stopListening: () => void = () => undefined

  constructor(
    private current: Store,
    private source: DatabaseSource,
    private readonly dataDir: string,
    private readonly keychain: Keychain,
    private readonly onForeignChanges: (changes: ChangeEvent[]) => void,
    private readonly onSwitched: (store: Store) => void,
  ) {
    this.listen()
  }

  get store(): Store {
    return this.current
  }

  async status(): Promise<DatabaseStatus> {
    return {
      kind: this.current.kind,
      location: this.current.location,
      source: this.source,
      locked: this.source === 'flag' || this.source === 'environment',
      keychain: await this.keychain.status(),
    }
  }

  /** Connects without changing anything there: who answers, and whether it is empty. */
  async check(connection: DatabaseConnection): Promise<DatabaseCheck> {
    const target = await withKeychainPassword(
      connectionTarget(connection, this.dataDir),
      this.keychain,
    )
    const location = describeTarget(target)
    if (target.kind === 'sqlite') {
      if (!existsSync(target.file)) {
        return { kind: 'sqlite', location, server: sqliteVersion(), empty: true }
      }
      const db = new Database(target.file, { readonly: true, fileMustExist: true })
      try {
        const table = db
          .prepare(`select 1 from sqlite_master where type = 'table' and name = 'accounts'`)
          .get()
        const rows = table
          ? (db.prepare('select count(*) as n from accounts').get() as { n: number }).n
          : 0
        return { kind: 'sqlite', location, server: sqliteVersion(), empty: rows === 0 }
      } finally {
        db.close()
      }
    }
    const client = new pg.Client(connectionConfig(target))
    try {
      await client.connect()
      const { rows } = await client.query<{ version: string; accounts: string | null }>(
        `select current_setting('server_version') as version, ` +
          `to_regclass('accounts')::text as accounts`,
      )
      const [row] = rows
      const empty =
        !row?.accounts ||
        Number((await client.query('select count(*) as n from accounts')).rows[0].n) === 0
      return { kind: 'postgres', location, server: `PostgreSQL ${row?.version}`, empty }
    } catch (error) {
      throw cannotOpen(location, error)
    } finally {
      await client.end().catch(() => undefined)
    }
  }

  /**
   * Opens another database (migrating it), then makes it the one every call uses and the one
   * opened at the next start. The old one closes once its calls in flight are done. The
   * password goes to the keychain only once the connection has worked.
   */
  async connect(connection: DatabaseConnection): Promise<DatabaseStatus> {
    const remember =
      connection.kind === 'postgres' &&
      connection.password !== undefined &&
      connection.rememberPassword !== false
    if (remember) {
      const keychain = await this.keychain.status()
      if (!keychain.available) {
        throw new AppError({
          code: 'UNAVAILABLE',
          field: 'rememberPassword',
          message:
            `The password cannot be remembered: ${keychain.reason}. ` +
            'Untick "Remember" to connect for this session only.',
        })
      }
    }
    const target = await withKeychainPassword(
      connectionTarget(connection, this.dataDir),
      this.keychain,
    )
    const store = await this.open(target)
    if (remember && target.kind === 'postgres') {
      await this.keychain.set(passwordAccount(target.url), target.password!)
    }

    const previous = this.current
    this.stopListening()
    this.current = store
    this.source = 'saved'
    saveChoice(this.dataDir, target)
    this.listen()
    this.onSwitched(store)
    log.info(`Switched to ${store.kind} database ${store.location}`)
    await previous.close()
    return this.status()
  }

  /** Copies the open database into an empty one, checked row for row; it stays open here. */
  async copy(
    connection: DatabaseConnection,
    onProgress: (progress: CopyProgress) => void,
  ): Promise<CopyResult> {
    const target = await withKeychainPassword(
      connectionTarget(connection, this.dataDir),
      this.keychain,
    )
    const store = await this.open(target)
    try {
      const report = await copyDatabase(this.current, store, onProgress)
      log.info(`Copied ${report.rows} rows into ${store.location}`)
      return { ...report, to: store.location }
    } finally {
      await store.close()
    }
  }

  async close(): Promise<void> {
    this.stopListening()
    await this.current.close()
  }

  private async open(target: DatabaseTarget): Promise<Store> {
    try {
      return await openStore(target)
    } catch (error) {
      if (error instanceof AppError) throw error
      throw cannotOpen(describeTarget(target), error)
    }
  }

  private listen(): void {
    this.stopListening = this.current.onForeignChanges(this.onForeignChanges)
  }
}

function sqliteVersion(): string {
  const db = new Database(':memory:')
  try {
    return `SQLite ${(db.prepare('select sqlite_version() as v').get() as { v: string }).v}`
  } finally {
    db.close()
  }
}

function cannotOpen(location: string, error: unknown): AppError {
  const reason = (driverError(error) as Error).message
  return new AppError(
    { code: 'UNAVAILABLE', message: `Cannot open ${location}: ${reason}` },
    { cause: error },
  )
}
