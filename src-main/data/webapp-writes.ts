import { posix } from 'node:path'
import { and, eq } from 'drizzle-orm'
import type { z } from 'zod'
import { AppError, type FieldIssue } from '../../src-shared/errors'
import { sqlDatabaseCreateSchema } from '../../src-shared/schemas/sql-databases'
import { baseHome } from '../../src-shared/schemas/system-user-settings'
import { fillTemplate, versionNumber } from '../../src-shared/schemas/webapp-settings'
import {
  checkOption,
  optionAllowed,
  WEBAPP_TYPES,
  type WebappDetail,
  type webappCreateSchema,
  type WebappOption,
  type WebappType,
  type webappUpdateSchema,
} from '../../src-shared/schemas/webapps'
import { accounts, sqlDatabases, sqlUsers, systemUsers, webappOptions, webapps } from '../db/schema'
import type { Tx } from '../db/store'
import type { WriteContext } from './context'
import { diffFields, recordHistory } from './history'
import { assertVersion } from './locking'
import { settingValue } from './settings'
import { createSqlDatabase, deleteSqlDatabases, deleteSqlUsers } from './sql-writes'
import { forgetCmsSecrets, keepCmsSecrets, randomPassword } from './webapp-secrets'
import { getWebapp, getWebappDetail, getWebappRecord, webappMounts } from './webapps'

type WebappCreate = z.output<typeof webappCreateSchema>
type WebappUpdate = z.output<typeof webappUpdateSchema>

const invalid = (field: string, rule: string, message: string) =>
  AppError.validation([{ field, rule, message }])

async function ownerOf(tx: Tx, accountId: number) {
  const [account] = await tx.select().from(accounts).where(eq(accounts.id, accountId))
  if (!account) throw invalid('accountId', 'exists', 'is not a known account')
  const [main] = await tx
    .select({ id: systemUsers.id })
    .from(systemUsers)
    .where(and(eq(systemUsers.accountId, accountId), eq(systemUsers.role, 'main')))
  if (!main) {
    throw invalid('accountId', 'main_user', 'has no main system user to own web apps')
  }
  const home = baseHome(await settingValue(tx, 'SYSTEMUSERS_HOME'), account.username)
  return { account, home }
}

/** The version key an app runs with: given or the default, and one the settings offer. */
async function runtimeFor(tx: Tx, type: WebappType, given: string | undefined) {
  const kind = WEBAPP_TYPES[type].runtime
  if (kind === 'none') {
    if (given) throw invalid('runtime', 'none', `a ${WEBAPP_TYPES[type].label} app runs no code`)
    return ''
  }
  const [listName, defaultName] =
    kind === 'php'
      ? (['WEBAPPS_PHP_VERSIONS', 'WEBAPPS_DEFAULT_PHP_VERSION'] as const)
      : (['WEBAPPS_PYTHON_VERSIONS', 'WEBAPPS_DEFAULT_PYTHON_VERSION'] as const)
  const offered = await settingValue(tx, listName)
  const key = given || (await settingValue(tx, defaultName))
  if (!offered.includes(key)) {
    throw invalid('runtime', 'choice', `${key} is not one of ${offered.join(', ')}`)
  }
  return key
}

/**
 * Every option against its rule, the type's groups and the PHP version (spec 5.3); the
 * public root must stay under the app's folder. Issues name the option's own field.
 */
function checkOptions(
  type: WebappType,
  runtime: string,
  appDir: string,
  options: readonly WebappOption[],
) {
  const php = WEBAPP_TYPES[type].runtime === 'php' ? versionNumber(runtime) : ''
  const issues: FieldIssue[] = []
  const seen = new Set<string>()
  options.forEach((option, index) => {
    const field = `options.${index}.value`
    if (!optionAllowed(type, option.name)) {
      const message = `${option.name} is not an option of a ${WEBAPP_TYPES[type].label} app`
      issues.push({ field: `options.${index}.name`, rule: 'option', message })
      return
    }
    if (seen.has(option.name)) {
      const message = `${option.name} is given twice`
      issues.push({ field: `options.${index}.name`, rule: 'unique', message })
    }
    seen.add(option.name)
    const problem = checkOption(option.name, option.value, php)
    if (problem) issues.push({ field, ...problem })
    if (!problem && option.name === 'public-root') {
      const joined = posix.normalize(posix.join(appDir, option.value))
      if (!joined.startsWith(`${appDir}/`) && joined !== appDir) {
        issues.push({ field, rule: 'inside', message: 'public-root must stay inside the app' })
      }
    }
  })
  if (issues.length) throw AppError.validation(issues)
}

