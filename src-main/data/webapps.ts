import { and, asc, count, desc, eq, inArray, type SQL } from 'drizzle-orm'
import { AppError } from '../../src-shared/errors'
import type { Page } from '../../src-shared/schemas/common'
import {
  webappListSchema,
  type Webapp,
  type WebappChoices,
  type WebappDetail,
  type WebappListQuery,
  type WebappOptionName,
  type WebappRow,
  type WebappType,
  WEBAPP_OPTION_NAMES,
} from '../../src-shared/schemas/webapps'
import {
  accounts,
  sqlDatabases,
  sqlUsers,
  webappOptions,
  webapps,
  websiteContents,
  websites,
} from '../db/schema'
import type { Tx } from '../db/store'
import { loadWebappObject, pathsOf } from '../orchestration/backends/webapp-objects'
import { settingValue } from './settings'
import { contains, searchWords } from './sql'

export type WebappRecord = typeof webapps.$inferSelect

async function optionsByApp(tx: Tx, ids: readonly number[]) {
  const rows = ids.length
    ? await tx
        .select()
        .from(webappOptions)
        .where(inArray(webappOptions.webappId, [...ids]))
        .orderBy(asc(webappOptions.name))
    : []
  return (id: number) =>
    rows.filter((row) => row.webappId === id).map(({ name, value }) => ({ name, value }))
}

export function toWebapp(row: WebappRecord, options: Webapp['options']): Webapp {
  return { ...row, type: row.type as WebappType, options }
}

export async function getWebappRecord(tx: Tx, id: number): Promise<WebappRecord> {
  const [row] = await tx.select().from(webapps).where(eq(webapps.id, id))
  if (!row) throw AppError.notFound('Web app', id)
  return row
}

export async function getWebapp(tx: Tx, id: number): Promise<Webapp> {
  const row = await getWebappRecord(tx, id)
  return toWebapp(row, (await optionsByApp(tx, [id]))(id))
}

/** Where a web app is mounted: the websites and paths that serve it. */
export async function webappMounts(tx: Tx, id: number) {
  return tx
    .select({ websiteId: websites.id, websiteName: websites.name, path: websiteContents.path })
    .from(websiteContents)
    .innerJoin(websites, eq(websites.id, websiteContents.websiteId))
    .where(eq(websiteContents.webappId, id))
    .orderBy(asc(websites.name), asc(websiteContents.path))
}

export async function getWebappDetail(tx: Tx, id: number): Promise<WebappDetail> {
  const webapp = await getWebapp(tx, id)
  const [account] = await tx
    .select({ id: accounts.id, username: accounts.username, isActive: accounts.isActive })
    .from(accounts)
    .where(eq(accounts.id, webapp.accountId))
  const object = await loadWebappObject(tx, id)
  const [database] = webapp.databaseId
    ? await tx
        .select({ id: sqlDatabases.id, name: sqlDatabases.name })
        .from(sqlDatabases)
        .where(eq(sqlDatabases.id, webapp.databaseId))
    : []
  const [sqlUser] = webapp.sqlUserId
    ? await tx
        .select({ id: sqlUsers.id, username: sqlUsers.username })
        .from(sqlUsers)
        .where(eq(sqlUsers.id, webapp.sqlUserId))
    : []
  const files = object?.php?.files ?? object?.python?.files
  return {
    webapp,
    account: account!,
    appDir: object?.appDir ?? '',
    documentRoot: object?.documentRoot ?? '',
    runtimeFiles: files ? pathsOf(files) : [],
    phpIni: object?.php?.ini ?? [],
    database: database ?? null,
    sqlUser: sqlUser ?? null,
    mounts: await webappMounts(tx, id),
  }
}

export async function listWebapps(tx: Tx, input: WebappListQuery): Promise<Page<WebappRow>> {
  const query = webappListSchema.parse(input)
  const filters: (SQL | undefined)[] = [
    query.accountId !== undefined ? eq(webapps.accountId, query.accountId) : undefined,
    query.type ? eq(webapps.type, query.type) : undefined,
    ...searchWords(query.q).map((word) => contains(webapps.name, word)),
  ]
  const where = and(...filters)
  const [totalRow] = await tx.select({ n: count() }).from(webapps).where(where)
  const rows = await tx
    .select({ app: webapps, accountUsername: accounts.username, active: accounts.isActive })
    .from(webapps)
    .innerJoin(accounts, eq(accounts.id, webapps.accountId))
    .where(where)
    .orderBy((query.dir === 'asc' ? asc : desc)(webapps.name), asc(webapps.id))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize)
  const options = await optionsByApp(
    tx,
    rows.map((row) => row.app.id),
  )
  return {
    rows: rows.map(({ app, accountUsername, active }) => ({
      ...toWebapp(app, options(app.id)),
      accountUsername,
      accountIsActive: active,
    })),
    total: Number(totalRow?.n ?? 0),
    page: query.page,
    pageSize: query.pageSize,
  }
}

/** What a new web app may be: the enabled types, the versions and their defaults. */
export async function webappChoices(tx: Tx): Promise<WebappChoices> {
  return {
    types: (await settingValue(tx, 'WEBAPPS_TYPES')) as WebappType[],
    phpVersions: await settingValue(tx, 'WEBAPPS_PHP_VERSIONS'),
    defaultPhpVersion: await settingValue(tx, 'WEBAPPS_DEFAULT_PHP_VERSION'),
    pythonVersions: await settingValue(tx, 'WEBAPPS_PYTHON_VERSIONS'),
    defaultPythonVersion: await settingValue(tx, 'WEBAPPS_DEFAULT_PYTHON_VERSION'),
    options: WEBAPP_OPTION_NAMES as WebappOptionName[],
  }
}

export async function accountWebapps(tx: Tx, accountId: number): Promise<WebappRecord[]> {
  return tx.select().from(webapps).where(eq(webapps.accountId, accountId)).orderBy(asc(webapps.id))
}
