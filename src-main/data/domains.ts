import { and, asc, count, desc, eq, inArray, isNull, or, sql, type SQL } from 'drizzle-orm'
import { AppError } from '../../src-shared/errors'
import type { Page } from '../../src-shared/schemas/common'
import {
  domainListSchema,
  type Domain,
  type DomainDetail,
  type DomainListQuery,
  type DomainRecord,
  type DomainRow,
} from '../../src-shared/schemas/domains'
import { accounts, domainRecords, domains } from '../db/schema'
import type { Tx } from '../db/store'
import {
  defaultRecords,
  renderZoneLines,
  type ZoneDefaults,
  type ZoneDomain,
  type ZoneLine,
} from '../domains/zone'
import { settingValue } from './settings'
import { containsName, searchWords } from './sql'

type DomainRecordRow = typeof domains.$inferSelect

export function toDomain(row: DomainRecordRow): Domain {
  // PostgreSQL hands a bigint over as text.
  return { ...row, serial: Number(row.serial) }
}

export async function getDomain(tx: Tx, id: number): Promise<Domain> {
  const [row] = await tx.select().from(domains).where(eq(domains.id, id))
  if (!row) throw AppError.notFound('Domain', id)
  return toDomain(row)
}

export async function listDomainRecords(tx: Tx, domainId: number): Promise<DomainRecord[]> {
  return tx
    .select({ type: domainRecords.type, value: domainRecords.value, ttl: domainRecords.ttl })
    .from(domainRecords)
    .where(eq(domainRecords.domainId, domainId))
    .orderBy(asc(domainRecords.position))
}

/** The settings every zone is written with, read once per zone. */
export async function zoneDefaults(tx: Tx): Promise<ZoneDefaults> {
  const [nameServer, hostmaster, ttl, refresh, retry, expire, minTtl, a, aaaa, mx, ns] =
    await Promise.all([
      settingValue(tx, 'DOMAINS_DEFAULT_NAME_SERVER'),
      settingValue(tx, 'DOMAINS_DEFAULT_HOSTMASTER'),
      settingValue(tx, 'DOMAINS_DEFAULT_TTL'),
      settingValue(tx, 'DOMAINS_DEFAULT_REFRESH'),
      settingValue(tx, 'DOMAINS_DEFAULT_RETRY'),
      settingValue(tx, 'DOMAINS_DEFAULT_EXPIRE'),
      settingValue(tx, 'DOMAINS_DEFAULT_MIN_TTL'),
      settingValue(tx, 'DOMAINS_DEFAULT_A'),
      settingValue(tx, 'DOMAINS_DEFAULT_AAAA'),
      settingValue(tx, 'DOMAINS_DEFAULT_MX'),
      settingValue(tx, 'DOMAINS_DEFAULT_NS'),
    ])
  return { nameServer, hostmaster, ttl, refresh, retry, expire, minTtl, a, aaaa, mx, ns }
}

/** The zone of an origin as stored now: the origin, its subdomains and their records. */
export async function loadZoneLines(tx: Tx, originId: number): Promise<ZoneLine[]> {
  const members = (
    await tx
      .select()
      .from(domains)
      .where(or(eq(domains.id, originId), eq(domains.topId, originId)))
      .orderBy(asc(domains.id))
  ).map(toDomain)
  const records = await tx
    .select()
    .from(domainRecords)
    .where(
      inArray(
        domainRecords.domainId,
        members.map((m) => m.id),
      ),
    )
    .orderBy(asc(domainRecords.domainId), asc(domainRecords.position))
  const zoneDomain = (domain: Domain): ZoneDomain => ({
    ...domain,
    records: records
      .filter((record) => record.domainId === domain.id)
      .map(({ type, value, ttl }) => ({ type, value, ttl })),
  })
  const origin = members.find((m) => m.id === originId)
  if (!origin) throw AppError.notFound('Domain', originId)
  const subdomains = members.filter((m) => m.id !== originId).map(zoneDomain)
  return renderZoneLines(zoneDomain(origin), subdomains, await zoneDefaults(tx))
}

export const zoneText = (lines: readonly ZoneLine[]) =>
  `${lines.map((line) => line.text.trimEnd()).join('\n')}\n`

export const originOf = (domain: Pick<Domain, 'id' | 'topId'>) => domain.topId ?? domain.id

export async function getDomainDetail(tx: Tx, id: number): Promise<DomainDetail> {
  const domain = await getDomain(tx, id)
  const records = await listDomainRecords(tx, id)
  const isTop = domain.topId === null
  const implicit = defaultRecords({ ...domain, records }, isTop, await zoneDefaults(tx))
  return { domain, records, implicit, zone: zoneText(await loadZoneLines(tx, originOf(domain))) }
}

/** What a search word is looked for in: the stored `xn--` name and the name as typed. */
export const DOMAIN_SEARCH_TEXT = sql`(${domains.name} || ' ' || ${domains.displayName})`
/** Names sort as they read, so `www.cafè.cat` follows `cafè.cat` (rows from before it: ASCII). */
const DOMAIN_SORT_NAME = sql`coalesce(nullif(${domains.displayName}, ''), ${domains.name})`

export async function listDomains(tx: Tx, input: DomainListQuery): Promise<Page<DomainRow>> {
  const query = domainListSchema.parse(input)
  const filters: (SQL | undefined)[] = [
    query.accountId !== undefined ? eq(domains.accountId, query.accountId) : undefined,
    query.topId !== undefined ? eq(domains.topId, query.topId) : undefined,
    query.topOnly ? isNull(domains.topId) : undefined,
    ...searchWords(query.q).map((word) => containsName(DOMAIN_SEARCH_TEXT, word)),
  ]
  const where = and(...filters)
  const [totalRow] = await tx.select({ n: count() }).from(domains).where(where)
  const rows = await tx
    .select({ domain: domains, accountUsername: accounts.username })
    .from(domains)
    .innerJoin(accounts, eq(accounts.id, domains.accountId))
    .where(where)
    .orderBy((query.dir === 'asc' ? asc : desc)(DOMAIN_SORT_NAME), asc(domains.id))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize)
  const ids = rows.map((r) => r.domain.id)
  const topIds = rows.map((r) => r.domain.topId).filter((id): id is number => id !== null)
  const counts = ids.length
    ? await tx
        .select({ id: domainRecords.domainId, n: count() })
        .from(domainRecords)
        .where(inArray(domainRecords.domainId, ids))
        .groupBy(domainRecords.domainId)
    : []
  const tops = topIds.length
    ? await tx
        .select({ id: domains.id, name: domains.name })
        .from(domains)
        .where(inArray(domains.id, topIds))
    : []
  return {
    rows: rows.map(({ domain, accountUsername }) => ({
      ...toDomain(domain),
      accountUsername,
      topName: tops.find((top) => top.id === domain.topId)?.name ?? null,
      recordCount: Number(counts.find((c) => c.id === domain.id)?.n ?? 0),
    })),
    total: Number(totalRow?.n ?? 0),
    page: query.page,
    pageSize: query.pageSize,
  }
}
