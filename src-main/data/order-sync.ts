import { eq } from 'drizzle-orm'
import type { BillableModel } from '../../src-shared/schemas/billing-services'
import { objectText } from '../billing/billable-models'
import type { MetricMoment } from '../billing/metric-storage'
import { isPrivilegedAccount } from '../billing/service-rules'
import { scopedLogger } from '../core/logger'
import { orders, services } from '../db/schema'
import type { Tx } from '../db/store'
import { loadBillableObjects, type BillableObject } from './billable-objects'
import type { ChangeEvent } from './context'
import { orderMoment } from './order-clock'
import { orderMetricRows, storeOrderMetric, toMetricRows } from './order-metrics'
import {
  activeOrdersOf,
  activeServicesOf,
  billableModelOf,
  cancellation,
  evaluate,
  syncSettings,
  thresholdOf,
  type Evaluation,
  type OrderRecord,
  type ServiceRecord,
  type SyncAction,
  type SyncDecision,
  type SyncSettings,
} from './order-sync-rules'

export type { ServiceRecord, SyncDecision } from './order-sync-rules'

/**
 * Order synchronisation (spec billing 4.1): after an object changes, each active service of
 * its kind decides whether it bills it. A match with no active order creates one; a match
 * refreshes the order's metric, description and text; no match (or a deleted object) cancels
 * the active order, ignoring it when cancelled within the service's trial period.
 */

const log = scopedLogger('orders')

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
 * A change of a related object reaches only the objects its writer names: an account's new
 * type or flags do not resynchronise the objects it owns, nor a miscellaneous service's new
 * name its instances. Services with periodicUpdate catch those in the daily "update orders"
 * (spec 4.5, core/periodic-tasks.ts); others wait for an operator's "update orders".
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
