import { posix } from 'node:path'
import { and, asc, eq, inArray } from 'drizzle-orm'
import { baseHome } from '../../../src-shared/schemas/system-user-settings'
import {
  fillTemplate,
  versionNumber,
  type WebappPlaceholder,
} from '../../../src-shared/schemas/webapp-settings'
import {
  WEBAPP_TYPES,
  type PhpIniValue,
  type WebappOption,
  type WebappType,
} from '../../../src-shared/schemas/webapps'
import { settingValue } from '../../data/settings'
import { mergeOptions, phpIniValues, phpRuntime, phpTimeouts } from '../../data/webapp-php'
import { accounts, systemUsers, webappOptions, webapps } from '../../db/schema'
import type { Tx } from '../../db/store'

/** The web app settings a script is written with, read once per object. */
export async function readWebappSettings(tx: Tx) {
  const names = [
    'SYSTEMUSERS_HOME',
    'WEBAPPS_BASE_DIR',
    'WEBAPPS_PHP_VERSIONS',
    'WEBAPPS_PYTHON_VERSIONS',
    'WEBAPPS_FPM_LISTEN',
    'WEBAPPS_FPM_DEFAULT_MAX_CHILDREN',
    'WEBAPPS_PHPFPM_POOL_PATH',
    'WEBAPPS_PHPFPM_RELOAD_POOL',
    'WEBAPPS_FCGID_WRAPPER_PATH',
    'WEBAPPS_FCGID_CMD_OPTIONS_PATH',
    'WEBAPPS_PHP_MAX_REQUESTS',
    'WEBAPPS_PHP_DEFAULT_TIMEOUT',
    'WEBAPPS_PHP_ERROR_LOG_PATH',
    'WEBAPPS_MERGE_PHP_WEBAPPS',
    'WEBAPPS_PHP_CGI_BINARY_PATH',
    'WEBAPPS_PHP_CGI_RC_DIR',
    'WEBAPPS_PHP_CGI_INI_SCAN_DIR',
    'WEBAPPS_PHP_DISABLED_FUNCTIONS',
    'WEBAPPS_UWSGI_SOCKET',
    'WEBAPPS_UWSGI_BASE_DIR',
    'WEBAPPS_PYTHON_MAX_REQUESTS',
    'WEBAPPS_PYTHON_DEFAULT_MAX_WORKERS',
    'WEBAPPS_PYTHON_DEFAULT_TIMEOUT',
    'WEBAPPS_UNDER_CONSTRUCTION_PATH',
    'WEBAPPS_MOVE_ON_DELETE_PATH',
    'WEBAPPS_DEFAULT_MYSQL_DATABASE_HOST',
    'WEBAPPS_CMS_CACHE_DIR',
  ] as const
  const entries = await Promise.all(names.map(async (name) => [name, await settingValue(tx, name)]))
  return Object.fromEntries(entries) as { [N in (typeof names)[number]]: SettingOf<N> }
}

type SettingOf<N> = N extends Parameters<typeof settingValue>[1]
  ? Awaited<ReturnType<typeof settingValue<N>>>
  : never
export type WebappSettings = Awaited<ReturnType<typeof readWebappSettings>>

/** The files one runtime key gives an app: what is written for it, and where it listens. */
export type RuntimeFiles =
  | { kind: 'fpm'; key: string; pool: string; listen: string }
  | { kind: 'cgi'; key: string; wrapper: string; cmdOptions: string }
  | { kind: 'uwsgi'; key: string; vassal: string; socket: string }

export interface PhpPart {
  runtime: ReturnType<typeof phpRuntime>
  files: RuntimeFiles & { kind: 'fpm' | 'cgi' }
  /** The pool or wrapper name: the app's, or `_php<N>` when the account's apps share one. */
  instance: string
  ini: PhpIniValue[]
  timeouts: ReturnType<typeof phpTimeouts>
  maxChildren: number
  maxRequests: number
  cgiBinary: string
  rcDir: string
  iniScanDir: string
  reloadCommand: string
}

