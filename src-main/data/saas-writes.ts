import { and, eq, inArray, like, ne, or } from 'drizzle-orm'
import type { z } from 'zod'
import { AppError } from '../../src-shared/errors'
import {
  type CustomUrl,
  parseCustomUrl,
  SAAS_CATALOGUE,
  type SaasData,
  type saasCreateSchema,
  type SaasService,
  type SaasTenant,
  type SaasTenantDetail,
  type saasUpdateSchema,
} from '../../src-shared/schemas/saas'
import { CUSTOM_URL_SETTING } from '../../src-shared/schemas/saas-settings'
import { accounts, domains, saasTenants } from '../db/schema'
import type { Tx } from '../db/store'
import type { WriteContext } from './context'
import { diffFields, recordHistory } from './history'
import { assertVersion } from './locking'
import { getSaasDetail, getSaasTenant } from './saas'
import { holdTenantPassword } from './saas-secrets'
import {
  mountCustomUrl,
  moveCustomUrl,
  type SaasWebsiteLink,
  unmountCustomUrl,
} from './saas-websites'
import { settingValue } from './settings'
import { deleteSqlDatabases } from './sql-writes'

type Create = z.output<typeof saasCreateSchema>
type Update = z.output<typeof saasUpdateSchema>

const invalid = (field: string, rule: string, message: string) =>
  AppError.validation([{ field, rule, message }])

async function assertAccount(tx: Tx, accountId: number): Promise<void> {
  const [row] = await tx
    .select({ id: accounts.id })
    .from(accounts)
    .where(eq(accounts.id, accountId))
  if (!row) throw invalid('accountId', 'exists', 'is not a known account')
}

/**
 * A custom URL as stored (spec 8.1): allowed by the service and its setting, of a scheme and
 * path the service takes, on a host that is a domain of the tenant's own account. Empty, or
 * the URL parsed, for its website (saas-websites.ts).
 */
async function checkCustomUrl(
  tx: Tx,
  service: SaasService,
  accountId: number,
  raw: string,
  selfId?: number,
): Promise<CustomUrl | undefined> {
  if (!raw.trim()) return undefined
  const { label, customUrl, customUrlRootOnly } = SAAS_CATALOGUE[service]
  const setting = CUSTOM_URL_SETTING[service]
  const allowed = customUrl && (!setting || (await settingValue(tx, setting)))
  if (!allowed) throw invalid('customUrl', 'not_allowed', `is not available on ${label}`)

  const parsed = parseCustomUrl(raw)
  if ('rule' in parsed) throw invalid('customUrl', parsed.rule, parsed.message)
  const { host, path } = parsed.ok
  if (customUrlRootOnly && path !== '/') {
    throw invalid('customUrl', 'root_only', `must be the root of its host (/) on ${label}`)
  }
  const [domain] = await tx
    .select({ accountId: domains.accountId })
    .from(domains)
    .where(eq(domains.name, host))
  if (!domain || domain.accountId !== accountId) {
    throw invalid('customUrl', 'account_domain', `${host} is not a domain of this account`)
  }
  // One tenant per location, whatever the scheme: two would claim the same farm link or map.
  // The farm and Moodle's site map go by host alone, so there the host is the location.
  const byHost = customUrlRootOnly || service === 'moodle'
  const same = [`http://${host}${path}`, `https://${host}${path}`]
  const location = byHost
    ? and(
        eq(saasTenants.service, service),
        or(
          like(saasTenants.customUrl, `http://${host}/%`),
          like(saasTenants.customUrl, `https://${host}/%`),
        ),
      )
    : inArray(saasTenants.customUrl, same)
  const [taken] = await tx
    .select({ id: saasTenants.id, name: saasTenants.name })
    .from(saasTenants)
    .where(and(location, ne(saasTenants.id, selfId ?? 0)))
  const where = byHost ? host : `${host}${path}`
  if (taken) throw invalid('customUrl', 'unique', `${where} is already ${taken.name}'s`)
  return parsed.ok
}

/** The ids main keeps in a tenant's data, which no user edit replaces. */
const OWN_FIELDS = ['blogId', 'userId', 'websiteId', 'websiteCreated'] as const

/** The user's fields over what the service and the panel stored of their own. */
function mergeData(stored: SaasData, given: SaasData | undefined): SaasData {
  if (!given) return stored
  const merged: SaasData = { ...given }
  for (const field of OWN_FIELDS) {
    if (stored[field] !== undefined) Object.assign(merged, { [field]: stored[field] })
  }
  return merged
}

/** The data without a website link, and with the link `found`, if any. */
function withWebsite(data: SaasData, found: SaasWebsiteLink): SaasData {
  const { websiteId: _id, websiteCreated: _created, ...rest } = data
  return { ...rest, ...found }
}

/**
 * A new tenant, its password held for the backends of this change only.
 *
 * TODO(#6): a phpList tenant should also get its database (SAAS_PHPLIST_DB_NAME) and bounces
 * mailbox in the provider's own account, with the shared phpList database user granted on it
 * (spec 8.2); there is no phpList backend to use them yet, so only the name's length is kept.
 */
