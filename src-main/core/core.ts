import { hostname, userInfo } from 'node:os'
import { join } from 'node:path'
import type { AppInfo } from '../../src-shared/schemas/app'
import type { AccountServiceProvider } from '../data/account-services'
import { openSqliteStore, type Store } from '../db/store'
import { Dispatcher } from './dispatcher'
import { EventHub } from './events'
import { configureLogging, scopedLogger } from './logger'
import { resolveDataDir } from './paths'
import { APP_VERSION } from './version'

export interface CoreOptions {
  /** Overrides the data folder (flag `--data-dir`, else ORCHESTRA_DATA_DIR, else the OS's). */
  dataDir?: string
  /** A SQLite file; defaults to `orchestra.sqlite` in the data folder. */
  database?: string
  /** Who the history names for changes made through this core. */
  operator?: string
  quietLogs?: boolean
  clock?: () => Date
  /** Extra account service providers (the seam the service catalogue plugs into). */
  accountServices?: AccountServiceProvider[]
}

export interface Core {
  store: Store
  events: EventHub
  dispatcher: Dispatcher
  info: AppInfo
  close(): void
}

/** The operator recorded in history: the OS user on this workstation. */
export function defaultOperator(): string {
  return process.env.ORCHESTRA_OPERATOR || `${userInfo().username}@${hostname()}`
}

/** Opens the data folder and database (migrating it) and wires the dispatcher. */
export function createCore(options: CoreOptions = {}): Core {
  const dataDir = resolveDataDir(options.dataDir)
  const logFile = configureLogging(dataDir, { quiet: options.quietLogs })
  const databaseFile = options.database ?? join(dataDir, 'orchestra.sqlite')
  const store = openSqliteStore(databaseFile)
  const operator = options.operator ?? defaultOperator()

  const info: AppInfo = {
    name: 'Orchestra Desktop',
    version: APP_VERSION,
    operator,
    database: { kind: store.kind, location: store.location },
    dataDir,
    logFile,
  }
  // TODO(#5): the service catalogue registers its providers (main system user first) here.
  const accountServices: AccountServiceProvider[] = [...(options.accountServices ?? [])]
  const events = new EventHub()
  const dispatcher = new Dispatcher({
    store,
    events,
    services: { info, accountServices },
    actor: operator,
    clock: options.clock,
  })
  scopedLogger('core').info(`Opened ${store.kind} database in ${dataDir}`)

  return { store, events, dispatcher, info, close: () => store.close() }
}
