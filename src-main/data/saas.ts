import { and, asc, count, desc, eq, type SQL } from 'drizzle-orm'
import { AppError } from '../../src-shared/errors'
import type { Page } from '../../src-shared/schemas/common'
import {
  saasListSchema,
  type SaasData,
  type SaasListQuery,
  type SaasService,
  type SaasTenant,
  type SaasTenantDetail,
  type SaasTenantRow,
} from '../../src-shared/schemas/saas'
import { domainSettingOf, fillDomainTemplate } from '../../src-shared/schemas/saas-settings'
import { accounts, saasTenants, websites } from '../db/schema'
import type { Tx } from '../db/store'
import { settingValue } from './settings'
import { contains, searchWords } from './sql'

/** Reads of SaaS tenants (spec 8). */

export type SaasRecord = typeof saasTenants.$inferSelect

export function toSaasTenant(row: SaasRecord): SaasTenant {
  return { ...row, service: row.service as SaasService, data: JSON.parse(row.data) as SaasData }
}

export async function getSaasTenant(tx: Tx, id: number): Promise<SaasTenant> {
  const [row] = await tx.select().from(saasTenants).where(eq(saasTenants.id, id))
  if (!row) throw AppError.notFound('SaaS tenant', id)
  return toSaasTenant(row)
}

/** Where a tenant answers, by its service's domain template of now (spec 8.1). */
export async function siteDomainOf(tx: Tx, service: SaasService, name: string): Promise<string> {
  const template = await settingValue(tx, domainSettingOf(service))
  const base = await settingValue(tx, 'ORCHESTRA_BASE_DOMAIN')
  return fillDomainTemplate(template, name, base)
}

async function toRow(
  tx: Tx,
  tenant: SaasTenant,
  account: { username: string; isActive: boolean },
): Promise<SaasTenantRow> {
  return {
    ...tenant,
    accountUsername: account.username,
    siteDomain: await siteDomainOf(tx, tenant.service, tenant.name),
    effectiveActive: tenant.isActive && account.isActive,
  }
}

export async function getSaasDetail(tx: Tx, id: number): Promise<SaasTenantDetail> {
  const tenant = await getSaasTenant(tx, id)
  const [account] = await tx
    .select({ username: accounts.username, isActive: accounts.isActive })
    .from(accounts)
    .where(eq(accounts.id, tenant.accountId))
  if (!account) throw AppError.notFound('Account', tenant.accountId)
  return { tenant: await toRow(tx, tenant, account), website: await websiteOf(tx, tenant) }
}

/** The website a custom URL is served by; none once it was deleted on its own. */
async function websiteOf(tx: Tx, tenant: SaasTenant): Promise<SaasTenantDetail['website']> {
  const { websiteId, websiteCreated } = tenant.data
  if (!tenant.customUrl || websiteId === undefined) return null
  const [row] = await tx
    .select({ id: websites.id, name: websites.name })
    .from(websites)
    .where(eq(websites.id, websiteId))
  return row ? { ...row, created: websiteCreated === true } : null
}

export async function listSaasTenants(tx: Tx, input: SaasListQuery): Promise<Page<SaasTenantRow>> {
  const query = saasListSchema.parse(input)
  const filters: (SQL | undefined)[] = [
    query.service !== undefined ? eq(saasTenants.service, query.service) : undefined,
    query.accountId !== undefined ? eq(saasTenants.accountId, query.accountId) : undefined,
    ...searchWords(query.q).map((word) => contains(saasTenants.name, word)),
  ]
  const where = and(...filters)
  const [total] = await tx.select({ n: count() }).from(saasTenants).where(where)
  const rows = await tx
    .select({
      tenant: saasTenants,
      username: accounts.username,
      accountActive: accounts.isActive,
    })
    .from(saasTenants)
    .innerJoin(accounts, eq(accounts.id, saasTenants.accountId))
    .where(where)
    .orderBy((query.dir === 'asc' ? asc : desc)(saasTenants.name), asc(saasTenants.service))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize)
  const result: SaasTenantRow[] = []
  for (const row of rows) {
    const account = { username: row.username, isActive: row.accountActive }
    result.push(await toRow(tx, toSaasTenant(row.tenant), account))
  }
  return { rows: result, total: Number(total?.n ?? 0), page: query.page, pageSize: query.pageSize }
}

/** Every tenant of an account, oldest first. */
export async function accountTenants(tx: Tx, accountId: number): Promise<SaasTenant[]> {
  const rows = await tx
    .select()
    .from(saasTenants)
    .where(eq(saasTenants.accountId, accountId))
    .orderBy(asc(saasTenants.id))
  return rows.map(toSaasTenant)
}