export async function createSaasTenant(
  ctx: WriteContext,
  input: Create,
): Promise<SaasTenantDetail> {
  const { tx } = ctx
  await assertAccount(tx, input.accountId)
  const enabled = await settingValue(tx, 'SAAS_ENABLED_SERVICES')
  if (!enabled.includes(input.service)) {
    throw invalid('service', 'enabled', `${SAAS_CATALOGUE[input.service].label} is not enabled`)
  }
  const [taken] = await tx
    .select({ id: saasTenants.id })
    .from(saasTenants)
    .where(and(eq(saasTenants.service, input.service), eq(saasTenants.name, input.name)))
  if (taken) throw invalid('name', 'unique', `${input.name} already exists on this service`)
  const customUrl = await checkCustomUrl(tx, input.service, input.accountId, input.customUrl)
  const link = customUrl ? await mountCustomUrl(ctx, input, customUrl) : {}

  const [row] = await tx
    .insert(saasTenants)
    .values({
      service: input.service,
      name: input.name,
      accountId: input.accountId,
      isActive: input.isActive,
      data: JSON.stringify(withWebsite(input.data, link)),
      customUrl: customUrl?.url ?? '',
      createdAt: ctx.now,
      updatedAt: ctx.now,
    })
    .returning()
  const tenant = row!
  if (input.password !== undefined) holdTenantPassword(tx, tenant.id, input.password)
  await recordHistory(ctx, {
    objectType: 'saasTenant',
    objectId: tenant.id,
    accountId: tenant.accountId,
    objectRepr: `${tenant.name} (${input.service})`,
    action: 'added',
  })
  return getSaasDetail(tx, tenant.id)
}

export async function updateSaasTenant(
  ctx: WriteContext,
  input: Update,
): Promise<SaasTenantDetail> {
  const { tx } = ctx
  const before = await getSaasTenant(tx, input.id)
  assertVersion('SaaS tenant', before, input.version)
  const spec = SAAS_CATALOGUE[before.service]
  if (input.password !== undefined && spec.password === 'none') {
    throw invalid('password', 'not_for_service', `is not asked by ${spec.label}`)
  }
  let data = mergeData(before.data, input.data)
  checkDataFields(before.service, before.data, data, input.data !== undefined)
  const checked =
    input.customUrl === undefined
      ? undefined
      : await checkCustomUrl(tx, before.service, before.accountId, input.customUrl, before.id)
  const customUrl = input.customUrl === undefined ? before.customUrl : (checked?.url ?? '')
  if (customUrl !== before.customUrl) {
    const message = `Custom URL of SaaS tenant ${before.name} changed`
    const old = { customUrl: before.customUrl, link: before.data }
    data = withWebsite(data, await moveCustomUrl(ctx, before, old, checked, message))
  }
  const after: SaasTenant = {
    ...before,
    isActive: input.isActive ?? before.isActive,
    data,
    customUrl,
  }
  const changes = diffFields(before, after, ['isActive', 'data', 'customUrl'])
  if (input.password !== undefined) changes.push({ field: 'password', from: null, to: null })
  if (!changes.length) return getSaasDetail(tx, before.id)

  await tx
    .update(saasTenants)
    .set({
      isActive: after.isActive,
      data: JSON.stringify(after.data),
      customUrl,
      version: before.version + 1,
      updatedAt: ctx.now,
    })
    .where(eq(saasTenants.id, before.id))
  if (input.password !== undefined) holdTenantPassword(tx, before.id, input.password)
  await recordHistory(ctx, {
    objectType: 'saasTenant',
    objectId: before.id,
    accountId: before.accountId,
    objectRepr: `${before.name} (${before.service})`,
    action: 'changed',
    changes,
    ...(input.password !== undefined && { message: 'Password set' }),
  })
  return getSaasDetail(tx, before.id)
}

/** The fields of an edit: only those the service asks, the fixed ones as they were. */
function checkDataFields(service: SaasService, stored: SaasData, data: SaasData, given: boolean) {
  if (!given) return
  const { fields, fixedFields, label } = SAAS_CATALOGUE[service]
  for (const field of ['email', 'quota'] as const) {
    if (data[field] !== undefined && !fields.includes(field)) {
      throw invalid(`data.${field}`, 'not_for_service', `is not asked by ${label}`)
    }
    if (fixedFields.includes(field) && data[field] !== stored[field]) {
      throw invalid(`data.${field}`, 'read_only', 'cannot change once the tenant exists')
    }
  }
  if (fields.includes('email') && !data.email)
    throw invalid('data.email', 'required', 'is required')
}

/**
 * Deletes tenants; history first, while the backends can still read them. A tenant's own
 * database goes with it (spec 8.1).
 */
export async function deleteSaasTenants(
  ctx: WriteContext,
  ids: readonly number[],
  message = '',
): Promise<number> {
  for (const id of ids) {
    const tenant = await getSaasTenant(ctx.tx, id)
    const why = message || `Deleted with SaaS tenant ${tenant.name} (${tenant.service})`
    await unmountCustomUrl(ctx, tenant, tenant.customUrl, tenant.data, why)
    await recordHistory(ctx, {
      objectType: 'saasTenant',
      objectId: id,
      accountId: tenant.accountId,
      objectRepr: `${tenant.name} (${tenant.service})`,
      action: 'deleted',
      message,
      snapshot: tenant,
    })
    await ctx.tx.delete(saasTenants).where(eq(saasTenants.id, id))
    if (tenant.databaseId !== null) {
      await deleteSqlDatabases(ctx, [tenant.databaseId], `Deleted with SaaS tenant ${tenant.name}`)
    }
  }
  return ids.length
}
