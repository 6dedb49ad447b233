import { eq } from 'drizzle-orm'
import { fillTemplate, saasMountSettingsOf } from '../../../src-shared/schemas/website-settings'
import {
  parseDirective,
  type ParsedDirective,
  type SaasMountService,
} from '../../../src-shared/schemas/website-directives'
import type { WebsiteProtocol } from '../../../src-shared/schemas/websites'
import { certificateForWebsite } from '../../data/certificates'
import { settingValue } from '../../data/settings'
import { contentsOf, directivesOf, domainsOf, getWebsite, uniqueNameOf } from '../../data/websites'
import { accounts } from '../../db/schema'
import type { Tx } from '../../db/store'
import { loadServedWebapps, type ServedWebapp } from './webapp-runtime'

/** A web app mounted at a location; `app` is missing when it cannot be served (yet). */
export interface MountedContent {
  /** Normalised: `/` or `/blog`, never a trailing slash. */
  path: string
  webappId: number
  webappName: string
  app?: ServedWebapp
}

/** The certificate files a TLS virtual host uses, and where they came from. */
export interface TlsFiles {
  source: 'certificate' | 'directives' | 'settings'
  cert: string
  key: string
  /** A separate chain file (Apache's SSLCACertificateFile); empty when in `cert`. */
  ca: string
}

/** A shared SaaS installation (spec 6.4, WEBSITES_SAAS_DIRECTIVES) a directive mounts. */
export interface SaasInstall {
  root: string
  /** `unix:<socket>` or `<host>:<port>`, as the FPM pool listens. */
  listen: string
}

/** What both web server backends need of a website, read when the script is written. */
export interface WebsiteObject {
  id: number
  name: string
  accountId: number
  protocol: WebsiteProtocol
  /** Its own flag and its account's. */
  active: boolean
  uniqueName: string
  /** The account's main system user: the site's files and code run as it. */
  user: string
  group: string
  /** Alphabetically first non-wildcard domain; null without one (spec 6.5). */
  serverName: string | null
  aliases: string[]
  contents: MountedContent[]
  directives: ParsedDirective[]
  /** The installations its `<service>-saas` directives mount, by service. */
  saasInstalls: Partial<Record<SaasMountService, SaasInstall>>
  /** For https: the issued certificate, else ssl-* directives, else the default settings. */
  tls: TlsFiles | null
  listen: string[]
  apache: { confDir: string; accessLog: string; errorLog: string }
  nginx: { confDir: string; accessLog: string; errorLog: string }
}

/** Spec 6.5: the server name and aliases, from the domains in name order. */
export function serverNames(domainNames: readonly string[]) {
  const sorted = [...domainNames].sort()
  const serverName = sorted.find((name) => !name.startsWith('*.')) ?? null
  return { serverName, aliases: sorted.filter((name) => name !== serverName) }
}

function chooseTls(
  issued: { lineage: string } | null,
  directives: readonly ParsedDirective[],
  defaults: { cert: string; key: string; ca: string },
): TlsFiles | null {
  if (issued?.lineage) {
    const dir = issued.lineage.replace(/\/+$/, '')
    return {
      source: 'certificate',
      cert: `${dir}/fullchain.pem`,
      key: `${dir}/privkey.pem`,
      ca: '',
    }
  }
  const file = (name: 'ssl-cert' | 'ssl-key' | 'ssl-ca') => {
    const found = directives.find((directive) => directive.name === name)
    return found && 'path' in found ? found.path : ''
  }
  if (file('ssl-cert') && file('ssl-key')) {
    return {
      source: 'directives',
      cert: file('ssl-cert'),
      key: file('ssl-key'),
      ca: file('ssl-ca'),
    }
  }
  if (defaults.cert && defaults.key) return { source: 'settings', ...defaults }
  return null
}

