import { and, eq, inArray, notInArray } from 'drizzle-orm'
import type { z } from 'zod'
import { AppError } from '../../src-shared/errors'
import type {
  CertificateDetail,
  certificateIssueSchema,
  certificateRenewSchema,
  CertificateRow,
  CertificateStatus,
  RenewalReport,
} from '../../src-shared/schemas/certificates'
import type { FieldChange } from '../../src-shared/schemas/history'
import { certificates, websiteDomains, websites } from '../db/schema'
import type { CoreServices } from '../handlers/types'
import {
  certificateRows,
  coveredByWildcard,
  dueCertificateIds,
  getCertificateDetail,
  splitNames,
  websiteCertificate,
} from './certificates'
import {
  collectOutcomes,
  operationWatermark,
  type CertificateOutcome,
} from './certificate-outcomes'
import type { WriteContext } from './context'
import { diffFields, recordHistory } from './history'

type IssueInput = z.output<typeof certificateIssueSchema>
type RenewInput = z.output<typeof certificateRenewSchema>
type CertificateRecord = typeof certificates.$inferSelect

const invalid = (field: string, rule: string, message: string) =>
  AppError.validation([{ field, rule, message }])

const reprOf = (row: Pick<CertificateRecord, 'names' | 'websiteId'>) =>
  splitNames(row.names)[0] ?? `website #${row.websiteId}`

async function accountOfWebsite(ctx: WriteContext, websiteId: number): Promise<number | null> {
  const [row] = await ctx.tx
    .select({ accountId: websites.accountId })
    .from(websites)
    .where(eq(websites.id, websiteId))
  return row?.accountId ?? null
}

/**
 * The names to ask for: the website's own names, or the ones chosen, each a domain of the
 * site or a single label under one of its wildcard domains (spec 11). The first is the
 * subject and names the lineage.
 */
function chooseNames(
  offered: { names: string[]; wildcards: string[] },
  chosen: readonly string[] | undefined,
): string[] {
  if (!chosen) return offered.names
  const seen = new Set<string>()
  chosen.forEach((name, index) => {
    if (seen.has(name)) throw invalid(`names.${index}`, 'unique', `${name} is given twice`)
    seen.add(name)
    const own = offered.names.includes(name)
    if (!own && !offered.wildcards.some((wildcard) => coveredByWildcard(name, wildcard))) {
      throw invalid(
        `names.${index}`,
        'website_domain',
        `${name} is neither a domain of the website nor a name under one of its wildcards`,
      )
    }
  })
  return [...chosen]
}

/**
 * Asks for a website's certificate: a new row, or the existing one with its names and status
 * set. Refused, with nothing stored, when the website cannot answer the challenge.
 */
export async function requestCertificate(
  ctx: WriteContext,
  input: IssueInput,
): Promise<CertificateDetail> {
  const offered = await websiteCertificate(ctx.tx, input.websiteId)
  if (offered.blocker && offered.webroot) {
    throw invalid('websiteId', 'inactive', offered.blocker)
  }
  if (!offered.webroot) {
    throw invalid(
      'websiteId',
      'webroot',
      'No web app is mounted at "/" on this website: the ACME challenge is written to its folder',
    )
  }
  const names = chooseNames(offered, input.names)
  if (!names.length) {
    throw invalid('names', 'required', 'The website has no domain a certificate can name')
  }
  const accountId = await accountOfWebsite(ctx, input.websiteId)
  const [existing] = await ctx.tx
    .select()
    .from(certificates)
    .where(eq(certificates.websiteId, input.websiteId))
  const message = `Issue asked for ${names.join(' ')}`
  if (!existing) {
    const [row] = await ctx.tx
      .insert(certificates)
      .values({
        websiteId: input.websiteId,
        names: names.join(' '),
        status: 'pending',
        createdAt: ctx.now,
        updatedAt: ctx.now,
      })
      .returning()
    await recordHistory(ctx, {
      objectType: 'certificate',
      objectId: row!.id,
      accountId,
      objectRepr: reprOf(row!),
      action: 'added',
      message,
    })
    return getCertificateDetail(ctx.tx, row!.id)
  }
  const next = { names: names.join(' '), status: 'pending', lastError: '' }
  await ctx.tx
    .update(certificates)
    .set({ ...next, version: existing.version + 1, updatedAt: ctx.now })
    .where(eq(certificates.id, existing.id))
  // The names (when they changed) is what sends it: an unchanged issue is a request too.
  const changes = diffFields(existing, { ...existing, ...next }, ['names', 'status', 'lastError'])
  await recordHistory(ctx, {
    objectType: 'certificate',
    objectId: existing.id,
    accountId,
    objectRepr: reprOf({ ...existing, ...next }),
    action: 'changed',
    changes: changes.some((change) => change.field === 'names') ? changes : [],
    message,
  })
  return getCertificateDetail(ctx.tx, existing.id)
}

