import { and, asc, count, desc, eq, exists, inArray, or } from 'drizzle-orm'
import { AppError } from '../../src-shared/errors'
import type { Page } from '../../src-shared/schemas/common'
import { fillTemplate } from '../../src-shared/schemas/website-settings'
import type { DirectiveName } from '../../src-shared/schemas/website-directives'
import {
  protocolPorts,
  websiteListSchema,
  type Website,
  type WebsiteContent,
  type WebsiteDetail,
  type WebsiteDirective,
  type WebsiteDomain,
  type WebsiteListQuery,
  type WebsiteProtocol,
  type WebsiteRow,
} from '../../src-shared/schemas/websites'
import {
  accounts,
  domains,
  webapps,
  websiteContents,
  websiteDirectives,
  websiteDomains,
  websites,
} from '../db/schema'
import type { Tx } from '../db/store'
import { settingValue } from './settings'
import { contains, searchWords } from './sql'

/** Reads of websites with their domains, contents and directives (spec 6). */

type WebsiteRecord = typeof websites.$inferSelect

export const toWebsite = (row: WebsiteRecord): Website => ({
  ...row,
  protocol: row.protocol as WebsiteProtocol,
})

export async function getWebsite(tx: Tx, id: number): Promise<Website> {
  const [row] = await tx.select().from(websites).where(eq(websites.id, id))
  if (!row) throw AppError.notFound('Website', id)
  return toWebsite(row)
}

/** The domains of some websites, each site's in name order. */
export async function domainsOf(tx: Tx, websiteIds: number[]) {
  if (!websiteIds.length) return []
  return tx
    .select({ websiteId: websiteDomains.websiteId, id: domains.id, name: domains.name })
    .from(websiteDomains)
    .innerJoin(domains, eq(domains.id, websiteDomains.domainId))
    .where(inArray(websiteDomains.websiteId, websiteIds))
    .orderBy(asc(domains.name))
}

export async function contentsOf(tx: Tx, websiteId: number): Promise<WebsiteContent[]> {
  return tx
    .select({
      webappId: websiteContents.webappId,
      webappName: webapps.name,
      webappType: webapps.type,
      path: websiteContents.path,
    })
    .from(websiteContents)
    .innerJoin(webapps, eq(webapps.id, websiteContents.webappId))
    .where(eq(websiteContents.websiteId, websiteId))
    .orderBy(asc(websiteContents.path))
}

export async function directivesOf(tx: Tx, websiteId: number): Promise<WebsiteDirective[]> {
  const rows = await tx
    .select({ name: websiteDirectives.name, value: websiteDirectives.value })
    .from(websiteDirectives)
    .where(eq(websiteDirectives.websiteId, websiteId))
    .orderBy(asc(websiteDirectives.id))
  return rows.map((row) => ({ name: row.name as DirectiveName, value: row.value }))
}

/** The ids of the websites that mount a web app. */
export async function websitesMounting(tx: Tx, webappId: number): Promise<number[]> {
  const rows = await tx
    .selectDistinct({ id: websiteContents.websiteId })
    .from(websiteContents)
    .where(eq(websiteContents.webappId, webappId))
  return rows.map((row) => row.id)
}

/** The ids of the websites that answer for a domain. */
export async function websitesOnDomain(tx: Tx, domainId: number): Promise<number[]> {
  const rows = await tx
    .select({ id: websiteDomains.websiteId })
    .from(websiteDomains)
    .where(eq(websiteDomains.domainId, domainId))
  return rows.map((row) => row.id)
}

async function accountOf(tx: Tx, accountId: number) {
  const [row] = await tx
    .select({ username: accounts.username, isActive: accounts.isActive })
    .from(accounts)
    .where(eq(accounts.id, accountId))
  if (!row) throw AppError.notFound('Account', accountId)
  return row
}

/** The name of a website's files on its servers (WEBSITES_UNIQUE_NAME_FORMAT). */
export async function uniqueNameOf(tx: Tx, website: Website, user: string): Promise<string> {
  const format = await settingValue(tx, 'WEBSITES_UNIQUE_NAME_FORMAT')
  return fillTemplate(format, { user, site_name: website.name, id: website.id })
}

/** The absolute URL (spec 6.1): http for http and http/https, else https; first domain. */
export function websiteUrl(protocol: WebsiteProtocol, domainNames: string[]): string {
  const first = domainNames.find((name) => !name.startsWith('*.'))
  if (!first) return ''
  const scheme = protocolPorts(protocol).http ? 'http' : 'https'
  return `${scheme}://${first}`
}

export async function getWebsiteDetail(tx: Tx, id: number): Promise<WebsiteDetail> {
  const website = await getWebsite(tx, id)
  const account = await accountOf(tx, website.accountId)
  const domainRows = await domainsOf(tx, [id])
  const domainList: WebsiteDomain[] = domainRows.map(({ id: domainId, name }) => ({
    id: domainId,
    name,
  }))
  return {
    website,
    accountUsername: account.username,
    active: website.isActive && account.isActive,
    uniqueName: await uniqueNameOf(tx, website, account.username),
    url: websiteUrl(
      website.protocol,
      domainList.map((domain) => domain.name),
    ),
    domains: domainList,
    contents: await contentsOf(tx, id),
    directives: await directivesOf(tx, id),
  }
}

export async function listWebsites(tx: Tx, input: WebsiteListQuery): Promise<Page<WebsiteRow>> {
  const query = websiteListSchema.parse(input)
  // A word matches the site's name or one of its domains.
  const onDomain = (word: string) =>
    exists(
      tx
        .select({ id: websiteDomains.id })
        .from(websiteDomains)
        .innerJoin(domains, eq(domains.id, websiteDomains.domainId))
        .where(and(eq(websiteDomains.websiteId, websites.id), contains(domains.name, word))),
    )
  const where = and(
    query.accountId !== undefined ? eq(websites.accountId, query.accountId) : undefined,
    ...searchWords(query.q).map((word) => or(contains(websites.name, word), onDomain(word))),
  )
  const [total] = await tx.select({ n: count() }).from(websites).where(where)
  const rows = await tx
    .select({ website: websites, username: accounts.username, accountActive: accounts.isActive })
    .from(websites)
    .innerJoin(accounts, eq(accounts.id, websites.accountId))
    .where(where)
    .orderBy((query.dir === 'asc' ? asc : desc)(websites.name), asc(accounts.username))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize)
  const ids = rows.map((row) => row.website.id)
  const domainRows = await domainsOf(tx, ids)
  const contentRows = ids.length
    ? await tx
        .select({ websiteId: websiteContents.websiteId, path: websiteContents.path })
        .from(websiteContents)
        .where(inArray(websiteContents.websiteId, ids))
        .orderBy(asc(websiteContents.path))
    : []
  return {
    rows: rows.map(({ website, username, accountActive }) => ({
      ...toWebsite(website),
      accountUsername: username,
      active: website.isActive && accountActive,
      domainNames: domainRows.filter((d) => d.websiteId === website.id).map((d) => d.name),
      contentPaths: contentRows.filter((c) => c.websiteId === website.id).map((c) => c.path),
    })),
    total: Number(total?.n ?? 0),
    page: query.page,
    pageSize: query.pageSize,
  }
}
