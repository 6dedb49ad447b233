import { and, asc, eq, inArray } from 'drizzle-orm'
import { AppError } from '../../src-shared/errors'
import type { CustomUrl, SaasData, SaasService } from '../../src-shared/schemas/saas'
import {
  normalizeUrlPath,
  SAAS_MOUNT_SERVICES,
  saasDirectiveOf,
  type SaasMountService,
} from '../../src-shared/schemas/website-directives'
import {
  type WebsiteDirective,
  type WebsiteProtocol,
  websiteCreateSchema,
  websiteNameSchema,
} from '../../src-shared/schemas/websites'
import { domains, websiteDomains, websites } from '../db/schema'
import type { Tx } from '../db/store'
import type { WriteContext } from './context'
import { createWebsite, deleteWebsites, updateWebsite } from './website-writes'
import { contentsOf, directivesOf, domainsOf } from './websites'

/**
 * The website a tenant's custom URL is served by (spec 8.1): found among the account's sites
 * answering for the host, or made for it, and given a `<service>-saas` directive at the URL's
 * path. Every change goes through the website writes, so it is checked, kept in history and
 * sent to the web servers like an edit made on the website itself.
 */

/** What a tenant keeps of its website: which one, and whether the panel made it. */
export type SaasWebsiteLink = Pick<SaasData, 'websiteId' | 'websiteCreated'>

interface TenantRef {
  service: SaasService
  name: string
  accountId: number
}

/** Protocols that answer a URL of the scheme (spec 8.1). */
const SERVES: Record<CustomUrl['scheme'], readonly WebsiteProtocol[]> = {
  http: ['http', 'http/https'],
  https: ['https', 'http/https', 'https-only'],
}

const isMountService = (service: SaasService): service is SaasMountService =>
  (SAAS_MOUNT_SERVICES as readonly string[]).includes(service)

/** A website's refusal, said of the custom URL that asked for the change. */
async function asCustomUrl<T>(website: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write()
  } catch (error) {
    if (!(error instanceof AppError) || error.code !== 'VALIDATION') throw error
    const issues = (error.issues ?? []).map((issue) => ({
      field: 'customUrl',
      rule: issue.rule,
      message: `website ${website}: ${issue.message}`,
    }))
    throw AppError.validation(issues)
  }
}

async function servingWebsite(tx: Tx, accountId: number, url: CustomUrl) {
  const [found] = await tx
    .select({ id: websites.id, name: websites.name, version: websites.version })
    .from(websites)
    .innerJoin(websiteDomains, eq(websiteDomains.websiteId, websites.id))
    .innerJoin(domains, eq(domains.id, websiteDomains.domainId))
    .where(
      and(
        eq(websites.accountId, accountId),
        eq(domains.name, url.host),
        inArray(websites.protocol, [...SERVES[url.scheme]]),
      ),
    )
    .orderBy(asc(websites.id))
  return found
}

/** A website's directives without the tenant's mount at its custom URL's path. */
function withoutMount(stored: WebsiteDirective[], service: SaasMountService, customUrl: string) {
  const name = saasDirectiveOf(service)
  const path = normalizeUrlPath(new URL(customUrl).pathname)
  return stored.filter((directive) => !(directive.name === name && directive.value === path))
}

/** Mounts the tenant at its custom URL; the host was checked to be a domain of the account. */
export async function mountCustomUrl(
  ctx: WriteContext,
  tenant: TenantRef,
  url: CustomUrl,
): Promise<SaasWebsiteLink> {
  if (!isMountService(tenant.service)) return {}
  const directive = { name: saasDirectiveOf(tenant.service), value: normalizeUrlPath(url.path) }
  const found = await servingWebsite(ctx.tx, tenant.accountId, url)
  if (found) {
    const directives = [...(await directivesOf(ctx.tx, found.id)), directive]
    await asCustomUrl(found.name, () =>
      updateWebsite(ctx, { id: found.id, version: found.version, directives }),
    )
    return { websiteId: found.id, websiteCreated: false }
  }

  // Named after the host, as spec 8.1 does; a host longer than a website name cannot be.
  const name = websiteNameSchema.safeParse(url.host)
  if (!name.success) {
    const message = `${url.host} is too long to name a website after it`
    throw AppError.validation([{ field: 'customUrl', rule: 'website_name', message }])
  }
  const [domain] = await ctx.tx
    .select({ id: domains.id })
    .from(domains)
    .where(eq(domains.name, url.host))
  const input = websiteCreateSchema.parse({
    accountId: tenant.accountId,
    name: name.data,
    protocol: url.scheme === 'http' ? 'http' : 'https-only',
    domainIds: [domain!.id],
    directives: [directive],
  })
  const created = await asCustomUrl(name.data, () => createWebsite(ctx, input))
  return { websiteId: created.website.id, websiteCreated: true }
}

/**
 * A custom URL changed: on the same website when it still answers the new URL (so the site,
 * and its certificate, stay), else off the old website and onto the new one's.
 */
export async function moveCustomUrl(
  ctx: WriteContext,
  tenant: TenantRef,
  before: { customUrl: string; link: SaasWebsiteLink },
  url: CustomUrl | undefined,
  message: string,
): Promise<SaasWebsiteLink> {
  const { customUrl, link } = before
  const found = url && (await servingWebsite(ctx.tx, tenant.accountId, url))
  if (!url || !found || !customUrl || found.id !== link.websiteId) {
    await unmountCustomUrl(ctx, tenant, customUrl, link, message)
    return url ? mountCustomUrl(ctx, tenant, url) : {}
  }
  if (!isMountService(tenant.service)) return {}
  const directives = withoutMount(await directivesOf(ctx.tx, found.id), tenant.service, customUrl)
  directives.push({ name: saasDirectiveOf(tenant.service), value: normalizeUrlPath(url.path) })
  await asCustomUrl(found.name, () =>
    updateWebsite(ctx, { id: found.id, version: found.version, directives }),
  )
  return link
}

/**
 * Takes the tenant's directive off its website; a website the panel made for it goes too
 * when it has nothing else (no content, directive or other domain). A website already gone
 * (deleted by hand, or with the account) is left as it is.
 */
export async function unmountCustomUrl(
  ctx: WriteContext,
  tenant: TenantRef,
  customUrl: string,
  link: SaasWebsiteLink,
  message: string,
): Promise<void> {
  if (!customUrl || link.websiteId === undefined || !isMountService(tenant.service)) return
  const [website] = await ctx.tx.select().from(websites).where(eq(websites.id, link.websiteId))
  if (!website) return
  const stored = await directivesOf(ctx.tx, website.id)
  const directives = withoutMount(stored, tenant.service, customUrl)
  if (directives.length === stored.length) return

  const alone =
    link.websiteCreated &&
    !directives.length &&
    !(await contentsOf(ctx.tx, website.id)).length &&
    (await domainsOf(ctx.tx, [website.id])).length <= 1
  if (alone) {
    await deleteWebsites(ctx, [website.id], message)
    return
  }
  await asCustomUrl(website.name, () =>
    updateWebsite(ctx, { id: website.id, version: website.version, directives }),
  )
}