/** The app's folder as the backends will see it (the id is not known yet: 0). */
async function appDirOf(tx: Tx, home: string, account: Account, name: string, type: string) {
  const template = await settingValue(tx, 'WEBAPPS_BASE_DIR')
  const user = account.username
  return fillTemplate(template, {
    ...{ home, user, group: user, app_name: name, app_type: type },
    ...{ app_id: 0, account_id: account.id, user_id: 0 },
  })
}

/** A name part of a database name: the app's `.` and `-` are no SQL identifier characters. */
const sqlPart = (name: string) => name.replace(/[.-]/g, '_')

/**
 * The database of a CMS app (spec 5.2), checked like any database before anything is
 * written; a problem is reported on the app's name, which is what decides it.
 */
async function cmsDatabase(ctx: WriteContext, type: WebappType, name: string, account: Account) {
  const cms = WEBAPP_TYPES[type].cms
  if (!cms) return undefined
  const database = `${cms.prefix}${sqlPart(name)}_${sqlPart(account.username)}`.slice(0, 64)
  const username = database.slice(0, 16).replace(/_+$/, '')
  const password = randomPassword()
  const request = {
    name: database,
    type: 'mysql' as const,
    accountId: account.id,
    newUser: { username, password },
  }
  const parsed = sqlDatabaseCreateSchema.safeParse(request)
  if (!parsed.success) {
    const first = parsed.error.issues[0]!
    throw invalid('name', 'database', `gives the database ${database}: ${first.message}`)
  }
  const [takenDb] = await ctx.tx
    .select({ id: sqlDatabases.id })
    .from(sqlDatabases)
    .where(eq(sqlDatabases.name, database))
  if (takenDb) throw invalid('name', 'database', `gives the database ${database}, which exists`)
  const [takenUser] = await ctx.tx
    .select({ id: sqlUsers.id })
    .from(sqlUsers)
    .where(and(eq(sqlUsers.username, username), eq(sqlUsers.type, 'mysql')))
  if (takenUser) {
    throw invalid('name', 'database', `gives the database user ${username}, which exists`)
  }
  const detail = await createSqlDatabase(ctx, parsed.data)
  return { databaseId: detail.database.id, sqlUserId: detail.grants[0]!.userId, password }
}

type Account = typeof accounts.$inferSelect

async function insertOptions(tx: Tx, webappId: number, options: readonly WebappOption[]) {
  if (!options.length) return
  await tx.insert(webappOptions).values(options.map((option) => ({ webappId, ...option })))
}

export async function createWebapp(ctx: WriteContext, input: WebappCreate): Promise<WebappDetail> {
  const { tx } = ctx
  const { account, home } = await ownerOf(tx, input.accountId)
  const enabled = await settingValue(tx, 'WEBAPPS_TYPES')
  if (!enabled.includes(input.type)) throw invalid('type', 'choice', `${input.type} is disabled`)
  const [taken] = await tx
    .select({ id: webapps.id })
    .from(webapps)
    .where(and(eq(webapps.accountId, account.id), eq(webapps.name, input.name)))
  if (taken) throw invalid('name', 'unique', `${account.username} has a web app ${input.name}`)

  const runtime = await runtimeFor(tx, input.type, input.runtime)
  const appDir = await appDirOf(tx, home, account, input.name, input.type)
  checkOptions(input.type, runtime, appDir, input.options)
  const linkTarget = checkLinkTarget(input.type, input.linkTarget, home)

  const database = await cmsDatabase(ctx, input.type, input.name, account)
  const [row] = await tx
    .insert(webapps)
    .values({
      name: input.name,
      type: input.type,
      accountId: account.id,
      runtime,
      linkTarget,
      databaseId: database?.databaseId ?? null,
      sqlUserId: database?.sqlUserId ?? null,
      createdAt: ctx.now,
      updatedAt: ctx.now,
    })
    .returning()
  const app = row!
  await insertOptions(tx, app.id, input.options)
  if (database) {
    keepCmsSecrets(app.id, {
      databasePassword: database.password,
      adminPassword: randomPassword(),
    })
  }
  await recordHistory(ctx, {
    objectType: 'webapp',
    objectId: app.id,
    accountId: account.id,
    objectRepr: `${account.username}/${app.name}`,
    action: 'added',
  })
  return getWebappDetail(tx, app.id)
}

