import { and, count, eq, inArray } from 'drizzle-orm'
import type { z } from 'zod'
import { AppError, type FieldIssue } from '../../src-shared/errors'
import type {
  DomainDeleteItem,
  DomainDeletePreview,
  domainSetSoaSchema,
  domainUpdateRecordsSchema,
} from '../../src-shared/schemas/domain-bulk'
import type { Domain } from '../../src-shared/schemas/domains'
import { domainRecords, domains, mailAddresses } from '../db/schema'
import type { Tx } from '../db/store'
import type { WriteContext } from './context'
import { getDomain, listDomainRecords, originOf, toDomain } from './domains'
import {
  assertZoneLoads,
  bumpSerial,
  checkSoaOnTop,
  checkTimersBesideSoa,
  checkUnderscore,
  invalid,
  removeDomain,
  SOA_FIELDS,
  writeRecords,
  zoneIssue,
  zoneProblems,
} from './domain-writes'
import { diffFields, recordHistory } from './history'
import { assertVersion } from './locking'

type SetSoa = z.output<typeof domainSetSoaSchema>
type UpdateRecords = z.output<typeof domainUpdateRecordsSchema>

/** The selected domains in the order asked for; an unknown id is refused before any change. */
async function selected(tx: Tx, ids: readonly number[]): Promise<Domain[]> {
  const rows = (
    await tx
      .select()
      .from(domains)
      .where(inArray(domains.id, [...ids]))
  ).map(toDomain)
  return [...new Set(ids)].map((id) => {
    const domain = rows.find((row) => row.id === id)
    if (!domain) throw AppError.notFound('Domain', id)
    return domain
  })
}

/** Names of the domains whose zone is written with an SOA record of their own. */
async function withDeclaredSoa(tx: Tx, targets: readonly Domain[]): Promise<string[]> {
  const ids = targets.map((domain) => domain.id)
  const rows = await tx
    .select({ domainId: domainRecords.domainId })
    .from(domainRecords)
    .where(and(inArray(domainRecords.domainId, ids), eq(domainRecords.type, 'SOA')))
  return targets.filter((d) => rows.some((row) => row.domainId === d.id)).map((d) => d.name)
}

/**
 * Bulk "set SOA" (spec 1.8): only top domains have timers, so a selection with a subdomain is
 * refused whole, naming them. Each zone that changes gets one serial, one check and one entry.
 */
export async function setSoa(ctx: WriteContext, input: SetSoa): Promise<{ changed: number }> {
  const { ids, ...timers } = input
  const targets = await selected(ctx.tx, ids)
  const subdomains = targets.filter((domain) => domain.topId !== null).map((d) => d.name)
  if (subdomains.length) {
    const list = subdomains.join(', ')
    throw invalid('ids', 'top_only', `only top domains have SOA timers; not ${list}`)
  }
  const declared = await withDeclaredSoa(ctx.tx, targets)
  if (declared.length) {
    const list = declared.join(', ')
    throw invalid('ids', 'declared_soa', `${list} declare their own SOA record: edit it there`)
  }
  const set = Object.fromEntries(
    SOA_FIELDS.flatMap((f) => (timers[f] === undefined ? [] : [[f, timers[f]]])),
  )

  let changed = 0
  for (const before of targets) {
    const changes = diffFields(before, { ...before, ...set }, SOA_FIELDS)
    if (!changes.length) continue
    await ctx.tx
      .update(domains)
      .set({ ...set, version: before.version + 1, updatedAt: ctx.now })
      .where(and(eq(domains.id, before.id), eq(domains.version, before.version)))
    await bumpSerial(ctx, before.id)
    await assertZoneLoads(ctx.tx, before.id, await getDomain(ctx.tx, before.id))
    await recordHistory(ctx, {
      objectType: 'domain',
      objectId: before.id,
      accountId: before.accountId,
      objectRepr: before.name,
      action: 'changed',
      message: 'SOA timers set in bulk',
      changes,
    })
    changed += 1
  }
  return { changed }
}

/** A selected subdomain whose top is selected too goes with it and is not listed again. */
const goesWithTop = (domain: Domain, all: readonly Domain[]) =>
  domain.topId !== null && all.some((other) => other.id === domain.topId)

async function countBy(tx: Tx, table: typeof domainRecords | typeof mailAddresses, ids: number[]) {
  const [row] = await tx.select({ n: count() }).from(table).where(inArray(table.domainId, ids))
  return Number(row?.n ?? 0)
}