async function loadSaasInstalls(tx: Tx, directives: readonly ParsedDirective[]) {
  const installs: WebsiteObject['saasInstalls'] = {}
  for (const directive of directives) {
    if (!('service' in directive) || installs[directive.service]) continue
    const names = saasMountSettingsOf(directive.service)
    const listen = await settingValue(tx, names.fpm)
    installs[directive.service] = {
      root: (await settingValue(tx, names.root)).replace(/\/+$/, ''),
      listen: listen.startsWith('/') ? `unix:${listen}` : listen,
    }
  }
  return installs
}

/** A Webalizer app serves each site its own statistics folder (content-webalizer.ts). */
function statisticsOf(app: ServedWebapp | undefined, siteName: string) {
  if (app?.type !== 'webalizer') return app
  return { ...app, documentRoot: `${app.documentRoot}/${siteName}` }
}

export async function loadWebsiteObject(tx: Tx, id: number): Promise<WebsiteObject | undefined> {
  const website = await getWebsite(tx, id).catch(() => undefined)
  if (!website) return undefined
  const [account] = await tx
    .select({ username: accounts.username, isActive: accounts.isActive })
    .from(accounts)
    .where(eq(accounts.id, website.accountId))
  if (!account) return undefined

  const uniqueName = await uniqueNameOf(tx, website, account.username)
  const names = serverNames((await domainsOf(tx, [id])).map((row) => row.name))
  const mounted = await contentsOf(tx, id)
  const served = await loadServedWebapps(tx, [...new Set(mounted.map((c) => c.webappId))])
  // Values were checked when stored; one that no longer parses is left out, not guessed at.
  const directives = (await directivesOf(tx, id)).flatMap((directive) => {
    const result = parseDirective(directive.name, directive.value)
    return result.ok ? [result.parsed] : []
  })
  const logs = { unique_name: uniqueName, user: account.username, site_name: website.name, id }
  const template = async (name: Parameters<typeof settingValue>[1]) =>
    fillTemplate(String(await settingValue(tx, name)), logs)

  return {
    id,
    name: website.name,
    accountId: website.accountId,
    protocol: website.protocol,
    active: website.isActive && account.isActive,
    uniqueName,
    user: account.username,
    group: account.username,
    ...names,
    contents: mounted.map((content) => ({
      path: content.path,
      webappId: content.webappId,
      webappName: content.webappName,
      app: statisticsOf(served.get(content.webappId), website.name),
    })),
    directives,
    saasInstalls: await loadSaasInstalls(tx, directives),
    tls: chooseTls(await certificateForWebsite(tx, id), directives, {
      cert: await settingValue(tx, 'WEBSITES_DEFAULT_SSL_CERT'),
      key: await settingValue(tx, 'WEBSITES_DEFAULT_SSL_KEY'),
      ca: await settingValue(tx, 'WEBSITES_DEFAULT_SSL_CA'),
    }),
    listen: await settingValue(tx, 'WEBSITES_DEFAULT_IPS'),
    apache: {
      confDir: await settingValue(tx, 'WEBSITES_BASE_APACHE_CONF'),
      accessLog: await template('WEBSITES_WEBSITE_WWW_ACCESS_LOG_PATH'),
      errorLog: await template('WEBSITES_WEBSITE_WWW_ERROR_LOG_PATH'),
    },
    nginx: {
      confDir: await settingValue(tx, 'WEBSITES_BASE_NGINX_CONF'),
      accessLog: await template('WEBSITES_NGINX_ACCESS_LOG_PATH'),
      errorLog: await template('WEBSITES_NGINX_ERROR_LOG_PATH'),
    },
  }
}

export const websiteMatch = {
  fields: {
    id: 'int',
    name: 'string',
    accountId: 'int',
    protocol: 'string',
    isActive: 'bool',
    serverName: 'string',
  } as const,
  values: (site: WebsiteObject) => ({
    id: site.id,
    name: site.name,
    accountId: site.accountId,
    protocol: site.protocol,
    isActive: site.active,
    serverName: site.serverName ?? '',
  }),
}
