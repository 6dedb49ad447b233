import { domainToUnicode } from 'node:url'
import { and, eq, inArray, like } from 'drizzle-orm'
import type { z } from 'zod'
import { AppError, type FieldIssue } from '../../src-shared/errors'
import type {
  Domain,
  DomainDetail,
  domainCreateSchema,
  DomainRecord,
  domainUpdateSchema,
} from '../../src-shared/schemas/domains'
import { LIKE_ESCAPE } from '../core/escape'
import { scopedLogger } from '../core/logger'
import { accounts, domainRecords, domains } from '../db/schema'
import type { Tx } from '../db/store'
import { checkZone, type ZoneProblem } from '../domains/checkzone'
import { settingValue } from './settings'
import { deleteCertificatesOfSitesLosing } from './certificate-writes'
import { nextSerial } from '../domains/serial'
import type { WriteContext } from './context'
import { getDomain, getDomainDetail, listDomainRecords, loadZoneLines, originOf } from './domains'
import { diffFields, recordHistory } from './history'
import { assertVersion } from './locking'
import { deleteAddressesOnDomains } from './mail-address-writes'
import { clearListAddressesOnDomains } from './mailing-list-writes'

type DomainCreate = z.output<typeof domainCreateSchema>
type DomainUpdate = z.output<typeof domainUpdateSchema>

const log = scopedLogger('domains')
export const SOA_FIELDS = ['refresh', 'retry', 'expire', 'minTtl'] as const
type DomainSoa = Record<(typeof SOA_FIELDS)[number], string>

export const invalid = (field: string, rule: string, message: string) =>
  AppError.validation([{ field, rule, message }])

/** Proper suffixes of a name down to two labels: a bare TLD is never a parent (spec 1.3). */
function parentNames(name: string): string[] {
  const labels = name.split('.')
  return labels.slice(1, -1).map((_, i) => labels.slice(i + 1).join('.'))
}

async function findParents(tx: Tx, name: string) {
  const names = parentNames(name)
  if (!names.length) return { top: undefined, nearest: undefined }
  const found = await tx.select().from(domains).where(inArray(domains.name, names))
  const byLength = found.sort((a, b) => b.name.length - a.name.length)
  return { nearest: byLength[0], top: byLength.at(-1) }
}

export async function bumpSerial(ctx: WriteContext, originId: number): Promise<void> {
  const origin = await getDomain(ctx.tx, originId)
  const serial = nextSerial(origin.serial, ctx.now)
  await ctx.tx.update(domains).set({ serial }).where(eq(domains.id, originId))
}

export async function writeRecords(tx: Tx, domainId: number, records: readonly DomainRecord[]) {
  await tx.delete(domainRecords).where(eq(domainRecords.domainId, domainId))
  if (!records.length) return
  await tx
    .insert(domainRecords)
    .values(records.map((record, position) => ({ ...record, domainId, position })))
}

/**
 * Where a complaint of BIND goes: under the record of the domain being saved that it concerns,
 * else above the form, saying which domain of the zone (and which of its records) it is about.
 */
export function zoneIssue({ message, line }: ZoneProblem, domain: Domain): FieldIssue {
  const owner = line?.domain ?? domain.name
  const bare = message.startsWith(`${owner}: `) ? message.slice(owner.length + 2) : message
  if (line?.domain === domain.name && line.record !== undefined) {
    return { field: `records.${line.record}.value`, rule: 'zone', message: bare }
  }
  const where = line?.record === undefined ? owner : `${owner}, record ${line.record + 1}`
  return { field: 'records', rule: 'zone', message: `${where}: ${bare}` }
}

/** What BIND says of an origin's zone as it now stands in this transaction; empty if it loads. */
export async function zoneProblems(tx: Tx, originId: number): Promise<ZoneProblem[]> {
  const origin = await getDomain(tx, originId)
  const problems = await checkZone(origin.name, await loadZoneLines(tx, originId))
  if (problems === undefined) {
    log.warn('named-checkzone is not installed: zone %d is checked on the servers only', originId)
  }
  return problems ?? []
}

/**
 * BIND's own verdict on the zone as it now stands in this transaction: a refusal rolls the
 * whole change back, with each message under the record it concerns where it names one.
 */
export async function assertZoneLoads(tx: Tx, originId: number, domain: Domain): Promise<void> {
  const problems = await zoneProblems(tx, originId)
  if (problems.length) throw AppError.validation(problems.map((p) => zoneIssue(p, domain)))
}