export interface PythonPart {
  number: string
  /** Debian names its plugins python3, python311…: the number without its dot. */
  plugin: string
  files: RuntimeFiles & { kind: 'uwsgi' }
  harakiri: number
  workers: number
  maxRequests: number
}

/** Everything the web app backends and the web server side read of one app. */
export interface WebappObject {
  id: number
  name: string
  type: WebappType
  accountId: number
  active: boolean
  /** The main system user: owns the files (spec 5). */
  user: string
  group: string
  home: string
  /**
   * The user the app's code runs as: the account's CGI user when it has one, so a broken app
   * can read the account's files (it is in the main user's group) but not rewrite its own
   * code; otherwise the main user, as in the original.
   */
  runAs: string
  runAsGroup: string
  appDir: string
  documentRoot: string
  linkTarget: string
  options: WebappOption[]
  /** Under documentRoot: folders where the CGI user may write and no script runs. */
  uploadDirs: string[]
  php: PhpPart | null
  python: PythonPart | null
  /** Pools, wrappers and vassals of other versions: removed unless a sibling uses them. */
  staleFiles: StaleFile[]
  /** What a delete removes: the app's files of every version, unless a sibling uses them. */
  ownFiles: StaleFile[]
  /** Database access for a CMS installer. */
  cms: { databaseId: number | null; sqlUserId: number | null; host: string; cacheDir: string }
  underConstruction: string
  moveOnDelete: string
}

type WebappRow = typeof webapps.$inferSelect

interface Owner {
  user: string
  userId: number
  home: string
  runAs: string
  active: boolean
}

async function ownerOf(tx: Tx, settings: WebappSettings, accountId: number) {
  const [account] = await tx.select().from(accounts).where(eq(accounts.id, accountId))
  if (!account) return undefined
  const users = await tx
    .select()
    .from(systemUsers)
    .where(and(eq(systemUsers.accountId, accountId), inArray(systemUsers.role, ['main', 'cgi'])))
  const main = users.find((row) => row.role === 'main')
  const cgi = users.find((row) => row.role === 'cgi')
  return {
    user: account.username,
    userId: main?.id ?? 0,
    home: baseHome(settings.SYSTEMUSERS_HOME, account.username),
    runAs: cgi?.username ?? account.username,
    active: account.isActive,
  } satisfies Owner
}

function placeholders(owner: Owner, app: WebappRow, instance = app.name) {
  return {
    home: owner.home,
    user: owner.user,
    user_id: owner.userId,
    group: owner.user,
    app_type: app.type,
    app_name: instance,
    app_id: app.id,
    account_id: app.accountId,
  } satisfies Partial<Record<WebappPlaceholder, string | number>>
}

/** The files a runtime key would give the app, by the path templates of now. */
export function runtimeFiles(
  settings: WebappSettings,
  values: ReturnType<typeof placeholders>,
  key: string,
): RuntimeFiles {
  const number = versionNumber(key)
  if (key.endsWith('-uwsgi')) {
    const filled = { ...values, python_version: key, python_version_number: number }
    const base = settings.WEBAPPS_UWSGI_BASE_DIR.replace(/\/+$/, '')
    return {
      kind: 'uwsgi',
      key,
      vassal: `${base}/vassals/${values.user}-${values.app_name}.ini`,
      socket: fillTemplate(settings.WEBAPPS_UWSGI_SOCKET, filled),
    }
  }
  const runtime = phpRuntime(key)
  const filled = {
    ...values,
    php_version: key,
    php_version_number: runtime.number,
    php_version_int: runtime.int,
  }
  if (runtime.model === 'fpm') {
    const listen = fillTemplate(settings.WEBAPPS_FPM_LISTEN, filled)
    // A port template like 5%(app_id)04d runs past 65535 from app 10000 on (spec 15.2).
    const port = /:(\d+)$/.exec(listen)?.[1]
    if (!listen.startsWith('/') && Number(port) > 65535) {
      throw new Error(`WEBAPPS_FPM_LISTEN gives app ${values.app_id} the port ${port}`)
    }
    return {
      kind: 'fpm',
      key,
      pool: fillTemplate(settings.WEBAPPS_PHPFPM_POOL_PATH, filled),
      listen,
    }
  }
  return {
    kind: 'cgi',
    key,
    wrapper: fillTemplate(settings.WEBAPPS_FCGID_WRAPPER_PATH, filled),
    cmdOptions: fillTemplate(settings.WEBAPPS_FCGID_CMD_OPTIONS_PATH, filled),
  }
}

