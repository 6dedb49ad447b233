import { and, asc, count, desc, eq, gt, isNull, or, sql, type SQLWrapper } from 'drizzle-orm'
import { AppError, type FieldIssue } from '../../src-shared/errors'
import type { Page } from '../../src-shared/schemas/common'
import {
  serviceListSchema,
  type BillableModel,
  type RateAlgorithmValue,
  type Service,
  type ServiceCreateInput,
  type ServiceCreateValues,
  type ServiceListQuery,
  type ServiceRow,
  type serviceUpdateSchema,
} from '../../src-shared/schemas/billing-services'
import type { z } from 'zod'
import { tryServiceExpressions } from '../billing/expressions'
import {
  serviceIssues,
  withServiceDefaults,
  type ServiceDefinition,
  type ServiceSettings,
} from '../billing/service-rules'
import { orders, services } from '../db/schema'
import type { Tx } from '../db/store'
import { firstBillableObject } from './billable-objects'
import type { WriteContext } from './context'
import { diffFields, recordHistory } from './history'
import { assertVersion } from './locking'
import { orderMoment } from './order-clock'
import { settingValue } from './settings'
import { containsAnyCase } from './sql'

/**
 * Service definitions (spec billing 2): saved only when their expressions check against their
 * kind of object and run on its first stored object, and their choices agree with the settings;
 * every refusal names the field and the rule.
 */

type ServiceUpdate = z.output<typeof serviceUpdateSchema>

const FIELDS = [
  'description',
  'contentType',
  'match',
  'periodicUpdate',
  'handlerType',
  'isActive',
  'ignoreSuperusers',
  'billingPeriod',
  'billingPoint',
  'isFee',
  'orderDescription',
  'ignorePeriod',
  'metric',
  'metricThreshold',
  'metricThresholdRelative',
  'nominalPrice',
  'tax',
  'pricingPeriod',
  'rateAlgorithm',
  'onCancel',
  'paymentStyle',
] as const satisfies readonly (keyof Service)[]

export async function serviceSettings(tx: Tx): Promise<ServiceSettings> {
  return {
    SERVICES_SERVICE_TAXES: await settingValue(tx, 'SERVICES_SERVICE_TAXES'),
    SERVICES_SERVICE_DEFAULT_TAX: await settingValue(tx, 'SERVICES_SERVICE_DEFAULT_TAX'),
    SERVICES_DEFAULT_IGNORE_PERIOD: await settingValue(tx, 'SERVICES_DEFAULT_IGNORE_PERIOD'),
    SERVICES_SERVICE_ANUAL_BILLING_MONTH: await settingValue(
      tx,
      'SERVICES_SERVICE_ANUAL_BILLING_MONTH',
    ),
    SERVICES_IGNORE_ACCOUNT_TYPE: (await settingValue(
      tx,
      'SERVICES_IGNORE_ACCOUNT_TYPE',
    )) as ServiceSettings['SERVICES_IGNORE_ACCOUNT_TYPE'],
    PLANS_RATE_METHODS: (await settingValue(tx, 'PLANS_RATE_METHODS')) as RateAlgorithmValue[],
    PLANS_DEFAULT_RATE_METHOD: await settingValue(tx, 'PLANS_DEFAULT_RATE_METHOD'),
  }
}

function toService(row: typeof services.$inferSelect): Service {
  return {
    ...row,
    contentType: row.contentType as BillableModel,
    handlerType: row.handlerType as Service['handlerType'],
  }
}

export async function getService(tx: Tx, id: number): Promise<Service> {
  const [row] = await tx.select().from(services).where(eq(services.id, id))
  if (!row) throw AppError.notFound('Service', id)
  return toService(row)
}

// --- Reads -------------------------------------------------------------------------------------

/** The services, each with its orders active at `now` (spec 2.3). */
export async function listServices(
  tx: Tx,
  input: ServiceListQuery,
  now: string,
): Promise<Page<ServiceRow>> {
  const query = serviceListSchema.parse(input)
  const today = (await orderMoment(tx, now)).today
  const where = and(
    query.q ? containsAnyCase(tx, services.description, query.q) : undefined,
    query.contentType ? eq(services.contentType, query.contentType) : undefined,
    query.active !== undefined ? eq(services.isActive, query.active) : undefined,
  )
  const activeOrders = count(orders.id)
  const order = query.dir === 'desc' ? desc : asc
  const sortBy: Record<typeof query.sort, SQLWrapper> = {
    description: services.description,
    contentType: services.contentType,
    // Text amounts sort as numbers only once cast.
    nominalPrice: sql`cast(${services.nominalPrice} as numeric)`,
    activeOrders: sql`count(${orders.id})`,
  }
  const [total] = await tx.select({ n: count() }).from(services).where(where)
  const rows = await tx
    .select({ service: services, activeOrders })
    .from(services)
    .leftJoin(
      orders,
      and(
        eq(orders.serviceId, services.id),
        or(isNull(orders.cancelledOn), gt(orders.cancelledOn, today)),
      ),
    )
    .where(where)
    .groupBy(services.id)
    .orderBy(order(sortBy[query.sort]), asc(services.id))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize)
  return {
    rows: rows.map((row) => ({
      ...toService(row.service),
      activeOrders: Number(row.activeOrders),
    })),
    total: Number(total?.n ?? 0),
    page: query.page,
    pageSize: query.pageSize,
  }
}

