import { and, eq, inArray, ne } from 'drizzle-orm'
import type { z } from 'zod'
import { AppError } from '../../src-shared/errors'
import type { FieldChange } from '../../src-shared/schemas/history'
import { fillTemplate } from '../../src-shared/schemas/website-settings'
import {
  protocolsOverlap,
  type Website,
  type WebsiteDetail,
  type WebsiteProtocol,
  websiteCreateSchema,
  websitePartsIssues,
  websiteUpdateSchema,
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
import type { WriteContext } from './context'
import { deleteCertificateOfWebsite, noDomainLeft } from './certificate-writes'
import { recordHistory } from './history'
import { assertVersion } from './locking'
import { settingValue } from './settings'
import { contentsOf, directivesOf, domainsOf, getWebsite, getWebsiteDetail } from './websites'

type Create = z.output<typeof websiteCreateSchema>
type Update = z.output<typeof websiteUpdateSchema>
type Parts = Pick<Create, 'domainIds' | 'contents' | 'directives'> & {
  protocol: WebsiteProtocol
}

const invalid = (field: string, rule: string, message: string) =>
  AppError.validation([{ field, rule, message }])

/**
 * The domains must be the account's (spec 6.1), one at least not a wildcard when any are
 * given (6.2, enforced here and not only in a form: 15.2), and free for the protocol on every
 * other website (6.2).
 */
async function checkDomains(tx: Tx, site: { id?: number; accountId: number }, parts: Parts) {
  const ids = [...new Set(parts.domainIds)]
  if (!ids.length) return
  const rows = await tx.select().from(domains).where(inArray(domains.id, ids))
  for (const id of ids) {
    const domain = rows.find((row) => row.id === id)
    if (!domain) throw invalid('domainIds', 'exists', `domain ${id} does not exist`)
    if (domain.accountId !== site.accountId) {
      throw invalid('domainIds', 'account', `${domain.name} belongs to another account`)
    }
  }
  if (rows.every((row) => row.name.startsWith('*.'))) {
    const message = 'needs one domain that is not a wildcard, to be the server name'
    throw invalid('domainIds', 'server_name', message)
  }
  const others = await tx
    .select({ name: websites.name, protocol: websites.protocol, domain: domains.name })
    .from(websiteDomains)
    .innerJoin(websites, eq(websites.id, websiteDomains.websiteId))
    .innerJoin(domains, eq(domains.id, websiteDomains.domainId))
    .where(
      and(
        inArray(websiteDomains.domainId, ids),
        site.id !== undefined ? ne(websites.id, site.id) : undefined,
      ),
    )
  const clash = others.find((other) =>
    protocolsOverlap(parts.protocol, other.protocol as WebsiteProtocol),
  )
  if (clash) {
    const message =
      `${clash.domain} is already served over ${clash.protocol} by website ${clash.name}; ` +
      'two sites share a domain only when one is http and the other https'
    throw invalid('domainIds', 'protocol_overlap', message)
  }
}

/**
 * Only enabled directives (WEBSITES_ENABLED_DIRECTIVES) may be added or changed; one the site
 * already has stays, so turning a directive off never breaks a save of what was there.
 */
async function checkEnabled(tx: Tx, parts: Parts, stored: Parts['directives'] = []) {
  const enabled: readonly string[] = await settingValue(tx, 'WEBSITES_ENABLED_DIRECTIVES')
  parts.directives.forEach((directive, index) => {
    if (enabled.includes(directive.name)) return
    if (stored.some((d) => d.name === directive.name && d.value === directive.value)) return
    const message = `${directive.name} is not enabled (WEBSITES_ENABLED_DIRECTIVES)`
    throw invalid(`directives.${index}.name`, 'enabled', message)
  })
}

/** The web apps mounted must exist and be the account's. */
async function checkContents(tx: Tx, accountId: number, parts: Parts) {
  const ids = [...new Set(parts.contents.map((content) => content.webappId))]
  if (!ids.length) return
  const rows = await tx
    .select({ id: webapps.id, name: webapps.name, accountId: webapps.accountId })
    .from(webapps)
    .where(inArray(webapps.id, ids))
  parts.contents.forEach((content, index) => {
    const app = rows.find((row) => row.id === content.webappId)
    const field = `contents.${index}.webappId`
    if (!app) throw invalid(field, 'exists', `web app ${content.webappId} does not exist`)
    if (app.accountId !== accountId) {
      throw invalid(field, 'account', `${app.name} belongs to another account`)
    }
  })
}

async function writeParts(tx: Tx, websiteId: number, parts: Parts) {
  await tx.delete(websiteDomains).where(eq(websiteDomains.websiteId, websiteId))
  await tx.delete(websiteContents).where(eq(websiteContents.websiteId, websiteId))
  await tx.delete(websiteDirectives).where(eq(websiteDirectives.websiteId, websiteId))
  const domainIds = [...new Set(parts.domainIds)]
  if (domainIds.length) {
    await tx.insert(websiteDomains).values(domainIds.map((domainId) => ({ websiteId, domainId })))
  }
  if (parts.contents.length) {
    await tx
      .insert(websiteContents)
      .values(parts.contents.map((content) => ({ websiteId, ...content })))
  }
  if (parts.directives.length) {
    await tx
      .insert(websiteDirectives)
      .values(parts.directives.map((directive) => ({ websiteId, ...directive })))
  }
}

/** The parts as history shows them: names and paths, not ids. */
async function describeParts(tx: Tx, websiteId: number) {
  const domainNames = (await domainsOf(tx, [websiteId])).map((row) => row.name)
  const contents = (await contentsOf(tx, websiteId)).map((c) => `${c.path} ${c.webappName}`)
  const directives = (await directivesOf(tx, websiteId)).map((d) => `${d.name} ${d.value}`)
  return { domains: domainNames, contents, directives }
}

/**
 * Two sites must never share files on a server. With the default format `joe` + `a-b` and
 * `joe-a` + `b` would both be `joe-a-b`; a format holding %(id)s cannot collide.
 */
async function assertFilesFree(tx: Tx, username: string, name: string) {
  const format = await settingValue(tx, 'WEBSITES_UNIQUE_NAME_FORMAT')
  if (format.includes('%(id)s')) return
  const wanted = fillTemplate(format, { user: username, site_name: name })
  const rows = await tx
    .select({ name: websites.name, username: accounts.username })
    .from(websites)
    .innerJoin(accounts, eq(accounts.id, websites.accountId))
  const clash = rows.find(
    (row) => fillTemplate(format, { user: row.username, site_name: row.name }) === wanted,
  )
  if (clash) {
    const message =
      `would share the server files ${wanted}.conf with website ${clash.name} ` +
      `of ${clash.username}`
    throw invalid('name', 'unique_name', message)
  }
}

export async function createWebsite(ctx: WriteContext, input: Create): Promise<WebsiteDetail> {
  const [account] = await ctx.tx
    .select({ id: accounts.id, username: accounts.username })
    .from(accounts)
    .where(eq(accounts.id, input.accountId))
  if (!account) throw invalid('accountId', 'exists', 'is not a known account')
  const [taken] = await ctx.tx
    .select({ id: websites.id })
    .from(websites)
    .where(and(eq(websites.accountId, input.accountId), eq(websites.name, input.name)))
  if (taken) throw invalid('name', 'unique', `the account already has a website ${input.name}`)
  await assertFilesFree(ctx.tx, account.username, input.name)
  const protocol = input.protocol ?? (await settingValue(ctx.tx, 'WEBSITES_DEFAULT_PROTOCOL'))
  const parts = { ...input, protocol }
  await checkDomains(ctx.tx, input, parts)
  await checkContents(ctx.tx, input.accountId, parts)
  await checkEnabled(ctx.tx, parts)

  const [row] = await ctx.tx
    .insert(websites)
    .values({
      name: input.name,
      accountId: input.accountId,
      protocol,
      isActive: input.isActive,
      createdAt: ctx.now,
      updatedAt: ctx.now,
    })
    .returning()
  const website = row!
  await writeParts(ctx.tx, website.id, parts)
  await recordHistory(ctx, {
    objectType: 'website',
    objectId: website.id,
    accountId: website.accountId,
    objectRepr: website.name,
    action: 'added',
  })
  return getWebsiteDetail(ctx.tx, website.id)
}

export async function updateWebsite(ctx: WriteContext, input: Update): Promise<WebsiteDetail> {
  const website = await getWebsite(ctx.tx, input.id)
  assertVersion('Website', website, input.version)
  const stored = {
    domainIds: (await domainsOf(ctx.tx, [website.id])).map((row) => row.id),
    contents: (await contentsOf(ctx.tx, website.id)).map(({ webappId, path }) => ({
      webappId,
      path,
    })),
    directives: await directivesOf(ctx.tx, website.id),
  }
  const parts: Parts = {
    protocol: input.protocol ?? website.protocol,
    domainIds: input.domainIds ?? stored.domainIds,
    contents: input.contents ?? stored.contents,
    directives: input.directives ?? stored.directives,
  }
  const issues = websitePartsIssues(parts)
  if (issues.length) {
    throw AppError.validation(
      issues.map(({ path, rule, message }) => ({ field: path.join('.'), rule, message })),
    )
  }
  await checkDomains(ctx.tx, website, parts)
  await checkContents(ctx.tx, website.accountId, parts)
  await checkEnabled(ctx.tx, parts, stored.directives)

  if (stored.domainIds.length && !parts.domainIds.length) {
    // A site without a name has nothing left for its certificate to prove.
    await deleteCertificateOfWebsite(ctx, website.id, noDomainLeft(website.name))
  }
  const before = await describeParts(ctx.tx, website.id)
  await writeParts(ctx.tx, website.id, parts)
  const after = await describeParts(ctx.tx, website.id)
  const isActive = input.isActive ?? website.isActive
  const changes: FieldChange[] = []
  if (parts.protocol !== website.protocol) {
    changes.push({ field: 'protocol', from: website.protocol, to: parts.protocol })
  }
  if (isActive !== website.isActive) {
    changes.push({ field: 'isActive', from: website.isActive, to: isActive })
  }
  for (const field of ['domains', 'contents', 'directives'] as const) {
    if (JSON.stringify(before[field]) === JSON.stringify(after[field])) continue
    changes.push({ field, from: before[field], to: after[field] })
  }
  if (!changes.length) return getWebsiteDetail(ctx.tx, website.id)

  await ctx.tx
    .update(websites)
    .set({
      protocol: parts.protocol,
      isActive,
      version: website.version + 1,
      updatedAt: ctx.now,
    })
    .where(eq(websites.id, website.id))
  await recordHistory(ctx, {
    objectType: 'website',
    objectId: website.id,
    accountId: website.accountId,
    objectRepr: website.name,
    action: 'changed',
    changes,
  })
  return getWebsiteDetail(ctx.tx, website.id)
}

/** Enables or disables sites; the servers keep their files but stop serving them. */
export async function setWebsitesActive(
  ctx: WriteContext,
  ids: readonly number[],
  isActive: boolean,
): Promise<number> {
  let changed = 0
  for (const id of new Set(ids)) {
    const website = await getWebsite(ctx.tx, id)
    if (website.isActive === isActive) continue
    await ctx.tx
      .update(websites)
      .set({ isActive, version: website.version + 1, updatedAt: ctx.now })
      .where(eq(websites.id, id))
    await recordHistory(ctx, {
      objectType: 'website',
      objectId: id,
      accountId: website.accountId,
      objectRepr: website.name,
      action: isActive ? 'enabled' : 'disabled',
      changes: [{ field: 'isActive', from: website.isActive, to: isActive }],
    })
    changed++
  }
  return changed
}

/** Deletes websites; history first, while the backends can still read what to remove. */
export async function deleteWebsites(
  ctx: WriteContext,
  ids: readonly number[],
  message = '',
): Promise<number> {
  const unique = [...new Set(ids)]
  for (const id of unique) {
    const website: Website = await getWebsite(ctx.tx, id)
    // Its certificate goes first, through its own module: the table's cascade would drop the
    // row without telling the server, leaving the lineage there and certbot renewing it.
    await deleteCertificateOfWebsite(ctx, id, message)
    await recordHistory(ctx, {
      objectType: 'website',
      objectId: id,
      accountId: website.accountId,
      objectRepr: website.name,
      action: 'deleted',
      message,
      snapshot: website,
    })
    await ctx.tx.delete(websites).where(eq(websites.id, id))
  }
  return unique.length
}

/** Every website of an account, for its page and its deletion. */
export async function accountWebsites(tx: Tx, accountId: number) {
  return tx.select().from(websites).where(eq(websites.accountId, accountId))
}
