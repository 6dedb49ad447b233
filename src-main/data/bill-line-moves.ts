import { and, eq, inArray, isNotNull } from 'drizzle-orm'
import { AppError } from '../../src-shared/errors'
import { givenText, undoBilling, type UndoGiver, type UndoOrder } from '../billing/undo'
import { billLines, bills, billSublines, orders } from '../db/schema'
import type { Tx } from '../db/store'
import { linesText, quotedLines, recordBillHistory } from './bill-history'
import {
  deleteBillLines,
  getOpenBill,
  type BillContext,
  type BillLineRecord,
  type BillRecord,
} from './bills'

/**
 * Moving, copying and undoing lines (spec: billing 6.12 and 13, "bill line management"): the
 * original's undo crashed and its move and copy were never finished. Every source and target
 * bill must be open: a closed bill is corrected by an amendment, never edited.
 */

async function linesByIds(tx: Tx, lineIds: readonly number[]): Promise<BillLineRecord[]> {
  const lines = await tx
    .select()
    .from(billLines)
    .where(inArray(billLines.id, [...lineIds]))
  const missing = lineIds.find((id) => !lines.some((line) => line.id === id))
  if (missing !== undefined) throw AppError.notFound('Bill line', missing)
  return lines.sort((a, b) => a.billId - b.billId || a.position - b.position || a.id - b.id)
}

/** The open bill lines go to, refused when it belongs to another account than theirs. */
async function targetFor(tx: Tx, lines: BillLineRecord[], toBillId: number): Promise<BillRecord> {
  const target = await getOpenBill(tx, toBillId)
  const sources = await tx
    .select({ id: bills.id, accountId: bills.accountId })
    .from(bills)
    .where(inArray(bills.id, [...new Set(lines.map((line) => line.billId))]))
  if (sources.some((source) => source.accountId !== target.accountId)) {
    throw AppError.validation([
      {
        field: 'toBillId',
        rule: 'same_account',
        message: `bill ${target.number} belongs to another account than the lines`,
      },
    ])
  }
  return target
}

async function lastPosition(tx: Tx, billId: number): Promise<number> {
  const rows = await tx
    .select({ position: billLines.position })
    .from(billLines)
    .where(eq(billLines.billId, billId))
  return rows.reduce((max, row) => Math.max(max, row.position), 0)
}

async function touch(ctx: BillContext, billIds: Iterable<number>) {
  const ids = [...new Set(billIds)]
  if (ids.length)
    await ctx.tx.update(bills).set({ updatedAt: ctx.now }).where(inArray(bills.id, ids))
}

/** Moves lines, sublines and order links with them, to the end of another open bill. */
export async function moveBillLines(
  ctx: BillContext,
  lineIds: readonly number[],
  toBillId: number,
): Promise<number> {
  const lines = await linesByIds(ctx.tx, lineIds)
  const sources = []
  for (const billId of new Set(lines.map((line) => line.billId))) {
    sources.push(await getOpenBill(ctx.tx, billId))
  }
  const target = await targetFor(ctx.tx, lines, toBillId)

  let position = await lastPosition(ctx.tx, toBillId)
  for (const line of lines) {
    await ctx.tx
      .update(billLines)
      .set({ billId: toBillId, position: ++position })
      .where(eq(billLines.id, line.id))
  }
  await touch(ctx, [toBillId, ...lines.map((line) => line.billId)])

  for (const source of sources.filter((bill) => bill.id !== toBillId)) {
    const own = descriptions(lines.filter((line) => line.billId === source.id))
    const message = `Moved ${linesText(own.length)} to ${target.number}: ${quotedLines(own)}`
    await recordBillHistory(ctx, source, { action: 'changed', message })
  }
  const from = sources.map((bill) => bill.number).join(', ')
  const message = `${linesText(lines.length)} moved here from ${from}: ${quoted(lines)}`
  await recordBillHistory(ctx, target, { action: 'changed', message })
  return lines.length
}

/** A copy's compensation gives no time back on undo: the original line's does. */
const NO_GIVER = { giverOrderId: null, giverBilledUntil: null, giverLeftUntil: null }

const descriptions = (lines: readonly BillLineRecord[]) => lines.map((line) => line.description)
const quoted = (lines: readonly BillLineRecord[]) => quotedLines(descriptions(lines))

/**
 * Copies lines to another open bill, from a bill of any state (a closed one is only read).
 * A copy bills again what its line billed, so it keeps no order link: undoing it must not
 * give the order back a state it never had because of this copy.
 */
