import { asc, desc, eq, inArray, isNotNull } from 'drizzle-orm'
import {
  cleanupRows,
  storeDecision,
  type MetricMoment,
  type MetricThreshold,
  type StoreDecision,
} from '../billing/metric-storage'
import { cents, money, type Money } from '../billing/money'
import type { MetricRow } from '../billing/types'
import { resolvedPricingPeriod } from '../billing/service-rules'
import { metricRows, orders, services } from '../db/schema'
import type { Tx } from '../db/store'
import { settingValue } from './settings'

/**
 * An order's stored metric (spec billing 4.3): the rows as the pure storage rules read them,
 * the one write a new value makes, decided by `storeDecision`, and the daily cleanup.
 *
 * TODO(#7): nothing schedules the cleanup at 04:30 yet; the periodic tasks of spec 4.5 wait
 * for a scheduler in the core.
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

/**
 * Removes the rows of billed orders that billing will never read again (cleanupRows), for every
 * order at once; returns how many went.
 */
export async function cleanupMetricRows(tx: Tx): Promise<number> {
  const days = await settingValue(tx, 'ORDERS_BILLED_METRIC_CLEANUP_DAYS')
  const billed = await tx
    .select({ order: orders, service: services })
    .from(orders)
    .innerJoin(services, eq(services.id, orders.serviceId))
    .where(isNotNull(orders.billedOn))
    .orderBy(asc(orders.id))
  let removed = 0
  for (const { order, service } of billed) {
    const records = await orderMetricRows(tx, order.id)
    if (records.length < 2) continue
    const monthlySlots =
      service.billingPeriod === 'MONTHLY' && resolvedPricingPeriod(service) === 'MONTHLY'
    const rows = records.map((record) => ({ ...toRow(record), id: record.id }))
    const scope = { billedOn: order.billedOn, billedUntil: order.billedUntil, monthlySlots }
    const ids = cleanupRows(rows, scope, days).map((row) => row.id)
    if (ids.length === 0) continue
    await tx.delete(metricRows).where(inArray(metricRows.id, ids))
    removed += ids.length
  }
  return removed
}