/** A symbolic link's target: required for that type, inside the main user's home. */
function checkLinkTarget(type: WebappType, target: string, home: string): string {
  if (type !== 'symbolic-link') {
    if (target) throw invalid('linkTarget', 'none', 'only a symbolic-link app has a target')
    return ''
  }
  if (!target) throw invalid('linkTarget', 'required', 'is required for a symbolic link')
  if (!target.startsWith(`${home}/`)) {
    throw invalid('linkTarget', 'inside', `must lie inside ${home}`)
  }
  return target
}

/** Runtime and options may change; name, type and target are fixed (spec 0.1). */
export async function updateWebapp(ctx: WriteContext, input: WebappUpdate): Promise<WebappDetail> {
  const { tx } = ctx
  const before = await getWebapp(tx, input.id)
  assertVersion('Web app', before, input.version)
  const { account, home } = await ownerOf(tx, before.accountId)
  const runtime =
    input.runtime === undefined ? before.runtime : await runtimeFor(tx, before.type, input.runtime)
  const options = input.options ?? before.options
  const appDir = await appDirOf(tx, home, account, before.name, before.type)
  checkOptions(before.type, runtime, appDir, options)

  const sorted = (list: readonly WebappOption[]) =>
    [...list].sort((a, b) => a.name.localeCompare(b.name))
  const after = { runtime, options: sorted(options) }
  const changes = diffFields({ runtime: before.runtime, options: sorted(before.options) }, after, [
    'runtime',
    'options',
  ])
  if (!changes.length) return getWebappDetail(tx, before.id)

  await tx
    .update(webapps)
    .set({ runtime, version: before.version + 1, updatedAt: ctx.now })
    .where(eq(webapps.id, before.id))
  await tx.delete(webappOptions).where(eq(webappOptions.webappId, before.id))
  await insertOptions(tx, before.id, options)
  await recordHistory(ctx, {
    objectType: 'webapp',
    objectId: before.id,
    accountId: before.accountId,
    objectRepr: `${account.username}/${before.name}`,
    action: 'changed',
    changes,
  })
  return getWebappDetail(tx, before.id)
}

/**
 * Deletes web apps with what goes with them: a CMS app's database and database user (spec
 * 5.1). A mounted app is refused: its website would serve a folder that no longer exists.
 */
export async function deleteWebapps(
  ctx: WriteContext,
  ids: readonly number[],
  message = '',
): Promise<number> {
  for (const id of ids) {
    const app = await getWebappRecord(ctx.tx, id)
    const mounts = await webappMounts(ctx.tx, id)
    if (mounts.length) {
      const where = mounts.map((mount) => `${mount.websiteName} at ${mount.path}`).join(', ')
      throw invalid('ids', 'mounted', `${app.name} is served by ${where}: remove it there first`)
    }
    const [account] = await ctx.tx
      .select({ username: accounts.username })
      .from(accounts)
      .where(eq(accounts.id, app.accountId))
    await recordHistory(ctx, {
      objectType: 'webapp',
      objectId: id,
      accountId: app.accountId,
      objectRepr: `${account?.username ?? app.accountId}/${app.name}`,
      action: 'deleted',
      message,
      snapshot: app,
    })
    await ctx.tx.delete(webapps).where(eq(webapps.id, id))
    forgetCmsSecrets(id)
    const goes = `Deleted with web app ${app.name}`
    if (app.databaseId) await deleteSqlDatabases(ctx, [app.databaseId], goes)
    if (app.sqlUserId) await deleteSqlUsers(ctx, [app.sqlUserId], goes)
  }
  return ids.length
}
