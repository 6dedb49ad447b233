import { and, asc, eq, gt, inArray, isNull, or } from 'drizzle-orm'
import type { BillableModel } from '../../src-shared/schemas/billing-services'
import type { ObjectType } from '../../src-shared/schemas/history'
import { BILLABLE_MODEL_SPECS, objectText } from '../billing/billable-models'
import { compileServiceExpressions, type CompiledService } from '../billing/expressions'
import type { MetricMoment, MetricThreshold } from '../billing/metric-storage'
import { money, type Money } from '../billing/money'
import { inTrial } from '../billing/periods'
import { isPrivilegedAccount, type ServiceSettings } from '../billing/service-rules'
import { scopedLogger } from '../core/logger'
import { orders, services } from '../db/schema'
import type { Tx } from '../db/store'
import { loadBillableObjects, type BillableObject } from './billable-objects'
import type { ChangeEvent } from './context'
import { orderMoment } from './order-clock'
import { orderMetricRows, storeOrderMetric, toMetricRows } from './order-metrics'
import { settingValue } from './settings'

/**
 * Order synchronisation (spec billing 4.1): after an object changes, each active service of
 * its kind decides whether it bills it. A match with no active order creates one; a match
 * refreshes the order's metric, description and text; no match (or a deleted object) cancels
 * the active order, ignoring it when cancelled within the service's trial period.
 */