export async function copyBillLines(
  ctx: BillContext,
  lineIds: readonly number[],
  toBillId: number,
): Promise<number> {
  const lines = await linesByIds(ctx.tx, lineIds)
  const target = await targetFor(ctx.tx, lines, toBillId)
  const sublines = await ctx.tx
    .select()
    .from(billSublines)
    .where(inArray(billSublines.lineId, [...lineIds]))

  let position = await lastPosition(ctx.tx, toBillId)
  for (const { id, billId: _from, createdAt: _created, ...line } of lines) {
    const [copy] = await ctx.tx
      .insert(billLines)
      .values({
        ...line,
        billId: toBillId,
        position: ++position,
        orderId: null,
        orderBilledOn: null,
        orderBilledUntil: null,
        createdAt: ctx.now,
      })
      .returning({ id: billLines.id })
    const own = sublines.filter((subline) => subline.lineId === id)
    if (own.length) {
      await ctx.tx
        .insert(billSublines)
        .values(
          own.map(({ id: _id, ...subline }) => ({ ...subline, ...NO_GIVER, lineId: copy!.id })),
        )
    }
  }
  await touch(ctx, [toBillId])

  const numbers = await ctx.tx
    .select({ number: bills.number })
    .from(bills)
    .where(inArray(bills.id, [...new Set(lines.map((line) => line.billId))]))
  const from = numbers.map((row) => row.number).join(', ')
  const message = `${linesText(lines.length)} copied here from ${from}: ${quoted(lines)}`
  await recordBillHistory(ctx, target, { action: 'changed', message })
  return lines.length
}

/**
 * Undoes the billing of lines (spec 6.12): refused with the reason (a gap, a closed bill, a
 * later billing) when the orders cannot go back; otherwise the lines go and their orders take
 * back the state remembered on them.
 */
export async function undoBillLines(ctx: BillContext, lineIds: readonly number[]) {
  const lines = await linesByIds(ctx.tx, lineIds)
  const sourceBills = await ctx.tx
    .select({ id: bills.id, isOpen: bills.isOpen })
    .from(bills)
    .where(inArray(bills.id, [...new Set(lines.map((line) => line.billId))]))
  const open = new Map(sourceBills.map((bill) => [bill.id, bill.isOpen]))
  const orderIds = [...new Set(lines.flatMap((line) => (line.orderId ? [line.orderId] : [])))]
  const result = undoBilling(
    lines.map((line) => ({ ...line, billOpen: open.get(line.billId) ?? false })),
    await undoOrders(ctx.tx, orderIds),
    await undoGivers(ctx.tx, lineIds),
  )
  if (!result.ok) {
    throw AppError.validation([
      { field: 'lineIds', rule: result.refusal.kind, message: result.message },
    ])
  }

  for (const order of result.orders) {
    await ctx.tx
      .update(orders)
      .set({ billedOn: order.billedOn, billedUntil: order.billedUntil, updatedAt: ctx.now })
      .where(eq(orders.id, order.orderId))
  }
  for (const giver of result.givers) {
    await ctx.tx
      .update(orders)
      .set({ billedUntil: giver.billedUntil, updatedAt: ctx.now })
      .where(eq(orders.id, giver.orderId))
  }
  const removed = await deleteBillLines(ctx, result.lineIds)
  await touch(
    ctx,
    lines.map((line) => line.billId),
  )
  const given = result.givers.length ? givenText(result.givers.length) : null
  for (const { bill, lines: gone } of removed) {
    const message =
      `Billing undone for ${linesText(gone.length)}, their orders set back` +
      (given ? `, ${given}` : '') +
      `: ${quotedLines(gone)}`
    await recordBillHistory(ctx, bill, { action: 'changed', message })
  }
  return {
    removed: result.lineIds.length,
    ordersRestored: result.orders.length,
    message: result.message,
  }
}

async function undoOrders(tx: Tx, orderIds: number[]): Promise<UndoOrder[]> {
  if (!orderIds.length) return []
  const rows = await tx
    .select({ id: orders.id, description: orders.description, billedOn: orders.billedOn })
    .from(orders)
    .where(inArray(orders.id, orderIds))
  const lines = await tx
    .select({
      id: billLines.id,
      orderId: billLines.orderId,
      startOn: billLines.startOn,
      endOn: billLines.endOn,
    })
    .from(billLines)
    .where(inArray(billLines.orderId, orderIds))
  return rows.map((order) => ({
    ...order,
    lines: lines.filter((line) => line.orderId === order.id),
  }))
}

/**
 * The cancelled orders whose prepaid time the lines received (spec 6.9), with every gift of
 * theirs remembered on any line: one left out would be given back twice.
 */
async function undoGivers(tx: Tx, lineIds: readonly number[]): Promise<UndoGiver[]> {
  const received = await tx
    .selectDistinct({ giverOrderId: billSublines.giverOrderId })
    .from(billSublines)
    .where(and(inArray(billSublines.lineId, [...lineIds]), isNotNull(billSublines.giverOrderId)))
  const giverIds = received.flatMap((row) => (row.giverOrderId ? [row.giverOrderId] : []))
  if (!giverIds.length) return []

  const rows = await tx
    .select({ id: orders.id, description: orders.description, billedUntil: orders.billedUntil })
    .from(orders)
    .where(inArray(orders.id, giverIds))
  const gifts = await tx
    .select({
      lineId: billSublines.lineId,
      giverOrderId: billSublines.giverOrderId,
      billedUntil: billSublines.giverBilledUntil,
      leftUntil: billSublines.giverLeftUntil,
    })
    .from(billSublines)
    .where(inArray(billSublines.giverOrderId, giverIds))
  return rows.map((giver) => ({
    ...giver,
    gifts: gifts.flatMap(({ giverOrderId, lineId, billedUntil, leftUntil }) =>
      giverOrderId === giver.id && billedUntil && leftUntil
        ? [{ lineId, billedUntil, leftUntil }]
        : [],
    ),
  }))
}
