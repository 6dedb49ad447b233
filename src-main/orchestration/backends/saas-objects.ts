import { eq } from 'drizzle-orm'
import { parseCustomUrl, type SaasService } from '../../../src-shared/schemas/saas'
import { unixPasswordHash } from '../../core/passwords'
import { getSaasTenant, siteDomainOf } from '../../data/saas'
import { heldTenantPassword } from '../../data/saas-secrets'
import { accounts } from '../../db/schema'
import type { Tx } from '../../db/store'

/** What the SaaS backends read of a tenant. */
export interface TenantObject {
  id: number
  service: SaasService
  name: string
  accountId: number
  accountUsername: string
  accountEmail: string
  /** Own flag and the account's. */
  isActive: boolean
  siteDomain: string
  /** The custom URL as stored (`https://host/path/`) and its host, or empty. */
  customUrl: string
  customHost: string
  /**
   * A SHA-512 crypt hash of the password given in this change, or undefined. Not enumerable,
   * so a delete snapshot (stored as JSON) can never carry it.
   */
  readonly passwordHash?: string
}

export async function loadTenant(tx: Tx, id: number): Promise<TenantObject | undefined> {
  const tenant = await getSaasTenant(tx, id).catch(() => undefined)
  if (!tenant) return undefined
  const [account] = await tx
    .select({ username: accounts.username, email: accounts.email, isActive: accounts.isActive })
    .from(accounts)
    .where(eq(accounts.id, tenant.accountId))
  if (!account) return undefined
  const parsed = tenant.customUrl ? parseCustomUrl(tenant.customUrl) : undefined
  const object: TenantObject = {
    id: tenant.id,
    service: tenant.service,
    name: tenant.name,
    accountId: tenant.accountId,
    accountUsername: account.username,
    accountEmail: account.email,
    isActive: tenant.isActive && account.isActive,
    siteDomain: await siteDomainOf(tx, tenant.service, tenant.name),
    customUrl: tenant.customUrl,
    customHost: parsed && 'ok' in parsed ? parsed.ok.host : '',
  }
  const password = heldTenantPassword(tx, id)
  if (password !== undefined) {
    const passwordHash = await unixPasswordHash(password)
    Object.defineProperty(object, 'passwordHash', { value: passwordHash, enumerable: false })
  }
  return object
}

export const tenantMatch = {
  fields: {
    id: 'int',
    service: 'string',
    name: 'string',
    accountId: 'int',
    isActive: 'bool',
  } as const,
  values: (tenant: TenantObject) => ({
    id: tenant.id,
    service: tenant.service,
    name: tenant.name,
    accountId: tenant.accountId,
    isActive: tenant.isActive,
  }),
}

/** The parts every SaaS backend shares; `service` picks its tenants by default. */
export const tenantBackend = (service: SaasService) =>
  ({
    model: 'saasTenant',
    declaredActions: ['save', 'delete'],
    defaultRouteMatch: `instance.service == "${service}"`,
    executable: '/bin/bash',
    timeoutMs: 120_000,
    load: loadTenant,
    repr: (tenant: TenantObject) => `${tenant.name} (${tenant.service})`,
    matchFields: tenantMatch.fields,
    matchValues: tenantMatch.values,
  }) as const