const log = scopedLogger('orders')

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
function compiledService(service: ServiceRecord): CompiledService {
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
function activeOn(today: string) {
  return or(isNull(orders.cancelledOn), gt(orders.cancelledOn, today))
}

async function activeOrdersOf(
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

interface SyncSettings {
  privileged: Pick<ServiceSettings, 'SERVICES_IGNORE_ACCOUNT_TYPE'>
  metricError: Money
}

async function syncSettings(tx: Tx): Promise<SyncSettings> {
  const kinds = await settingValue(tx, 'SERVICES_IGNORE_ACCOUNT_TYPE')
  return {
    privileged: {
      SERVICES_IGNORE_ACCOUNT_TYPE: kinds as ServiceSettings['SERVICES_IGNORE_ACCOUNT_TYPE'],
    },
    metricError: money(await settingValue(tx, 'ORDERS_METRIC_ERROR')),
  }
}

function thresholdOf(service: ServiceRecord, settings: SyncSettings): MetricThreshold {
  if (service.metricThreshold === null) return { amount: settings.metricError, relative: false }
  return { amount: money(service.metricThreshold), relative: service.metricThresholdRelative }
}

/** An order's fields after its cancellation today: ignored when it was still in its trial. */
function cancellation(order: OrderRecord, service: ServiceRecord | undefined, today: string) {
  const trial = service !== undefined && inTrial(order, service.ignorePeriod, today)
  return { cancelledOn: today, ignore: order.ignore || trial }
}

// --- Evaluation --------------------------------------------------------------------------------

/** What a service makes of one object; null when the object no longer exists. */
interface Evaluation {
  matches: boolean
  metric: Money | null
  description: string
  repr: string
}

function evaluate(service: ServiceRecord, model: BillableModel, object: BillableObject) {
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

// --- Synchronisation ---------------------------------------------------------------------------

export interface SyncOptions {
  /** Only decide and report: nothing is written. */
  dryRun?: boolean
  /** Only these services (an "update orders" of one service); else every active one. */
  services?: readonly ServiceRecord[]
}

interface SyncRun {
  tx: Tx
  model: BillableModel
  moment: MetricMoment
  settings: SyncSettings
  dryRun: boolean
  decisions: SyncDecision[]
}

/**
 * Synchronises the orders of some objects of one model, the unit of work's `now` giving
 * today's date in the installation's zone. Objects that no longer exist have their active
 * orders cancelled, under every service (spec 4.1: deletion cancels all its active orders).
 */
export async function syncOrdersForObjects(
  tx: Tx,
  model: BillableModel,
  objectIds: readonly number[],
  now: string,
  options: SyncOptions = {},
): Promise<SyncDecision[]> {
  const active = options.services ?? (await activeServicesOf(tx, model))
  const moment = await orderMoment(tx, now)
  const existing = await activeOrdersOf(tx, model, objectIds, moment.today)
  if (active.length === 0 && existing.length === 0) return []

  const run: SyncRun = {
    tx,
    model,
    moment,
    settings: await syncSettings(tx),
    dryRun: options.dryRun ?? false,
    decisions: [],
  }
  const objects = new Map(
    (await loadBillableObjects(tx, model, objectIds)).map((object) => [object.id, object]),
  )
  for (const objectId of objectIds) {
    const object = objects.get(objectId)
    const ordersOf = existing.filter((order) => order.objectId === objectId)
    if (object) {
      for (const service of active) {
        const order = ordersOf.find((candidate) => candidate.serviceId === service.id)
        await syncOne(run, service, object, order)
      }
    } else {
      await cancelOrphans(run, ordersOf, options.services)
    }
  }
  return run.decisions
}

/** One object's orders; see syncOrdersForObjects. */
export async function syncOrdersForObject(
  tx: Tx,
  model: BillableModel,
  objectId: number,
  now: string,
  options: SyncOptions = {},
): Promise<SyncDecision[]> {
  return syncOrdersForObjects(tx, model, [objectId], now, options)
}

async function syncOne(
  run: SyncRun,
  service: ServiceRecord,
  object: BillableObject,
  order: OrderRecord | undefined,
) {
  const decision = (action: SyncAction, orderId: number | null, repr: string, message?: string) =>
    run.decisions.push({
      serviceId: service.id,
      objectId: object.id,
      objectRepr: repr,
      action,
      orderId,
      ...(message !== undefined && { message }),
    })
  let evaluation: Evaluation
  try {
    evaluation = evaluate(service, run.model, object)
  } catch (error) {
    // One service's failing rule must not stop the object's save; the order waits for it.
    const message = error instanceof Error ? error.message : String(error)
    log.warn(`Service ${service.id} failed on ${run.model} ${object.id}: ${message}`)
    decision('error', order?.id ?? null, objectText(run.model, object.values), message)
    return
  }

  if (!evaluation.matches) {
    if (!order) return
    if (!run.dryRun) await cancelOrder(run, order, service)
    decision('cancel', order.id, evaluation.repr)
    return
  }
  if (!order) {
    const id = run.dryRun ? null : await createOrder(run, service, object, evaluation)
    decision('create', id, evaluation.repr)
    return
  }
  if (await updateOrder(run, service, order, evaluation)) {
    decision('update', order.id, evaluation.repr)
  }
}

async function createOrder(
  run: SyncRun,
  service: ServiceRecord,
  object: BillableObject,
  evaluation: Evaluation,
): Promise<number> {
  const [row] = await run.tx
    .insert(orders)
    .values({
      accountId: object.account.id,
      serviceId: service.id,
      contentType: run.model,
      objectId: object.id,
      contentObjectRepr: evaluation.repr,
      registeredOn: run.moment.today,
      ignore: isPrivilegedAccount(service, object.account, run.settings.privileged),
      description: evaluation.description,
      createdAt: run.moment.instant,
      updatedAt: run.moment.instant,
    })
    .returning({ id: orders.id })
  if (evaluation.metric !== null) {
    const threshold = thresholdOf(service, run.settings)
    await storeOrderMetric(run.tx, row!.id, evaluation.metric, run.moment, threshold)
  }
  return row!.id
}

/** Whether the order changes: its text, or its metric (a stored row made or changed). */
async function updateOrder(
  run: SyncRun,
  service: ServiceRecord,
  order: OrderRecord,
  evaluation: Evaluation,
): Promise<boolean> {
  const textChanged =
    order.description !== evaluation.description || order.contentObjectRepr !== evaluation.repr
  let metricChanged = false
  if (evaluation.metric !== null) {
    if (run.dryRun) {
      const last = toMetricRows(await orderMetricRows(run.tx, order.id)).at(-1)
      metricChanged = !last || !last.value.equals(evaluation.metric.toDecimalPlaces(2))
    } else {
      const threshold = thresholdOf(service, run.settings)
      const action = await storeOrderMetric(
        run.tx,
        order.id,
        evaluation.metric,
        run.moment,
        threshold,
      )
      metricChanged = action !== 'confirm'
    }
  }
  if (textChanged && !run.dryRun) {
    await run.tx
      .update(orders)
      .set({
        description: evaluation.description,
        contentObjectRepr: evaluation.repr,
        version: order.version + 1,
        updatedAt: run.moment.instant,
      })
      .where(eq(orders.id, order.id))
  }
  return textChanged || metricChanged
}

async function cancelOrder(run: SyncRun, order: OrderRecord, service: ServiceRecord | undefined) {
  await run.tx
    .update(orders)
    .set({
      ...cancellation(order, service, run.moment.today),
      version: order.version + 1,
      updatedAt: run.moment.instant,
    })
    .where(eq(orders.id, order.id))
}

/** The orders of a deleted object: each cancelled, with its own service's trial period. */
async function cancelOrphans(
  run: SyncRun,
  ordersOf: readonly OrderRecord[],
  only: readonly ServiceRecord[] | undefined,
) {
  for (const order of ordersOf) {
    if (only && !only.some((service) => service.id === order.serviceId)) continue
    const [service] = await run.tx.select().from(services).where(eq(services.id, order.serviceId))
    if (!run.dryRun) await cancelOrder(run, order, service)
    run.decisions.push({
      serviceId: order.serviceId,
      objectId: order.objectId,
      objectRepr: order.contentObjectRepr,
      action: 'cancel',
      orderId: order.id,
    })
  }
}

// --- After a unit of work ----------------------------------------------------------------------

/**
 * The one place writes reach orders: after a unit of work, every billable object it recorded
 * a change of (saved, enabled, deleted) is synchronised once, in the same transaction, so an
 * order never disagrees with a committed object.
 *
 * TODO(#7): a change of a related object reaches only the objects its writer names: an
 * account's new type or flags do not yet resynchronise the objects it owns, nor a
 * miscellaneous service's new name its instances; services with periodicUpdate will catch
 * them once the daily task (spec 4.5) exists, which is not scheduled yet.
 */
export async function syncChangedObjects(
  tx: Tx,
  changes: readonly ChangeEvent[],
  now: string,
): Promise<void> {
  const byModel = new Map<BillableModel, Set<number>>()
  for (const change of changes) {
    const model = billableModelOf(change.objectType)
    if (!model) continue
    if (!byModel.has(model)) byModel.set(model, new Set())
    byModel.get(model)!.add(change.objectId)
  }
  for (const [model, ids] of byModel) await syncOrdersForObjects(tx, model, [...ids], now)
}
