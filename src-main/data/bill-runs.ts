import { and, desc, eq, inArray } from 'drizzle-orm'
import type { AssembledRun, OpenBills } from '../billing/assemble'
import type { IsoDate, OrderUpdate } from '../billing/types'
import { bills } from '../db/schema'
import type { Tx } from '../db/store'
import {
  addBillLines,
  addNewBillsLines,
  createBills,
  touchBill,
  type BillContext,
  type BillRecord,
} from './bills'
import { updateOrders } from './order-updates'

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

/**
 * Writes the run's bills in the caller's transaction: lines appended to the open bills it
 * reuses, new bills created together with their lines in bulk, then the order updates.
 */
export async function writeBillingRun(
  ctx: BillContext,
  run: AssembledRun,
  options: RunWrite,
): Promise<RunWritten> {
  const written = new Map<AssembledRun['bills'][number], BillRecord>()
  let lines = 0
  for (const planned of run.bills) {
    if (planned.existingBillId === null) continue
    const bill = await touchBill(ctx, planned.existingBillId)
    lines += (await addBillLines(ctx, bill.id, planned.lines)).length
    written.set(planned, bill)
  }

  const fresh = run.bills.filter((planned) => planned.existingBillId === null)
  const created = await createBills(
    ctx,
    fresh.map((planned) => ({
      type: planned.type,
      accountId: planned.accountId,
      createdOn: options.today,
    })),
  )
  fresh.forEach((planned, i) => written.set(planned, created[i]!))
  lines += await addNewBillsLines(
    ctx,
    fresh.map((planned, i) => ({ billId: created[i]!.id, lines: planned.lines })),
  )

  // An order with a line takes its update once the line is on a bill (none in a pro forma run,
  // none for a dropped zero-quantity line). An order with no line at all is a compensation giver
  // whose prepaid time went to another order: its shortened period is written too.
  const billed = new Set(run.billedOrderIds)
  const onBills = run.bills.flatMap((bill) => bill.lines.map((line) => line.orderId))
  const lined = new Set([...onBills, ...run.skippedOrderIds])
  const updates = options.orderUpdates.filter(
    (update) => billed.has(update.orderId) || !lined.has(update.orderId),
  )
  await updateOrders(ctx, updates)
  return {
    bills: run.bills.map((planned) => written.get(planned)!),
    lines,
    ordersUpdated: updates.length,
  }
}