/** "Clone" (spec 2.3): a new service's form, prefilled with every field of this one. */
export async function cloneServiceInput(tx: Tx, id: number): Promise<ServiceCreateInput> {
  const service = await getService(tx, id)
  const input = Object.fromEntries(FIELDS.map((field) => [field, service[field]]))
  // The description is unique: the copy is named apart, for the operator to rename.
  return { ...(input as ServiceCreateInput), description: `${service.description} (copy)` }
}

// --- Writes ------------------------------------------------------------------------------------

/** Every rule of a definition, the expressions also run on the first object of its kind. */
async function definitionIssues(tx: Tx, definition: ServiceDefinition, excludeId?: number) {
  const issues: FieldIssue[] = serviceIssues(definition, await serviceSettings(tx))
  const [taken] = await tx
    .select({ id: services.id })
    .from(services)
    .where(eq(services.description, definition.description))
  if (taken && taken.id !== excludeId) {
    issues.push({
      field: 'description',
      rule: 'unique',
      message: `"${definition.description}" is already a service`,
    })
  }
  if (!issues.some((issue) => ['match', 'metric', 'orderDescription'].includes(issue.field))) {
    const sample = await firstBillableObject(tx, definition.contentType)
    if (sample) issues.push(...tryServiceExpressions(definition, sample.values))
  }
  return issues
}

export async function createService(
  ctx: WriteContext,
  values: ServiceCreateValues,
): Promise<Service> {
  const definition = withServiceDefaults(values, await serviceSettings(ctx.tx))
  const issues = await definitionIssues(ctx.tx, definition)
  if (issues.length) throw AppError.validation(issues)
  const [row] = await ctx.tx
    .insert(services)
    .values({ ...definition, createdAt: ctx.now, updatedAt: ctx.now })
    .returning()
  await recordHistory(ctx, {
    objectType: 'service',
    objectId: row!.id,
    accountId: null,
    objectRepr: row!.description,
    action: 'added',
  })
  return toService(row!)
}

/**
 * A partial update, its rules checked on the merged definition. Its orders are not touched:
 * "update orders" brings them in line, as a job, when the operator asks.
 */
export async function updateService(ctx: WriteContext, input: ServiceUpdate): Promise<Service> {
  const { id, version, ...fields } = input
  const before = await getService(ctx.tx, id)
  assertVersion('Service', before, version)
  const merged: ServiceDefinition = { ...before, ...fields }
  if (fields.contentType && fields.contentType !== before.contentType) {
    const [used] = await ctx.tx.select({ n: count() }).from(orders).where(eq(orders.serviceId, id))
    if (Number(used?.n ?? 0) > 0) {
      throw AppError.validation([
        { field: 'contentType', rule: 'in_use', message: 'cannot change once it has orders' },
      ])
    }
  }
  const issues = await definitionIssues(ctx.tx, merged, id)
  if (issues.length) throw AppError.validation(issues)
  await ctx.tx
    .update(services)
    .set({ ...fields, version: version + 1, updatedAt: ctx.now })
    .where(and(eq(services.id, id), eq(services.version, version)))
  const after = await getService(ctx.tx, id)
  const changes = diffFields(before, after, FIELDS)
  if (changes.length) {
    const onlyActive = changes.length === 1 && changes[0]!.field === 'isActive'
    await recordHistory(ctx, {
      objectType: 'service',
      objectId: id,
      accountId: null,
      objectRepr: after.description,
      action: onlyActive ? (after.isActive ? 'enabled' : 'disabled') : 'changed',
      changes,
    })
  }
  return after
}

/** Refused once it has orders: they and their bill lines name it. */
export async function deleteService(ctx: WriteContext, id: number): Promise<number> {
  const service = await getService(ctx.tx, id)
  const [used] = await ctx.tx.select({ n: count() }).from(orders).where(eq(orders.serviceId, id))
  const n = Number(used?.n ?? 0)
  if (n > 0) {
    throw new AppError({
      code: 'FORBIDDEN',
      message: `${service.description} has ${n} orders: disable it instead`,
    })
  }
  await recordHistory(ctx, {
    objectType: 'service',
    objectId: id,
    accountId: null,
    objectRepr: service.description,
    action: 'deleted',
    snapshot: service,
  })
  await ctx.tx.delete(services).where(eq(services.id, id))
  return 1
}
