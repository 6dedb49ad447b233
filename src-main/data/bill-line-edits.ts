import { and, eq, ne } from 'drizzle-orm'
import { AppError } from '../../src-shared/errors'
import { money, sum, ZERO, type Money } from '../billing/money'
import { lineTotalOf } from '../billing/totals'
import { billLines, bills, billSublines } from '../db/schema'
import type { Tx } from '../db/store'
import { quotedLines, recordBillHistory } from './bill-history'
import {
  billTotalsOf,
  getBillLine,
  getOpenBill,
  type BillContext,
  type BillLineRecord,
  type BillRecord,
} from './bills'
import { diffFields } from './history'

/** Edits of a line of an open bill, such as an operator's adjustment of an amendment. */

export interface BillLineUpdate {
  description?: string
  /** Decimal text with at most two places. */
  subtotal?: string
  /** Percent as decimal text. */
  tax?: string
}

const invalid = (field: string, rule: string, message: string) =>
  AppError.validation([{ field, rule, message }])

function centsOf(text: string): string {
  const value = money(text)
  if (value.decimalPlaces() > 2) throw invalid('subtotal', 'cents', 'has more than 2 decimals')
  return value.toFixed(2)
}

/**
 * How much an amendment line may give back: what its corrected line still holds beyond the
 * other amendment lines correcting it, or for a whole-bill line, the amended bill's base at
 * the line's tax rate.
 */
async function amendmentLimit(tx: Tx, bill: BillRecord, line: BillLineRecord): Promise<Money> {
  if (line.amendedLineId !== null) {
    const amended = await getBillLine(tx, line.amendedLineId)
    const sublines = await tx
      .select({ total: billSublines.total })
      .from(billSublines)
      .where(eq(billSublines.lineId, amended.id))
    const others = await tx
      .select({ subtotal: billLines.subtotal })
      .from(billLines)
      .where(and(eq(billLines.amendedLineId, amended.id), ne(billLines.id, line.id)))
    const held = lineTotalOf({ subtotal: amended.subtotal, sublines: sublines.map((s) => s.total) })
    // The other corrections are negative: adding them leaves what is still to give back.
    return held.plus(sum(others.map((other) => other.subtotal)))
  }
  if (bill.amendOfId === null) return ZERO
  const rate = money(line.tax)
  const { taxes } = await billTotalsOf(tx, bill.amendOfId)
  return taxes.find((entry) => entry.rate.equals(rate))?.base ?? ZERO
}

export async function updateBillLine(
  ctx: BillContext,
  lineId: number,
  fields: BillLineUpdate,
): Promise<BillLineRecord> {
  const line = await getBillLine(ctx.tx, lineId)
  const bill = await getOpenBill(ctx.tx, line.billId)
  const values = {
    ...fields,
    ...(fields.subtotal !== undefined && { subtotal: centsOf(fields.subtotal) }),
    ...(fields.tax !== undefined && { tax: money(fields.tax).toString() }),
  }

  // An amendment only gives back, and never more than what it corrects still holds.
  if (bill.type === 'AMENDMENTINVOICE' || bill.type === 'AMENDMENTFEE') {
    const givenBack = money(values.subtotal ?? line.subtotal).negated()
    const limit = await amendmentLimit(ctx.tx, bill, { ...line, tax: values.tax ?? line.tax })
    if (givenBack.isNegative() || givenBack.greaterThan(limit)) {
      throw invalid('subtotal', 'range', `must be between -${limit.toFixed(2)} and 0.00`)
    }
  }

  const [row] = await ctx.tx
    .update(billLines)
    .set(values)
    .where(eq(billLines.id, lineId))
    .returning()
  await ctx.tx.update(bills).set({ updatedAt: ctx.now }).where(eq(bills.id, line.billId))
  const changes = diffFields(line, row!, ['description', 'subtotal', 'tax'])
  if (changes.length) {
    const message = `Line ${quotedLines([line.description])} edited`
    await recordBillHistory(ctx, bill, { action: 'changed', message, changes })
  }
  return row!
}
