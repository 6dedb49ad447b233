import { and, asc, desc, eq, inArray, isNotNull, sql } from 'drizzle-orm'
import { metricReadsFrom, type BillingState } from '../billing/metric-engine'
import {
  cleanupRows,
  type CleanupScope,
  storeDecision,
  type MetricMoment,
  type MetricThreshold,
  type StoreDecision,
} from '../billing/metric-storage'
import { cents, money, type Money } from '../billing/money'
import type { MetricRow } from '../billing/types'
import {
  resolvedPricingPeriod,
  toBilledService,
  type ServiceDefinition,
} from '../billing/service-rules'
import { billLines, bills, metricRows, orders, services } from '../db/schema'
import type { Tx } from '../db/store'
import { settingValue } from './settings'

/**
 * An order's stored metric (spec billing 4.3): the rows as the pure storage rules read them,
 * the one write a new value makes, decided by `storeDecision`, and the daily cleanup (run by
 * the periodic tasks, core/periodic-tasks.ts).
 */

export type MetricRecord = typeof metricRows.$inferSelect

/** Metric values are decimal(16,2): stored with two decimals, half up as all money is. */
const storedValue = (value: Money): string => cents(value)

function toRow(record: MetricRecord): MetricRow {
  return { createdOn: record.createdOn, updatedOn: record.updatedOn, value: money(record.value) }
}

/** Every row of an order in creation order, as the engine reads them. */
export async function orderMetricRows(tx: Tx, orderId: number): Promise<MetricRecord[]> {
  return tx
    .select()
    .from(metricRows)
    .where(eq(metricRows.orderId, orderId))
    .orderBy(asc(metricRows.createdOn), asc(metricRows.id))
}

export function toMetricRows(records: readonly MetricRecord[]): MetricRow[] {
  return records.map(toRow)
}

/** The last `limit` rows, newest first: what an order's page shows. */
export async function latestMetricRows(
  tx: Tx,
  orderId: number,
  limit = 10,
): Promise<MetricRecord[]> {
  return tx
    .select()
    .from(metricRows)
    .where(eq(metricRows.orderId, orderId))
    .orderBy(desc(metricRows.createdOn), desc(metricRows.id))
    .limit(limit)
}

/** Stores a measured value of an order and says what it did to the rows. */
export async function storeOrderMetric(
  tx: Tx,
  orderId: number,
  value: Money,
  now: MetricMoment,
  threshold: MetricThreshold,
): Promise<StoreDecision['action']> {
  const records = await orderMetricRows(tx, orderId)
  const stored = money(storedValue(value))
  const decision = storeDecision(toMetricRows(records), stored, now, threshold)
  switch (decision.action) {
    case 'create':
    case 'append':
      await tx.insert(metricRows).values({
        orderId,
        value: storedValue(decision.row.value),
        createdOn: decision.row.createdOn,
        updatedOn: decision.row.updatedOn,
      })
      break
    case 'overwrite':
      await tx
        .update(metricRows)
        .set({ value: storedValue(decision.row.value), updatedOn: decision.row.updatedOn })
        .where(eq(metricRows.id, records[decision.index]!.id))
      break
    case 'confirm':
      await tx
        .update(metricRows)
        .set({ updatedOn: decision.updatedOn })
        .where(eq(metricRows.id, records[decision.index]!.id))
      break
  }
  return decision.action
}

// --- Daily cleanup (spec 4.3) ------------------------------------------------------------------

export interface MetricCleanup {
  /** Orders that lost rows. */
  orders: number
  /** Rows deleted, or in a dry run, that would be. */
  rows: number
}

/**
 * Removes the rows of billed orders that billing will never read again (cleanupRows), for every
 * order at once, in the caller's unit of work. Rows are kept from the first date a later
 * billing reads (metricReadsFrom), counting the states an undo of an open bill's line would
 * put an order back in: a billing after the cleanup prices exactly as one before it.
 */
export async function cleanupMetricRows(
  tx: Tx,
  options: { dryRun?: boolean } = {},
): Promise<MetricCleanup> {
  const days = await settingValue(tx, 'ORDERS_BILLED_METRIC_CLEANUP_DAYS')
  const annualBillingMonth = await settingValue(tx, 'SERVICES_SERVICE_ANUAL_BILLING_MONTH')
  const billed = await tx
    .select({ order: orders, service: services })
    .from(orders)
    .innerJoin(services, eq(services.id, orders.serviceId))
    .where(and(isNotNull(orders.billedOn), inArray(orders.id, crowdedOrders(tx))))
    .orderBy(asc(orders.id))
  const undoable = await undoableStates(tx)

  const done: MetricCleanup = { orders: 0, rows: 0 }
  for (const { order, service } of billed) {
    // The stored row holds every field of a definition; its kind is checked when saved.
    const definition = service as unknown as ServiceDefinition & { id: number }
    const billedService = toBilledService(definition, {
      SERVICES_SERVICE_ANUAL_BILLING_MONTH: annualBillingMonth,
    })
    const states = [order, ...(undoable.get(order.id) ?? [])]
    const scope: CleanupScope = {
      billedOn: order.billedOn,
      billedUntil: order.billedUntil,
      readsFrom: metricReadsFrom(billedService, order.registeredOn, states),
      monthlySlots:
        service.billingPeriod === 'MONTHLY' && resolvedPricingPeriod(service) === 'MONTHLY',
    }
    const records = await orderMetricRows(tx, order.id)
    const rows = records.map((record) => ({ ...toRow(record), id: record.id }))
    const ids = cleanupRows(rows, scope, days).map((row) => row.id)
    if (ids.length === 0) continue
    if (!options.dryRun) await tx.delete(metricRows).where(inArray(metricRows.id, ids))
    done.orders++
    done.rows += ids.length
  }
  return done
}

/** The orders with two rows or more: an order's only row is never old. */
function crowdedOrders(tx: Tx) {
  return tx
    .select({ orderId: metricRows.orderId })
    .from(metricRows)
    .groupBy(metricRows.orderId)
    .having(sql`count(*) > 1`)
}

/** The states the lines of open bills remember, per order: an undo puts the order back in one. */
async function undoableStates(tx: Tx): Promise<Map<number, BillingState[]>> {
  const lines = await tx
    .select({
      orderId: billLines.orderId,
      billedOn: billLines.orderBilledOn,
      billedUntil: billLines.orderBilledUntil,
    })
    .from(billLines)
    .innerJoin(bills, eq(bills.id, billLines.billId))
    .where(and(eq(bills.isOpen, true), inArray(billLines.orderId, crowdedOrders(tx))))
  const states = new Map<number, BillingState[]>()
  for (const { orderId, ...state } of lines) {
    if (orderId === null) continue
    states.set(orderId, [...(states.get(orderId) ?? []), state])
  }
  return states
}
