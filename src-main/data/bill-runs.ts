import { and, desc, eq, inArray } from 'drizzle-orm'
import type { AssembledRun, OpenBills } from '../billing/assemble'
import type { IsoDate, OrderUpdate } from '../billing/types'
import { bills, orders } from '../db/schema'
import type { Tx } from '../db/store'
import { addBillLines, createBill, touchBill, type BillContext, type BillRecord } from './bills'

/** Writing a billing run's bills (spec: billing 6.11 and 7.2), all in the caller's transaction. */

/** Each account's most recent open invoice and pro forma, which a run appends to. */
export async function openBillsOf(
  tx: Tx,
  accountIds: readonly number[],
): Promise<Map<number, OpenBills>> {
  const result = new Map<number, OpenBills>()
  if (!accountIds.length) return result
  const rows = await tx
    .select({ id: bills.id, accountId: bills.accountId, type: bills.type })
    .from(bills)
    .where(
      and(
        inArray(bills.accountId, [...accountIds]),
        eq(bills.isOpen, true),
        inArray(bills.type, ['INVOICE', 'PROFORMA']),
      ),
    )
    .orderBy(desc(bills.id))
  for (const row of rows) {
    const open = result.get(row.accountId!) ?? { invoiceId: null, proformaId: null }
    // Newest first: the first seen of each type is the last opened.
    if (row.type === 'INVOICE') open.invoiceId ??= row.id
    else open.proformaId ??= row.id
    result.set(row.accountId!, open)
  }
  return result
}

export interface RunWrite {
  today: IsoDate
  /** The engine's order updates: see `writeBillingRun` for which are written. */
  orderUpdates: readonly OrderUpdate[]
}

export interface RunWritten {
  bills: BillRecord[]
  lines: number
  ordersUpdated: number
}

export async function writeBillingRun(
  ctx: BillContext,
  run: AssembledRun,
  options: RunWrite,
): Promise<RunWritten> {
  const written: BillRecord[] = []
  let lines = 0
  for (const planned of run.bills) {
    const bill =
      planned.existingBillId !== null
        ? await touchBill(ctx, planned.existingBillId)
        : await createBill(ctx, {
            type: planned.type,
            accountId: planned.accountId,
            createdOn: options.today,
          })
    lines += (await addBillLines(ctx, bill.id, planned.lines)).length
    written.push(bill)
  }

  // An order with a line takes its update once the line is on a bill (none in a pro forma run,
  // none for a dropped zero-quantity line). An order with no line at all is a compensation giver
  // whose prepaid time went to another order: its shortened period is written too.
  const billed = new Set(run.billedOrderIds)
  const onBills = run.bills.flatMap((bill) => bill.lines.map((line) => line.orderId))
  const lined = new Set([...onBills, ...run.skippedOrderIds])
  const updates = options.orderUpdates.filter(
    (update) => billed.has(update.orderId) || !lined.has(update.orderId),
  )
  for (const update of updates) {
    await ctx.tx
      .update(orders)
      .set({
        billedOn: update.billedOn,
        // Spec 6.11: the period end and the metric change only when the run set them.
        ...(update.billedUntil !== null && { billedUntil: update.billedUntil }),
        ...(update.billedMetric !== null && { billedMetric: update.billedMetric.toString() }),
        updatedAt: ctx.now,
      })
      .where(eq(orders.id, update.orderId))
  }
  return { bills: written, lines, ordersUpdated: updates.length }
}