/** A file to remove, and the daemon to reload once it is gone. */
export interface StaleFile {
  path: string
  /** `fpm` reloads that version's PHP-FPM, `apache` Apache; null needs no reload. */
  reload: { kind: 'fpm'; number: string; command: string } | { kind: 'apache' } | null
}

function staleEntries(settings: WebappSettings, files: RuntimeFiles): StaleFile[] {
  if (files.kind === 'fpm') {
    const { number, int } = phpRuntime(files.key)
    const values = { php_version: files.key, php_version_number: number, php_version_int: int }
    const command = fillTemplate(settings.WEBAPPS_PHPFPM_RELOAD_POOL, values)
    return [{ path: files.pool, reload: { kind: 'fpm', number, command } }]
  }
  if (files.kind === 'cgi') {
    return [
      { path: files.wrapper, reload: null },
      { path: files.cmdOptions, reload: { kind: 'apache' } },
    ]
  }
  return [{ path: files.vassal, reload: null }]
}

export const pathsOf = (files: RuntimeFiles): string[] =>
  files.kind === 'fpm'
    ? [files.pool]
    : files.kind === 'cgi'
      ? [files.wrapper, files.cmdOptions]
      : [files.vassal]

async function optionsOf(tx: Tx, ids: readonly number[]) {
  if (!ids.length) return new Map<number, WebappOption[]>()
  const rows = await tx
    .select()
    .from(webappOptions)
    .where(inArray(webappOptions.webappId, [...ids]))
    .orderBy(asc(webappOptions.name))
  const byApp = new Map<number, WebappOption[]>()
  for (const row of rows) {
    byApp.set(row.webappId, [
      ...(byApp.get(row.webappId) ?? []),
      { name: row.name, value: row.value },
    ])
  }
  return byApp
}

const runsPhp = (type: string) => WEBAPP_TYPES[type as WebappType]?.runtime === 'php'

/**
 * A change of the account's system users concerns its apps that run code: the CGI user they
 * run as may have come or gone (spec 15.4), so their pools, wrappers and vassals follow.
 */
export const systemUserRelation = {
  model: 'systemUser' as const,
  async owners(tx: Tx, userId: number, snapshot: unknown): Promise<number[]> {
    const [row] = await tx
      .select({ accountId: systemUsers.accountId })
      .from(systemUsers)
      .where(eq(systemUsers.id, userId))
    const accountId = row?.accountId ?? (snapshot as { accountId?: number } | undefined)?.accountId
    if (!accountId) return []
    const apps = await tx.select().from(webapps).where(eq(webapps.accountId, accountId))
    return apps
      .filter((app) => WEBAPP_TYPES[app.type as WebappType]?.runtime !== 'none')
      .map((app) => app.id)
  },
}

/**
 * The account's other PHP apps on the same key: they share the pool when merging.
 * TODO(#6): deleting or changing one merged app does not re-save its siblings, so the shared
 * pool keeps the old merged options until a sibling is saved again.
 */