/** Spec 1.6: a forbidden name, or any name under one, is refused (`notgoogle.com` is not). */
async function checkForbidden(tx: Tx, name: string) {
  const forbidden = await settingValue(tx, 'DOMAINS_FORBIDDEN')
  const hit = forbidden.find((entry) => name === entry || name.endsWith(`.${entry}`))
  if (hit === undefined) return
  const under = hit === name ? '' : ` it is under ${hit}, which`
  throw invalid('name', 'forbidden', `${name} may not be added:${under || ' it'} is forbidden`)
}

/** Only a top domain starts a zone, so only it may declare the zone's SOA. */
export function checkSoaOnTop(name: string, records: readonly DomainRecord[]) {
  const index = records.findIndex((record) => record.type === 'SOA')
  if (index < 0) return
  const message = `${name} is a subdomain: only its top domain may declare an SOA`
  throw invalid(`records.${index}.type`, 'top_only', message)
}

/** Timers beside a declared SOA would be stored but never written: the record has its own. */
export function checkTimersBesideSoa(records: readonly DomainRecord[], timers: Partial<DomainSoa>) {
  if (!records.some((record) => record.type === 'SOA')) return
  const field = SOA_FIELDS.find((name) => timers[name])
  if (field === undefined) return
  throw invalid(field, 'declared_soa', 'is set by the declared SOA record: leave it blank')
}

export function checkUnderscore(name: string, records: readonly DomainRecord[]) {
  if (!name.includes('_')) return
  if (records.some((record) => ['TXT', 'SRV', 'CNAME'].includes(record.type))) return
  throw invalid('records', 'underscore', 'hosts can not have underscore: add a TXT, SRV or CNAME')
}

/** The account a new domain belongs to (spec 1.3), refusing a subdomain of someone else's. */
async function accountFor(tx: Tx, name: string, accountId: number | undefined) {
  const { nearest, top } = await findParents(tx, name)
  if (accountId === undefined) {
    if (!nearest) throw invalid('accountId', 'required', `is required: ${name} is a top domain`)
    return { accountId: nearest.accountId, top }
  }
  if (nearest && nearest.accountId !== accountId) {
    throw invalid('name', 'owner', `${name} is under ${nearest.name}, which another account owns`)
  }
  const [account] = await tx
    .select({ id: accounts.id })
    .from(accounts)
    .where(eq(accounts.id, accountId))
  if (!account) throw invalid('accountId', 'exists', 'is not a known account')
  return { accountId, top }
}

/** Former top domains under a new top become its subdomains; their zones then go (spec 1.3). */
async function reparentUnder(ctx: WriteContext, top: Domain): Promise<void> {
  const suffix = `%.${top.name.replace(/[\\%_]/g, (c) => LIKE_ESCAPE + c)}`
  const below = await ctx.tx.select().from(domains).where(like(domains.name, suffix))
  for (const row of below.filter((d) => d.name.endsWith(`.${top.name}`) && d.id !== top.id)) {
    await ctx.tx
      .update(domains)
      .set({ topId: top.id, version: row.version + 1, updatedAt: ctx.now })
      .where(eq(domains.id, row.id))
    await recordHistory(ctx, {
      objectType: 'domain',
      objectId: row.id,
      accountId: row.accountId,
      objectRepr: row.name,
      action: 'changed',
      changes: [{ field: 'topId', from: row.topId, to: top.id }],
    })
  }
}

async function createOne(ctx: WriteContext, name: string, input: DomainCreate): Promise<Domain> {
  await checkForbidden(ctx.tx, name)
  const { accountId, top } = await accountFor(ctx.tx, name, input.accountId)
  checkUnderscore(name, input.records)
  if (top) checkSoaOnTop(name, input.records)
  checkTimersBesideSoa(input.records, input)
  if (top && SOA_FIELDS.some((field) => input[field])) {
    throw invalid(
      'refresh',
      'top_only',
      `${name} is a subdomain: only its top domain has SOA timers`,
    )
  }
  const existing = await ctx.tx
    .select({ id: domains.id })
    .from(domains)
    .where(eq(domains.name, name))
  if (existing.length) throw invalid('name', 'unique', `${name} already exists`)

  const [row] = await ctx.tx
    .insert(domains)
    .values({
      name,
      displayName: domainToUnicode(name),
      accountId,
      topId: top?.id ?? null,
      serial: nextSerial(0, ctx.now),
      ...Object.fromEntries(SOA_FIELDS.map((field) => [field, input[field]])),
      createdAt: ctx.now,
      updatedAt: ctx.now,
    })
    .returning()
  const domain = await getDomain(ctx.tx, row!.id)
  await writeRecords(ctx.tx, domain.id, input.records)
  if (top) await bumpSerial(ctx, top.id)
  else await reparentUnder(ctx, domain)
  await assertZoneLoads(ctx.tx, originOf(domain), domain)
  await recordHistory(ctx, {
    objectType: 'domain',
    objectId: domain.id,
    accountId,
    objectRepr: name,
    action: 'added',
  })
  return domain
}

