import { and, asc, count, desc, eq, inArray, isNotNull, lte, or, type SQL } from 'drizzle-orm'
import { AppError } from '../../src-shared/errors'
import type { Page } from '../../src-shared/schemas/common'
import {
  certificateListSchema,
  checkCertificateName,
  type CertificateListQuery,
  type CertificateRow,
  type CertificateStatus,
  type WebsiteCertificate,
} from '../../src-shared/schemas/certificates'
import {
  accounts,
  certificates,
  domains,
  websiteContents,
  websiteDomains,
  websites,
} from '../db/schema'
import type { Tx } from '../db/store'
import { loadServedWebapps } from '../orchestration/backends/webapp-runtime'
import { settingValue } from './settings'
import { contains, searchWords } from './sql'

/** Reads of certificates (spec 11) and of what a website offers to one. */

const DAY_MS = 86_400_000

/** The files of a website's issued certificate on its web server, for the TLS virtual host. */
export interface IssuedCertificate {
  certificateId: number
  /** The folder holding cert.pem, chain.pem, fullchain.pem and privkey.pem. */
  lineage: string
  notAfter: string | null
}

/**
 * The certificate a website serves, when one was issued; null otherwise. A renewal under way
 * or one that failed keeps the lineage and dates of the certificate the files still hold.
 */
export async function certificateForWebsite(
  tx: Tx,
  websiteId: number,
): Promise<IssuedCertificate | null> {
  const [row] = await tx.select().from(certificates).where(eq(certificates.websiteId, websiteId))
  if (!row || !row.lineage || !row.notAfter) return null
  return { certificateId: row.id, lineage: row.lineage, notAfter: row.notAfter }
}

export const splitNames = (names: string) => names.split(' ').filter(Boolean)

/** The moment before which a certificate's end makes it due, for `renewDays` days. */
export function dueBefore(now: Date, renewDays: number): string {
  return new Date(now.getTime() + renewDays * DAY_MS).toISOString()
}

type Joined = {
  certificate: typeof certificates.$inferSelect
  websiteName: string
  accountId: number
  accountUsername: string
}

function toRow({ certificate, ...owner }: Joined, now: Date, renewDays: number): CertificateRow {
  const { notAfter } = certificate
  const daysLeft = notAfter
    ? Math.trunc((new Date(notAfter).getTime() - now.getTime()) / DAY_MS)
    : null
  return {
    id: certificate.id,
    websiteId: certificate.websiteId,
    ...owner,
    names: splitNames(certificate.names),
    lineage: certificate.lineage,
    status: certificate.status as CertificateStatus,
    notBefore: certificate.notBefore,
    notAfter,
    daysLeft,
    due: notAfter !== null && notAfter <= dueBefore(now, renewDays),
    expired: notAfter !== null && notAfter <= now.toISOString(),
    lastError: certificate.lastError,
    version: certificate.version,
    updatedAt: certificate.updatedAt,
  }
}

const joinedColumns = {
  certificate: certificates,
  websiteName: websites.name,
  accountId: websites.accountId,
  accountUsername: accounts.username,
}

async function selectJoined(tx: Tx, where: SQL | undefined) {
  return tx
    .select(joinedColumns)
    .from(certificates)
    .innerJoin(websites, eq(websites.id, certificates.websiteId))
    .innerJoin(accounts, eq(accounts.id, websites.accountId))
    .where(where)
    .orderBy(asc(certificates.id))
}

/** Certificate rows by id, in the order asked, as the pages and the renewal see them. */
export async function certificateRows(
  tx: Tx,
  ids: readonly number[],
  now = new Date(),
): Promise<CertificateRow[]> {
  if (!ids.length) return []
  const renewDays = await settingValue(tx, 'CERTIFICATES_RENEW_DAYS')
  const rows = await selectJoined(tx, inArray(certificates.id, [...ids]))
  const order = new Map(ids.map((id, index) => [id, index]))
  return rows
    .map((row) => toRow(row, now, renewDays))
    .sort((a, b) => order.get(a.id)! - order.get(b.id)!)
}

export async function getCertificateDetail(tx: Tx, id: number): Promise<CertificateRow> {
  const [row] = await certificateRows(tx, [id])
  if (!row) throw AppError.notFound('Certificate', id)
  return row
}

/** The ids of the certificates the renewal takes now: issued ones ending within the days. */
export async function dueCertificateIds(tx: Tx, now = new Date()): Promise<number[]> {
  const renewDays = await settingValue(tx, 'CERTIFICATES_RENEW_DAYS')
  const rows = await tx
    .select({ id: certificates.id })
    .from(certificates)
    .where(
      and(isNotNull(certificates.notAfter), lte(certificates.notAfter, dueBefore(now, renewDays))),
    )
    .orderBy(asc(certificates.notAfter), asc(certificates.id))
  return rows.map((row) => row.id)
}

const SORT_COLUMNS = {
  notAfter: certificates.notAfter,
  name: certificates.names,
  website: websites.name,
  status: certificates.status,
  updatedAt: certificates.updatedAt,
} as const