async function siblingsOf(tx: Tx, app: WebappRow) {
  const rows = await tx.select().from(webapps).where(eq(webapps.accountId, app.accountId))
  return rows.filter((row) => row.id !== app.id && runsPhp(row.type))
}

function phpPart(
  settings: WebappSettings,
  owner: Owner,
  app: WebappRow,
  options: WebappOption[],
): PhpPart {
  const runtime = phpRuntime(app.runtime)
  const merge = settings.WEBAPPS_MERGE_PHP_WEBAPPS
  // An app name never starts with `_`, so the shared instance cannot meet an app's own.
  const instance = merge ? `_php${runtime.int}` : app.name
  const values = placeholders(owner, app, instance)
  const filled = { ...values, php_version_number: runtime.number, php_version: app.runtime }
  const files = runtimeFiles(settings, values, app.runtime) as PhpPart['files']
  const byName = new Map(options.map((option) => [option.name, option.value]))
  const errorLog = settings.WEBAPPS_PHP_ERROR_LOG_PATH
  return {
    runtime,
    files,
    instance,
    ini: phpIniValues(options, {
      phpVersion: runtime.number,
      model: runtime.model,
      disabledFunctions: settings.WEBAPPS_PHP_DISABLED_FUNCTIONS,
      defaultTimeout: settings.WEBAPPS_PHP_DEFAULT_TIMEOUT,
      errorLog: errorLog ? fillTemplate(errorLog, { ...filled, php_version_int: runtime.int }) : '',
    }),
    timeouts: phpTimeouts(byName.get('timeout'), settings.WEBAPPS_PHP_DEFAULT_TIMEOUT),
    maxChildren: Number(byName.get('processes') ?? settings.WEBAPPS_FPM_DEFAULT_MAX_CHILDREN),
    maxRequests: settings.WEBAPPS_PHP_MAX_REQUESTS,
    cgiBinary: fillTemplate(settings.WEBAPPS_PHP_CGI_BINARY_PATH, filled),
    rcDir: fillTemplate(settings.WEBAPPS_PHP_CGI_RC_DIR, filled),
    iniScanDir: fillTemplate(settings.WEBAPPS_PHP_CGI_INI_SCAN_DIR, filled),
    reloadCommand: fillTemplate(settings.WEBAPPS_PHPFPM_RELOAD_POOL, {
      ...filled,
      php_version_int: runtime.int,
    }),
  }
}

function pythonPart(
  settings: WebappSettings,
  owner: Owner,
  app: WebappRow,
  options: WebappOption[],
): PythonPart {
  const byName = new Map(options.map((option) => [option.name, option.value]))
  const number = versionNumber(app.runtime)
  const timeout = byName.get('timeout')
  return {
    number,
    plugin: `python${number.replace('.', '')}`,
    files: runtimeFiles(settings, placeholders(owner, app), app.runtime) as PythonPart['files'],
    harakiri: timeout ? Number(timeout) : settings.WEBAPPS_PYTHON_DEFAULT_TIMEOUT,
    workers: Number(byName.get('processes') ?? settings.WEBAPPS_PYTHON_DEFAULT_MAX_WORKERS),
    maxRequests: settings.WEBAPPS_PYTHON_MAX_REQUESTS,
  }
}

/**
 * The files of every version the app could have had: those of other versions are stale, and
 * a delete removes them all. With merging, files a sibling still uses are kept. Paths are
 * compared, never keys (spec 15.3): two keys may give one path, and the file just written
 * must stay.
 */