/**
 * Marks certificates for a new issue: the backend forces the renewal. A renewal asks for the
 * names the website still has (a domain taken off the site would fail the whole order); one
 * left with none is failed here and not sent. Answers the ids marked.
 */
export async function markRenewing(ctx: WriteContext, ids: readonly number[]): Promise<number[]> {
  if (!ids.length) return []
  const rows = await ctx.tx
    .select()
    .from(certificates)
    .where(inArray(certificates.id, [...ids]))
  const marked: number[] = []
  for (const row of rows) {
    const offered = await websiteCertificate(ctx.tx, row.websiteId)
    const kept = splitNames(row.names).filter(
      (name) =>
        offered.names.includes(name) ||
        offered.wildcards.some((wildcard) => coveredByWildcard(name, wildcard)),
    )
    const accountId = await accountOfWebsite(ctx, row.websiteId)
    if (!kept.length) {
      const lastError = 'The website has none of the names of this certificate any more'
      await ctx.tx
        .update(certificates)
        .set({ status: 'failed', lastError, version: row.version + 1, updatedAt: ctx.now })
        .where(eq(certificates.id, row.id))
      await recordHistory(ctx, {
        objectType: 'certificate',
        objectId: row.id,
        accountId,
        objectRepr: reprOf(row),
        action: 'changed',
        changes: diffFields(row, { ...row, status: 'failed', lastError }, ['status', 'lastError']),
        message: 'Not renewed',
      })
      continue
    }
    const next = { names: kept.join(' '), status: 'renewing' }
    await ctx.tx
      .update(certificates)
      .set({ ...next, version: row.version + 1, updatedAt: ctx.now })
      .where(eq(certificates.id, row.id))
    const names = diffFields(row, { ...row, ...next }, ['names'])
    await recordHistory(ctx, {
      objectType: 'certificate',
      objectId: row.id,
      accountId,
      objectRepr: reprOf(row),
      action: 'changed',
      // Only the names, if they changed: a status change alone is ignored by the backend,
      // and this one is what asks it to run.
      changes: names,
      message: `Renewal asked (${row.status}, ends ${row.notAfter ?? 'never issued'})`,
    })
    marked.push(row.id)
  }
  return marked
}

/**
 * Stores what the servers issued (or why they did not). Only fields the certbot backend
 * ignores change, so nothing is issued again; backends related to certificates (the web
 * servers' TLS virtual hosts) are sent the website again.
 */
export async function recordOutcomes(
  ctx: WriteContext,
  outcomes: ReadonlyMap<number, CertificateOutcome>,
): Promise<void> {
  const fields = ['status', 'lineage', 'notBefore', 'notAfter', 'lastError'] as const
  for (const [id, outcome] of outcomes) {
    const [row] = await ctx.tx.select().from(certificates).where(eq(certificates.id, id))
    if (!row) continue
    const next =
      outcome.kind === 'issued'
        ? {
            status: 'issued' as CertificateStatus,
            lineage: outcome.lineage,
            notBefore: outcome.notBefore,
            notAfter: outcome.notAfter,
            lastError: '',
          }
        : { status: 'failed' as CertificateStatus, lastError: outcome.error }
    const after = { ...row, ...next }
    const changes: FieldChange[] = diffFields(row, after, [...fields])
    await ctx.tx
      .update(certificates)
      .set({ ...next, version: row.version + 1, updatedAt: ctx.now })
      .where(eq(certificates.id, id))
    await recordHistory(ctx, {
      objectType: 'certificate',
      objectId: id,
      accountId: await accountOfWebsite(ctx, row.websiteId),
      objectRepr: reprOf(row),
      action: 'changed',
      changes,
      message:
        outcome.kind === 'issued'
          ? `Issued until ${outcome.notAfter} (serial ${outcome.serial})`
          : 'Not issued',
    })
  }
}

/** Deletes certificates; their servers drop the lineages (nothing is revoked). */
export async function deleteCertificates(
  ctx: WriteContext,
  ids: readonly number[],
  message = '',
): Promise<number> {
  if (!ids.length) return 0
  const rows = await ctx.tx
    .select()
    .from(certificates)
    .where(inArray(certificates.id, [...ids]))
  for (const row of rows) {
    // Recorded first: the backend reads the lineage it must drop while the row is there.
    await recordHistory(ctx, {
      objectType: 'certificate',
      objectId: row.id,
      accountId: await accountOfWebsite(ctx, row.websiteId),
      objectRepr: reprOf(row),
      action: 'deleted',
      message,
      snapshot: row,
    })
    await ctx.tx.delete(certificates).where(eq(certificates.id, row.id))
  }
  return rows.length
}