export async function listCertificates(
  tx: Tx,
  input: CertificateListQuery,
  now = new Date(),
): Promise<Page<CertificateRow>> {
  const query = certificateListSchema.parse(input)
  const renewDays = await settingValue(tx, 'CERTIFICATES_RENEW_DAYS')
  const where = and(
    query.accountId !== undefined ? eq(websites.accountId, query.accountId) : undefined,
    query.dueOnly
      ? and(isNotNull(certificates.notAfter), lte(certificates.notAfter, dueBefore(now, renewDays)))
      : undefined,
    ...searchWords(query.q).map((word) =>
      or(
        contains(certificates.names, word),
        contains(websites.name, word),
        contains(accounts.username, word),
      ),
    ),
  )
  const [total] = await tx
    .select({ n: count() })
    .from(certificates)
    .innerJoin(websites, eq(websites.id, certificates.websiteId))
    .innerJoin(accounts, eq(accounts.id, websites.accountId))
    .where(where)
  const order = query.dir === 'asc' ? asc : desc
  const rows = await tx
    .select(joinedColumns)
    .from(certificates)
    .innerJoin(websites, eq(websites.id, certificates.websiteId))
    .innerJoin(accounts, eq(accounts.id, websites.accountId))
    .where(where)
    .orderBy(order(SORT_COLUMNS[query.sort]), asc(certificates.id))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize)
  return {
    rows: rows.map((row) => toRow(row, now, renewDays)),
    total: Number(total?.n ?? 0),
    page: query.page,
    pageSize: query.pageSize,
  }
}

/** A website's domain names, in name order. */
export async function websiteDomainNames(tx: Tx, websiteId: number): Promise<string[]> {
  const rows = await tx
    .select({ name: domains.name })
    .from(websiteDomains)
    .innerJoin(domains, eq(domains.id, websiteDomains.domainId))
    .where(eq(websiteDomains.websiteId, websiteId))
    .orderBy(asc(domains.name))
  return rows.map((row) => row.name)
}

/**
 * The folder HTTP-01 challenges are written to: the document root of the web app mounted at
 * "/" (spec 11 precondition). Null when nothing is mounted there.
 */
export async function webrootOfWebsite(tx: Tx, websiteId: number): Promise<string | null> {
  const [content] = await tx
    .select({ webappId: websiteContents.webappId })
    .from(websiteContents)
    .where(and(eq(websiteContents.websiteId, websiteId), eq(websiteContents.path, '/')))
  if (!content) return null
  const served = await loadServedWebapps(tx, [content.webappId])
  return served.get(content.webappId)?.documentRoot ?? null
}

/** Whether `name` is a single label under `*.parent`: `*.a.org` covers `x.a.org` only. */
export function coveredByWildcard(name: string, wildcard: string): boolean {
  const parent = wildcard.slice(2)
  if (!name.endsWith(`.${parent}`)) return false
  const label = name.slice(0, -parent.length - 1)
  return label.length > 0 && !label.includes('.')
}

export interface WebsiteForCertificate {
  id: number
  name: string
  accountId: number
  accountUsername: string
  accountEmail: string
  protocol: string
  /** Its own flag and its account's: a disabled site answers no challenge. */
  isActive: boolean
}

export async function websiteForCertificate(
  tx: Tx,
  websiteId: number,
): Promise<WebsiteForCertificate | undefined> {
  const [row] = await tx
    .select({
      id: websites.id,
      name: websites.name,
      accountId: websites.accountId,
      accountUsername: accounts.username,
      accountEmail: accounts.email,
      protocol: websites.protocol,
      isActive: websites.isActive,
      accountActive: accounts.isActive,
    })
    .from(websites)
    .innerJoin(accounts, eq(accounts.id, websites.accountId))
    .where(eq(websites.id, websiteId))
  if (!row) return undefined
  const { accountActive, ...website } = row
  return { ...website, isActive: website.isActive && accountActive }
}

/** What a website page shows of its certificate and whether one can be issued now. */
export async function websiteCertificate(tx: Tx, websiteId: number): Promise<WebsiteCertificate> {
  const website = await websiteForCertificate(tx, websiteId)
  if (!website) throw AppError.notFound('Website', websiteId)
  const [stored] = await tx
    .select({ id: certificates.id })
    .from(certificates)
    .where(eq(certificates.websiteId, websiteId))
  const all = await websiteDomainNames(tx, websiteId)
  const names = all.filter((name) => !checkCertificateName(name))
  const wildcards = all.filter((name) => name.startsWith('*.'))
  const webroot = await webrootOfWebsite(tx, websiteId)
  let blocker: string | null = null
  if (!website.isActive) {
    blocker = 'The website or its account is disabled: its web server answers no ACME challenge'
  } else if (!webroot) {
    blocker =
      'No web app is mounted at "/" on this website: the ACME challenge is written to its folder'
  } else if (!names.length) {
    blocker = 'The website has no domain a certificate can name (wildcards need a name under them)'
  }
  return {
    websiteId,
    certificate: stored ? await getCertificateDetail(tx, stored.id) : null,
    names,
    wildcards,
    webroot,
    blocker,
  }
}

/**
 * For the web server backends' `related` list: the website a certificate belongs to, so that
 * storing an issued certificate (or deleting one) sends its TLS virtual host again. A deleted
 * certificate is read from the snapshot its deletion recorded.
 */
export async function websitesOfCertificate(
  tx: Tx,
  certificateId: number,
  snapshot?: unknown,
): Promise<number[]> {
  const [row] = await tx
    .select({ websiteId: certificates.websiteId })
    .from(certificates)
    .where(eq(certificates.id, certificateId))
  const websiteId = row?.websiteId ?? (snapshot as { websiteId?: number } | undefined)?.websiteId
  return websiteId ? [websiteId] : []
}
