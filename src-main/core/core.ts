import { randomUUID } from 'node:crypto'
import { hostname, userInfo } from 'node:os'
import type { AppInfo } from '../../src-shared/schemas/app'
import { domainServices } from '../data/domain-services'
import { mailServices } from '../data/mail-services'
import { sqlServices } from '../data/sql-services'
import { systemUserServices } from '../data/system-user-services'
import { webappServices } from '../data/webapp-services'
import { websiteServices } from '../data/website-services'
import { certificateServices } from '../data/certificate-services'
import { mailingListServices } from '../data/mailing-list-services'
import { saasServices } from '../data/saas-services'
import { miscellaneousServices, otherServiceServices } from '../data/other-services'
import { billAccountHooks } from '../data/bill-closing'
import type { AccountServiceProvider } from '../data/account-services'
import type { Store } from '../db/store'
import { describeTarget } from '../db/target'
import { chooseDatabase, DatabaseControl, openStore, withKeychainPassword } from './database'
import { Dispatcher } from './dispatcher'
import { EventHub } from './events'
import { osKeychain, type Keychain } from './keychain'
import { configureLogging, scopedLogger } from './logger'
import { resolveDataDir } from './paths'
import { APP_VERSION } from './version'
import { PeriodicScheduler, systemTimer, type SchedulerTimer } from './periodic-scheduler'
import { runClaimedTask } from './periodic-tasks'
import { orderTimeZone } from '../data/order-clock'
import type { CoreServices } from '../handlers/types'
import { Orchestrator, type OrchestratorOptions } from '../orchestration/orchestrator'
import { sweepOrphanedLogs } from '../orchestration/recovery'

export { chooseDatabase, openStore } from './database'

export interface CoreOptions {
  /** Overrides the data folder (flag `--data-dir`, else ORCHESTRA_DATA_DIR, else the OS's). */
  dataDir?: string
  /**
   * A SQLite file path or a `postgres://` URL (flag `--database`, else
   * ORCHESTRA_DATABASE_URL, else the choice saved in the interface); defaults to
   * `orchestra.sqlite` in the data folder.
   */
  database?: string
  /** A PostgreSQL password that is not in the URL (else the keychain, PGPASSWORD, ~/.pgpass). */
  databasePassword?: string
  /** Who the history names for changes made through this core. */
  operator?: string
  quietLogs?: boolean
  clock?: () => Date
  /** Extra account service providers (the seam the service catalogue plugs into). */
  accountServices?: AccountServiceProvider[]
  /** Where secrets live; the OS keychain unless a test brings its own. */
  keychain?: Keychain
  /** Tuning of script runs (lease, parallel servers, connect timeout), for tests and tools. */
  orchestration?: Pick<
    OrchestratorOptions,
    'leaseMs' | 'parallelServers' | 'connectTimeoutMs' | 'scriptTimeoutMs'
  >
  /**
   * Open the database for audit: every read works, every write is refused, and nothing of the
   * database changes (a SQLite file is read through a private copy).
   */
  readOnly?: boolean
  /**
   * Run the daily tasks of spec billing 4.5 while the core is open (the app and `serve`, not
   * the one-shot commands); tests bring their own timer.
   */
  periodicTasks?: boolean | { timer: SchedulerTimer }
}

export interface Core {
  /** The open database; it changes when the interface connects to another one. */
  readonly store: Store
  database: DatabaseControl
  events: EventHub
  dispatcher: Dispatcher
  orchestrator: Orchestrator
  info: AppInfo
  /** The daily tasks' scheduler, when the core runs them. */
  periodicTasks?: PeriodicScheduler
  close(): Promise<void>
}

/** The operator recorded in history: the OS user on this workstation. */
export function defaultOperator(): string {
  return process.env.ORCHESTRA_OPERATOR || `${userInfo().username}@${hostname()}`
}

/**
 * Opens the data folder and the database (migrating it) and wires the dispatcher. Changes
 * that other workstations commit on a shared database are pushed like local ones.
 */