/**
 * For the websites module: call before a website goes (or loses its last domain), so its
 * lineage is deleted from the server. The table's cascade would drop the row silently.
 */
export async function deleteCertificateOfWebsite(
  ctx: WriteContext,
  websiteId: number,
  message = '',
): Promise<number> {
  const rows = await ctx.tx
    .select({ id: certificates.id })
    .from(certificates)
    .where(eq(certificates.websiteId, websiteId))
  return deleteCertificates(
    ctx,
    rows.map((row) => row.id),
    message,
  )
}

/** Why a website's certificate went when the site kept no name for it to prove. */
export const noDomainLeft = (websiteName: string) => `Website ${websiteName} has no domain left`

/**
 * For the domains module: call before domains go. A website whose every domain is among them
 * is left with none, as if edited so, and gives up its certificate the same way; the table's
 * cascade would only drop the site's domain rows.
 */
export async function deleteCertificatesOfSitesLosing(
  ctx: WriteContext,
  domainIds: readonly number[],
): Promise<number> {
  if (!domainIds.length) return 0
  const touched = await ctx.tx
    .select({ id: websites.id, name: websites.name })
    .from(certificates)
    .innerJoin(websites, eq(websites.id, certificates.websiteId))
    .innerJoin(websiteDomains, eq(websiteDomains.websiteId, websites.id))
    .where(inArray(websiteDomains.domainId, [...domainIds]))
  let deleted = 0
  for (const [id, name] of new Map(touched.map((site) => [site.id, site.name]))) {
    const kept = await ctx.tx
      .select({ domainId: websiteDomains.domainId })
      .from(websiteDomains)
      .where(
        and(eq(websiteDomains.websiteId, id), notInArray(websiteDomains.domainId, [...domainIds])),
      )
    if (!kept.length) deleted += await deleteCertificateOfWebsite(ctx, id, noDomainLeft(name))
  }
  return deleted
}

/**
 * Runs what a write asked of the servers to its end, then stores what they issued. The first
 * unit of work wrote the logs; once they ran (in the background too), their output is read.
 */
async function runAndRecord(
  core: CoreServices,
  ask: (ctx: WriteContext) => Promise<number[]>,
): Promise<number[]> {
  const { ids, watermark } = await core.write(async (scope) => {
    const watermark = await operationWatermark(scope.tx)
    return { ids: await ask(scope), watermark }
  })
  await core.orchestrator.settled()
  await core.write(async (scope) => {
    await recordOutcomes(scope, await collectOutcomes(scope.tx, watermark, ids))
  })
  return ids
}

/** Issues a website's certificate now and answers with what became of it. */
export async function issueCertificate(
  core: CoreServices,
  input: IssueInput,
): Promise<CertificateDetail> {
  const [id] = await runAndRecord(core, async (ctx) => [(await requestCertificate(ctx, input)).id])
  return core.write((scope) => getCertificateDetail(scope.tx, id!))
}

/**
 * Renews the certificates due (CERTIFICATES_RENEW_DAYS), or the ones named whatever their
 * dates, in one run: each server gets one script for all of its certificates.
 */
export async function renewCertificates(
  core: CoreServices,
  input: RenewInput,
  now = new Date(),
): Promise<RenewalReport> {
  const due = await core.write(async ({ tx }) => {
    const ids = input.ids ?? (await dueCertificateIds(tx, now))
    const rows = await certificateRows(tx, ids, now)
    if (input.ids) {
      const missing = input.ids.find((id) => !rows.some((row) => row.id === id))
      if (missing !== undefined) throw AppError.notFound('Certificate', missing)
    }
    return rows
  })
  const report: RenewalReport = { dryRun: input.dryRun, due, renewed: [], failed: [] }
  if (input.dryRun || !due.length) return report
  const renewable = due.filter((row) => row.lineage)
  const unissued = due.filter((row) => !row.lineage)
  const ids = renewable.map((row) => row.id)
  await runAndRecord(core, (ctx) => markRenewing(ctx, ids))
  const after: CertificateRow[] = await core.write(({ tx }) => certificateRows(tx, ids, now))
  report.renewed = after.filter((row) => row.status === 'issued')
  report.failed = [
    ...after.filter((row) => row.status !== 'issued'),
    ...unissued.map((row) => ({ ...row, lastError: 'Never issued: issue it from its website' })),
  ]
  return report
}
