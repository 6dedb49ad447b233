import { inArray } from 'drizzle-orm'
import type { IsoDate, OrderUpdate } from '../billing/types'
import { orders } from '../db/schema'
import type { BillContext } from './bills'
import { sqliteClient } from './bulk-insert'

/**
 * A billing run's order updates (spec: billing 6.11), in the caller's transaction. On SQLite
 * each order takes one run of a prepared statement on the unit of work's own connection: the
 * query builder's `in (...)` lists cost more to build than the database spends on them.
 * PostgreSQL, where each statement is a round trip, takes one statement per distinct update
 * (a run bills most orders of a service to the same date).
 */

const IDS_PER_STATEMENT = 1000

// Spec 6.11: the period end and the metric change only when the run set them, so a null
// keeps what the order holds.
const SQLITE_UPDATE =
  'update orders set billed_on = ?, billed_until = coalesce(?, billed_until), ' +
  'billed_metric = coalesce(?, billed_metric), updated_at = ? where id = ?'

export async function updateOrders(
  ctx: BillContext,
  updates: readonly OrderUpdate[],
): Promise<void> {
  if (!updates.length) return
  const client = sqliteClient(ctx.tx)
  if (client) {
    const statement = client.prepare(SQLITE_UPDATE)
    for (const update of updates) {
      const metric = update.billedMetric === null ? null : update.billedMetric.toString()
      statement.run(update.billedOn, update.billedUntil, metric, ctx.now, update.orderId)
    }
    return
  }

  for (const [values, orderIds] of groupedUpdates(updates)) {
    for (let i = 0; i < orderIds.length; i += IDS_PER_STATEMENT) {
      await ctx.tx
        .update(orders)
        .set({ ...values, updatedAt: ctx.now })
        .where(inArray(orders.id, orderIds.slice(i, i + IDS_PER_STATEMENT)))
    }
  }
}

interface OrderColumns {
  billedOn: IsoDate
  billedUntil?: IsoDate
  billedMetric?: string
}

/** The updates by the columns they set, each with the orders that take it. */
function groupedUpdates(updates: readonly OrderUpdate[]): [OrderColumns, number[]][] {
  const groups = new Map<string, [OrderColumns, number[]]>()
  for (const update of updates) {
    const values: OrderColumns = {
      billedOn: update.billedOn,
      ...(update.billedUntil !== null && { billedUntil: update.billedUntil }),
      ...(update.billedMetric !== null && { billedMetric: update.billedMetric.toString() }),
    }
    const key = JSON.stringify(values)
    const group = groups.get(key) ?? [values, []]
    group[1].push(update.orderId)
    groups.set(key, group)
  }
  return [...groups.values()]
}
