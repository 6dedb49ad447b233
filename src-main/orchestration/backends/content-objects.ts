import { and, asc, eq } from 'drizzle-orm'
import type { WebappType } from '../../../src-shared/schemas/webapps'
import type { WebsiteProtocol } from '../../../src-shared/schemas/websites'
import { settingValue } from '../../data/settings'
import { websiteUrl } from '../../data/websites'
import { webapps, websiteContents, websiteDomains, websites } from '../../db/schema'
import type { Tx } from '../../db/store'
import type { RelatedModel } from '../backend'
import { loadWebappObject, type WebappObject } from './webapp-objects'
import { loadWebsiteObject } from './website-objects'

/**
 * The content backends of spec 6.6 act on a web app where it is mounted: the original's
 * Content (a mount) is no object of its own here, so each of them takes a web app of its type
 * with every mount it has, and writes the whole state each time. A mount gone (the site edited
 * or deleted) is then undone by the next save of the app, which any website change of its
 * account brings.
 */

/** One site mounting the app, as the content backends see it. */
export interface ContentMount {
  websiteId: number
  websiteName: string
  /** The site's file name on the servers (WEBSITES_UNIQUE_NAME_FORMAT). */
  uniqueName: string
  /** Normalised: `/` or `/blog`. */
  path: string
  protocol: WebsiteProtocol
  active: boolean
  /** Where the app answers there (spec 6.1): null for a site without a server name. */
  url: string | null
  /** The site's Apache access log, which Webalizer reads. */
  accessLog: string
}

export interface ContentApp extends WebappObject {
  /** By website id, then path: the first one with a URL is the app's own address. */
  mounts: ContentMount[]
  /** WEBSITES_WEBALIZER_PATH. */
  webalizerDir: string
}

/** `https://example.org` + `/blog`; the root adds nothing, so no trailing slash either way. */
const joinUrl = (base: string, path: string) => (path === '/' ? base : `${base}${path}`)

export async function loadContentApp(tx: Tx, id: number): Promise<ContentApp | undefined> {
  const app = await loadWebappObject(tx, id)
  if (!app) return undefined
  const rows = await tx
    .select({ websiteId: websiteContents.websiteId, path: websiteContents.path })
    .from(websiteContents)
    .where(eq(websiteContents.webappId, id))
    .orderBy(asc(websiteContents.websiteId), asc(websiteContents.path))
  const mounts: ContentMount[] = []
  for (const row of rows) {
    const site = await loadWebsiteObject(tx, row.websiteId)
    if (!site) continue
    const base = site.serverName ? websiteUrl(site.protocol, [site.serverName]) : ''
    const path = row.path.replace(/\/+$/, '') || '/'
    mounts.push({
      websiteId: site.id,
      websiteName: site.name,
      uniqueName: site.uniqueName,
      path,
      protocol: site.protocol,
      active: site.active,
      url: base ? joinUrl(base, path) : null,
      accessLog: site.apache.accessLog,
    })
  }
  const webalizerDir = (await settingValue(tx, 'WEBSITES_WEBALIZER_PATH')).replace(/\/+$/, '')
  return { ...app, mounts, webalizerDir }
}

/** The apps of one type in an account: a site of it may have just stopped mounting one. */
async function appsOfAccount(tx: Tx, accountId: number | undefined, type: WebappType) {
  if (accountId === undefined) return []
  const rows = await tx
    .select({ id: webapps.id })
    .from(webapps)
    .where(and(eq(webapps.accountId, accountId), eq(webapps.type, type)))
  return rows.map((row) => row.id)
}

/** The apps of one type mounted on the sites answering for a domain. */
async function appsOnDomain(tx: Tx, domainId: number, type: WebappType) {
  const rows = await tx
    .selectDistinct({ id: webapps.id })
    .from(websiteDomains)
    .innerJoin(websiteContents, eq(websiteContents.websiteId, websiteDomains.websiteId))
    .innerJoin(webapps, eq(webapps.id, websiteContents.webappId))
    .where(and(eq(websiteDomains.domainId, domainId), eq(webapps.type, type)))
  return rows.map((row) => row.id)
}

/**
 * What re-saves an app of `type`: any change of a website of its account (a mount made,
 * moved or removed, a protocol, the site deleted: read while the row is there, or from what
 * the deletion kept), and a change of a domain of a site mounting it (the URL's name).
 */
export function contentRelated(type: WebappType): readonly RelatedModel[] {
  return [
    {
      model: 'website',
      async owners(tx, id, snapshot) {
        const [row] = await tx
          .select({ accountId: websites.accountId })
          .from(websites)
          .where(eq(websites.id, id))
        const kept = (snapshot as { accountId?: number } | undefined)?.accountId
        return appsOfAccount(tx, row?.accountId ?? kept, type)
      },
    },
    { model: 'domain', owners: (tx, id) => appsOnDomain(tx, id, type) },
  ]
}

/** What a route expression reads of an app, as the web app backends offer it. */
export const contentMatch = {
  fields: { id: 'int', name: 'string', type: 'string', accountId: 'int' } as const,
  values: (app: ContentApp) => ({
    id: app.id,
    name: app.name,
    type: app.type,
    accountId: app.accountId,
  }),
}

/** The mount whose URL the app takes as its own: the first with one, by site and path. */
export const ownMount = (app: ContentApp) => app.mounts.find((mount) => mount.url !== null)