async function filesOf(
  tx: Tx,
  settings: WebappSettings,
  owner: Owner,
  app: WebappRow,
  current: string[],
): Promise<{ stale: StaleFile[]; own: StaleFile[] }> {
  const keys = [...settings.WEBAPPS_PHP_VERSIONS, ...settings.WEBAPPS_PYTHON_VERSIONS]
  if (app.runtime && !keys.includes(app.runtime)) keys.push(app.runtime)
  const merge = settings.WEBAPPS_MERGE_PHP_WEBAPPS
  const candidates = keys.flatMap((key) => {
    const own = staleEntries(settings, runtimeFiles(settings, placeholders(owner, app), key))
    if (!merge || key.endsWith('-uwsgi')) return own
    const shared = placeholders(owner, app, `_php${phpRuntime(key).int}`)
    return [...own, ...staleEntries(settings, runtimeFiles(settings, shared, key))]
  })
  const usedBySiblings = new Set<string>()
  // A disabled account's siblings are disabled too: nothing of theirs is kept then.
  if (merge && owner.active) {
    for (const sibling of await siblingsOf(tx, app)) {
      const shared = placeholders(owner, sibling, `_php${phpRuntime(sibling.runtime).int}`)
      for (const path of pathsOf(runtimeFiles(settings, shared, sibling.runtime))) {
        usedBySiblings.add(path)
      }
    }
  }
  const unique = [...new Map(candidates.map((file) => [file.path, file])).values()]
    .filter((file) => !usedBySiblings.has(file.path))
    .sort((a, b) => a.path.localeCompare(b.path))
  return { stale: unique.filter((file) => !current.includes(file.path)), own: unique }
}

export async function loadWebappObject(tx: Tx, id: number): Promise<WebappObject | undefined> {
  const [app] = await tx.select().from(webapps).where(eq(webapps.id, id))
  if (!app) return undefined
  const settings = await readWebappSettings(tx)
  const owner = await ownerOf(tx, settings, app.accountId)
  if (!owner) return undefined
  let options = (await optionsOf(tx, [app.id])).get(app.id) ?? []
  const spec = WEBAPP_TYPES[app.type as WebappType]

  const appDir = fillTemplate(settings.WEBAPPS_BASE_DIR, placeholders(owner, app))
  const publicRoot = options.find((option) => option.name === 'public-root')?.value
  const documentRoot = publicRoot ? posix.normalize(posix.join(appDir, publicRoot)) : appDir

  if (settings.WEBAPPS_MERGE_PHP_WEBAPPS && spec.runtime === 'php') {
    const siblings = (await siblingsOf(tx, app)).filter((row) => row.runtime === app.runtime)
    const theirs = await optionsOf(
      tx,
      siblings.map((row) => row.id),
    )
    options = mergeOptions([options, ...siblings.map((row) => theirs.get(row.id) ?? [])])
  }
  const php = spec.runtime === 'php' ? phpPart(settings, owner, app, options) : null
  const python = spec.runtime === 'python' ? pythonPart(settings, owner, app, options) : null
  const current = php ? pathsOf(php.files) : python ? pathsOf(python.files) : []
  const files = await filesOf(tx, settings, owner, app, owner.active ? current : [])

  return {
    id: app.id,
    name: app.name,
    type: app.type as WebappType,
    accountId: app.accountId,
    active: owner.active,
    user: owner.user,
    group: owner.user,
    home: owner.home,
    runAs: owner.runAs,
    runAsGroup: owner.runAs,
    appDir,
    documentRoot,
    linkTarget: app.linkTarget,
    options,
    uploadDirs: [...(spec.cms?.uploadDirs ?? [])],
    php,
    python,
    staleFiles: files.stale,
    ownFiles: files.own,
    cms: {
      databaseId: app.databaseId,
      sqlUserId: app.sqlUserId,
      host: settings.WEBAPPS_DEFAULT_MYSQL_DATABASE_HOST,
      cacheDir: settings.WEBAPPS_CMS_CACHE_DIR,
    },
    underConstruction: settings.WEBAPPS_UNDER_CONSTRUCTION_PATH,
    moveOnDelete: settings.WEBAPPS_MOVE_ON_DELETE_PATH
      ? fillTemplate(settings.WEBAPPS_MOVE_ON_DELETE_PATH, placeholders(owner, app))
      : '',
  }
}
