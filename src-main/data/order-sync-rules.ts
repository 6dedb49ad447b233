import { and, asc, eq, gt, inArray, isNull, or } from 'drizzle-orm'
import type { BillableModel } from '../../src-shared/schemas/billing-services'
import type { ObjectType } from '../../src-shared/schemas/history'
import { BILLABLE_MODEL_SPECS, objectText } from '../billing/billable-models'
import { compileServiceExpressions, type CompiledService } from '../billing/expressions'
import type { MetricThreshold } from '../billing/metric-storage'
import { money, type Money } from '../billing/money'
import { inTrial } from '../billing/periods'
import type { ServiceSettings } from '../billing/service-rules'
import { orders, services } from '../db/schema'
import type { Tx } from '../db/store'
import type { BillableObject } from './billable-objects'
import { settingValue } from './settings'

/**
 * What order synchronisation (order-sync.ts) decides by: which services and orders an object
 * has, the settings it reads, and what a service's expressions make of the object.
 */

export type ServiceRecord = typeof services.$inferSelect
export type OrderRecord = typeof orders.$inferSelect
export type SyncAction = 'create' | 'update' | 'cancel' | 'error'

/** What synchronising one object does (or, in a dry run, would do) under one service. */
export interface SyncDecision {
  serviceId: number
  objectId: number
  objectRepr: string
  action: SyncAction
  orderId: number | null
  /** For an error: why the service's expressions failed on the object. */
  message?: string
}

/** The longest object text an order keeps (content_object_repr). */
const REPR_MAX = 256

// --- Models and services -----------------------------------------------------------------------

/** The billable model of a history object type; contracted plans are billable by their own. */
export function billableModelOf(objectType: ObjectType): BillableModel | undefined {
  if (objectType === 'contractedPlan') return 'contractedplan'
  const entry = Object.entries(BILLABLE_MODEL_SPECS).find(
    ([, spec]) => spec.objectType === objectType,
  )
  return entry?.[0] as BillableModel | undefined
}

const compiled = new Map<string, CompiledService>()

/**
 * A service's expressions, compiled once per text: keyed by what they are compiled from, not
 * by the service's id, which another database (a switch, a copy) gives to another service.
 */
export function compiledService(service: ServiceRecord): CompiledService {
  const expressions = { ...service, contentType: service.contentType as BillableModel }
  const key = JSON.stringify([
    expressions.contentType,
    expressions.match,
    expressions.metric,
    expressions.orderDescription,
    expressions.description,
    expressions.nominalPrice,
    expressions.billingPeriod,
    expressions.pricingPeriod,
    expressions.isFee,
  ])
  let found = compiled.get(key)
  if (!found) {
    found = compileServiceExpressions(expressions)
    // A bound on what a long session of edits can keep.
    if (compiled.size >= 500) compiled.clear()
    compiled.set(key, found)
  }
  return found
}

export async function activeServicesOf(tx: Tx, model: BillableModel): Promise<ServiceRecord[]> {
  return tx
    .select()
    .from(services)
    .where(and(eq(services.contentType, model), eq(services.isActive, true)))
    .orderBy(asc(services.id))
}

/** Orders still running on `today`: not cancelled, or cancelled in the future. */
export function activeOn(today: string) {
  return or(isNull(orders.cancelledOn), gt(orders.cancelledOn, today))
}

export async function activeOrdersOf(
  tx: Tx,
  model: BillableModel,
  objectIds: readonly number[],
  today: string,
) {
  if (objectIds.length === 0) return []
  return tx
    .select()
    .from(orders)
    .where(
      and(eq(orders.contentType, model), inArray(orders.objectId, [...objectIds]), activeOn(today)),
    )
    .orderBy(asc(orders.id))
}

// --- Rules -------------------------------------------------------------------------------------

export interface SyncSettings {
  privileged: Pick<ServiceSettings, 'SERVICES_IGNORE_ACCOUNT_TYPE'>
  metricError: Money
}

export async function syncSettings(tx: Tx): Promise<SyncSettings> {
  const kinds = await settingValue(tx, 'SERVICES_IGNORE_ACCOUNT_TYPE')
  return {
    privileged: {
      SERVICES_IGNORE_ACCOUNT_TYPE: kinds as ServiceSettings['SERVICES_IGNORE_ACCOUNT_TYPE'],
    },
    metricError: money(await settingValue(tx, 'ORDERS_METRIC_ERROR')),
  }
}

export function thresholdOf(service: ServiceRecord, settings: SyncSettings): MetricThreshold {
  if (service.metricThreshold === null) return { amount: settings.metricError, relative: false }
  return { amount: money(service.metricThreshold), relative: service.metricThresholdRelative }
}

/** An order's fields after its cancellation today: ignored when it was still in its trial. */
export function cancellation(
  order: OrderRecord,
  service: ServiceRecord | undefined,
  today: string,
) {
  const trial = service !== undefined && inTrial(order, service.ignorePeriod, today)
  return { cancelledOn: today, ignore: order.ignore || trial }
}

// --- Evaluation --------------------------------------------------------------------------------

/** What a service makes of one object; null when the object no longer exists. */
export interface Evaluation {
  matches: boolean
  metric: Money | null
  description: string
  repr: string
}

export function evaluate(service: ServiceRecord, model: BillableModel, object: BillableObject) {
  const expressions = compiledService(service)
  const matches = expressions.matches(object.values)
  const evaluation: Evaluation = {
    matches,
    metric: matches && expressions.metric ? expressions.metric(object.values) : null,
    description: matches ? expressions.description(object.values) : '',
    repr: [...objectText(model, object.values)].slice(0, REPR_MAX).join(''),
  }
  return evaluation
}
