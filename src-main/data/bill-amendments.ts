import { eq, inArray } from 'drizzle-orm'
import {
  correctedByLine,
  planAmendment,
  type LineCorrection,
  type PreviousAmendments,
} from '../billing/amendments'
import type { IsoDate } from '../billing/types'
import { billLines, bills } from '../db/schema'
import type { Tx } from '../db/store'
import { linesText, recordBillHistory } from './bill-history'
import {
  addBillLines,
  createBill,
  getBill,
  listBillLines,
  type BillContext,
  type BillRecord,
} from './bills'

/** Amendments of closed bills (spec: billing 7.7); see billing/amendments.ts for the rule. */

async function previousAmendments(tx: Tx, billId: number): Promise<PreviousAmendments> {
  const amendments = await tx
    .select({ id: bills.id })
    .from(bills)
    .where(eq(bills.amendOfId, billId))
  if (!amendments.length) return { wholeBill: false, byLine: new Map() }
  const lines = await tx
    .select({ amendedLineId: billLines.amendedLineId, subtotal: billLines.subtotal })
    .from(billLines)
    .where(
      inArray(
        billLines.billId,
        amendments.map((amendment) => amendment.id),
      ),
    )
  return {
    wholeBill: lines.some((line) => line.amendedLineId === null),
    byLine: correctedByLine(lines),
  }
}

/**
 * Opens an amendment of a closed invoice or fee: of the whole bill, or of the given lines.
 * It is an ordinary open bill from then on: its lines can be edited before it is closed.
 */
export async function createAmendment(
  ctx: BillContext,
  billId: number,
  options: { today: IsoDate; corrections?: readonly LineCorrection[] },
): Promise<BillRecord> {
  const bill = await getBill(ctx.tx, billId)
  const lines = await listBillLines(ctx.tx, billId)
  const plan = planAmendment(
    bill,
    lines.map((line) => ({ ...line, sublines: line.sublines.map((subline) => subline.total) })),
    options.corrections,
    await previousAmendments(ctx.tx, billId),
  )
  const amendment = await createBill(ctx, {
    type: plan.type,
    accountId: plan.accountId,
    createdOn: options.today,
    comments: plan.comments,
    amendOfId: plan.amendOfId,
  })
  await addBillLines(ctx, amendment.id, plan.lines)
  await recordBillHistory(ctx, amendment, {
    action: 'added',
    message: `Amendment of ${bill.number} with ${linesText(plan.lines.length)}`,
  })
  await recordBillHistory(ctx, bill, {
    action: 'changed',
    message: `Amended by ${amendment.number}`,
  })
  return amendment
}