export async function openCore(options: CoreOptions = {}): Promise<Core> {
  const dataDir = resolveDataDir(options.dataDir)
  const logFile = configureLogging(dataDir, { quiet: options.quietLogs })
  const keychain = options.keychain ?? osKeychain
  const { target, source } = chooseDatabase(options, dataDir)
  const store = await openStore(await withKeychainPassword(target, keychain), {
    readOnly: options.readOnly,
  })
  scopedLogger('core').info(`Opened ${store.kind} database ${describeTarget(target)}`)
  const core = wire(store, { dataDir, logFile, options, keychain, source })
  if (!options.readOnly) {
    const aborted = await sweepOrphanedLogs(store, (options.clock?.() ?? new Date()).toISOString())
    if (aborted.length) {
      scopedLogger('core').warn(`Marked ${aborted.length} interrupted backend log(s) ABORTED`)
    }
    if (options.periodicTasks) schedulePeriodicTasks(core, options)
  }
  return core
}

/** Starts the daily tasks; closing the core stops them, after the run under way. */
function schedulePeriodicTasks(core: Core, options: CoreOptions) {
  const clock = options.clock ?? (() => new Date())
  // The session tells two windows of one operator on one host apart in the claim.
  const owner = `${core.info.operator} ${randomUUID().slice(0, 8)}`
  const scheduler = new PeriodicScheduler({
    clock,
    timer: typeof options.periodicTasks === 'object' ? options.periodicTasks.timer : systemTimer,
    timeZone: () => core.store.read(orderTimeZone),
    run: (task, notRunSince) => runClaimedTask(core, task, { owner, now: clock(), notRunSince }),
  })
  const close = core.close.bind(core)
  core.periodicTasks = scheduler
  core.close = async () => {
    await scheduler.stop()
    await close()
  }
  scheduler.start()
}

interface Wiring {
  dataDir: string
  logFile: string
  options: CoreOptions
  keychain: Keychain
  source: 'flag' | 'environment' | 'saved' | 'default'
}

function wire(store: Store, { dataDir, logFile, options, keychain, source }: Wiring): Core {
  const operator = options.operator ?? defaultOperator()
  const info: AppInfo = {
    name: 'Orchestra Desktop',
    version: APP_VERSION,
    operator,
    database: {
      kind: store.kind,
      location: store.location,
      ...(options.readOnly && { readOnly: true }),
    },
    dataDir,
    logFile,
  }
  const events = new EventHub()
  const database = new DatabaseControl(
    store,
    source,
    dataDir,
    keychain,
    (changes) => changes.forEach((change) => events.emit('data:changed', change)),
    (opened) => {
      info.database = { kind: opened.kind, location: opened.location }
      events.emit('database:switched', info.database)
    },
  )
  // In this order an account's services are deleted: certificates with their websites, websites
  // before the web apps they mount, addresses and lists before their domains, and the main
  // system user last, once nothing of the account runs as it.
  const accountServices: AccountServiceProvider[] = [
    saasServices,
    certificateServices,
    websiteServices,
    webappServices,
    mailingListServices,
    otherServiceServices,
    miscellaneousServices,
    mailServices,
    sqlServices,
    domainServices,
    systemUserServices,
    // Not a service: it anonymises the account's bills, which stay.
    billAccountHooks,
    ...(options.accountServices ?? []),
  ]
  const orchestrator = new Orchestrator({
    store: () => database.store,
    keychain,
    events,
    clock: options.clock,
    ...options.orchestration,
  })
  // The dispatcher and the services it hands to handlers refer to each other.
  let dispatcher: Dispatcher | undefined = undefined
  const services: CoreServices = {
    info,
    accountServices,
    database,
    events,
    keychain,
    orchestrator,
    actor: operator,
    now: () => (options.clock?.() ?? new Date()).toISOString(),
    write: (work) => dispatcher!.write(work),
    preview: (channel, request) => dispatcher!.preview(channel, request),
  }
  dispatcher = new Dispatcher({
    store: () => database.store,
    events,
    services,
    orchestrator,
    actor: operator,
    clock: options.clock,
  })
  return {
    get store() {
      return database.store
    },
    database,
    events,
    dispatcher,
    orchestrator,
    info,
    async close() {
      await orchestrator.close()
      await database.close()
    },
  }
}