/** What a bulk delete takes: per selected domain, its subdomains, records and addresses. */
export async function deletePreview(tx: Tx, ids: readonly number[]): Promise<DomainDeletePreview> {
  const targets = await selected(tx, ids)
  const items: DomainDeleteItem[] = []
  for (const domain of targets.filter((d) => !goesWithTop(d, targets))) {
    const isTop = domain.topId === null
    const subdomains = isTop
      ? await tx
          .select({ id: domains.id, name: domains.name })
          .from(domains)
          .where(eq(domains.topId, domain.id))
          .orderBy(domains.name)
      : []
    const all = [domain.id, ...subdomains.map((sub) => sub.id)]
    items.push({
      id: domain.id,
      name: domain.name,
      isTop,
      subdomains: subdomains.map((sub) => sub.name),
      records: await countBy(tx, domainRecords, all),
      addresses: await countBy(tx, mailAddresses, all),
    })
  }
  return { domains: items }
}

/**
 * Deletes the selected domains, tops with their subdomains (the renderer's confirmation named
 * them from `deletePreview`). A zone that only loses subdomains is bumped once.
 */
export async function deleteDomains(
  ctx: WriteContext,
  ids: readonly number[],
): Promise<{ deleted: number }> {
  const targets = await selected(ctx.tx, ids)
  const remaining = targets.filter((domain) => !goesWithTop(domain, targets))
  let deleted = 0
  for (const domain of remaining) {
    deleted += await removeDomain(ctx, domain, 'Deleted in bulk')
  }
  const zones = new Set(
    remaining.flatMap((domain) => (domain.topId === null ? [] : [domain.topId])),
  )
  for (const topId of zones) await bumpSerial(ctx, topId)
  return { deleted }
}

/** The issues of one entry of a bulk edit, under `domains.<index>.` so the form places them. */
function underEntry(error: unknown, index: number): unknown {
  if (!(error instanceof AppError) || error.code !== 'VALIDATION' || !error.issues) return error
  const issues = error.issues.map((issue) => ({
    ...issue,
    field: `domains.${index}.${issue.field}`,
  }))
  return AppError.validation(issues)
}

/**
 * Bulk "edit records" (spec 1.8): each domain's records replace its stored set, checked as on
 * its own form; then every zone touched gets one serial and one check, and BIND's complaints
 * go under the record of whichever entry they concern.
 */
export async function updateRecords(
  ctx: WriteContext,
  input: UpdateRecords,
): Promise<{ changed: number }> {
  const changed: Domain[] = []
  for (const [index, entry] of input.domains.entries()) {
    try {
      const before = await getDomain(ctx.tx, entry.id)
      assertVersion('Domain', before, entry.version)
      checkUnderscore(before.name, entry.records)
      if (before.topId !== null) checkSoaOnTop(before.name, entry.records)
      checkTimersBesideSoa(entry.records, before)
      const stored = await listDomainRecords(ctx.tx, entry.id)
      const changes = diffFields({ records: stored }, { records: entry.records }, ['records'])
      if (!changes.length) continue
      await writeRecords(ctx.tx, entry.id, entry.records)
      await ctx.tx
        .update(domains)
        .set({ version: before.version + 1, updatedAt: ctx.now })
        .where(eq(domains.id, entry.id))
      await recordHistory(ctx, {
        objectType: 'domain',
        objectId: before.id,
        accountId: before.accountId,
        objectRepr: before.name,
        action: 'changed',
        message: 'Records edited in bulk',
        changes,
      })
      changed.push(before)
    } catch (error) {
      throw underEntry(error, index)
    }
  }

  const issues: FieldIssue[] = []
  for (const originId of new Set(changed.map(originOf))) {
    await bumpSerial(ctx, originId)
    for (const problem of await zoneProblems(ctx.tx, originId)) {
      const index = input.domains.findIndex(
        (entry) => changed.find((d) => d.id === entry.id)?.name === problem.line?.domain,
      )
      const owner = changed.find((d) => d.name === problem.line?.domain) ?? changed[0]!
      const issue = zoneIssue(problem, owner)
      issues.push(index < 0 ? issue : { ...issue, field: `domains.${index}.${issue.field}` })
    }
  }
  if (issues.length) throw AppError.validation(issues)
  return { changed: changed.length }
}