/** Creates every name of the request, parents first, each with a copy of the records. */
export async function createDomains(
  ctx: WriteContext,
  input: DomainCreate,
): Promise<DomainDetail[]> {
  const names = [...input.names].sort((a, b) => a.split('.').length - b.split('.').length)
  const created: Domain[] = []
  for (const name of names) created.push(await createOne(ctx, name, input))
  const byInput = input.names.map((name) => created.find((domain) => domain.name === name)!)
  return Promise.all(byInput.map((domain) => getDomainDetail(ctx.tx, domain.id)))
}

export async function updateDomain(ctx: WriteContext, input: DomainUpdate): Promise<DomainDetail> {
  const { id, version, records, ...soa } = input
  const before = await getDomainDetail(ctx.tx, id)
  assertVersion('Domain', before.domain, version)
  if (before.domain.topId !== null && SOA_FIELDS.some((field) => soa[field])) {
    throw invalid('refresh', 'top_only', 'only a top domain has SOA timers')
  }
  if (records) checkUnderscore(before.domain.name, records)
  if (records && before.domain.topId !== null) checkSoaOnTop(before.domain.name, records)
  checkTimersBesideSoa(records ?? before.records, { ...before.domain, ...soa })

  await ctx.tx
    .update(domains)
    .set({ ...soa, version: version + 1, updatedAt: ctx.now })
    .where(and(eq(domains.id, id), eq(domains.version, version)))
  if (records) await writeRecords(ctx.tx, id, records)
  const afterRecords = await listDomainRecords(ctx.tx, id)
  const after = await getDomain(ctx.tx, id)
  const changes = [
    ...diffFields(before.domain, after, SOA_FIELDS),
    ...diffFields({ records: before.records }, { records: afterRecords }, ['records']),
  ]
  if (changes.length) {
    await bumpSerial(ctx, originOf(after))
    await assertZoneLoads(ctx.tx, originOf(after), after)
    await recordHistory(ctx, {
      objectType: 'domain',
      objectId: id,
      accountId: after.accountId,
      objectRepr: after.name,
      action: 'changed',
      changes,
    })
  }
  return getDomainDetail(ctx.tx, id)
}

/**
 * Deletes a domain; a top domain takes its subdomains and their records with it (spec 1.3).
 * History comes first: orchestration reads the zone while it still exists.
 */
export async function deleteDomain(ctx: WriteContext, id: number, message = ''): Promise<number> {
  const domain = await getDomain(ctx.tx, id)
  const deleted = await removeDomain(ctx, domain, message)
  if (domain.topId !== null) await bumpSerial(ctx, domain.topId)
  return deleted
}

/**
 * The rows and history of a deletion, without the serial bump of the zone a subdomain leaves:
 * a bulk delete bumps each zone once, however many of its subdomains go.
 */
export async function removeDomain(
  ctx: WriteContext,
  domain: Domain,
  message = '',
): Promise<number> {
  const { id } = domain
  const subdomains =
    domain.topId === null ? await ctx.tx.select().from(domains).where(eq(domains.topId, id)) : []
  // Mail addresses hold the domain (a RESTRICT key): they go first, and their servers hear it.
  const domainIds = [id, ...subdomains.map((sub) => sub.id)]
  await deleteAddressesOnDomains(ctx, domainIds, `Deleted with domain ${domain.name}`)
  await clearListAddressesOnDomains(ctx, domainIds, `Domain ${domain.name} deleted`)
  await deleteCertificatesOfSitesLosing(ctx, domainIds)
  await recordHistory(ctx, {
    objectType: 'domain',
    objectId: id,
    accountId: domain.accountId,
    objectRepr: domain.name,
    action: 'deleted',
    message: subdomains.length ? `Deleted ${subdomains.length} subdomain(s) with it` : message,
    snapshot: domain,
  })
  for (const sub of subdomains) {
    await recordHistory(ctx, {
      objectType: 'domain',
      objectId: sub.id,
      accountId: sub.accountId,
      objectRepr: sub.name,
      action: 'deleted',
      message: `Deleted with ${domain.name}`,
      snapshot: toSnapshot(sub),
    })
  }
  await ctx.tx.delete(domains).where(eq(domains.id, id))
  return 1 + subdomains.length
}

const toSnapshot = (row: typeof domains.$inferSelect): Domain => ({
  ...row,
  serial: Number(row.serial),
})
