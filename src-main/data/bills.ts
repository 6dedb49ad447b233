import { and, asc, eq, inArray } from 'drizzle-orm'
import { AppError } from '../../src-shared/errors'
import type { AssembledLine, AssembledSubline } from '../billing/assemble'
import type { BillType } from '../billing/bill-document'
import { totalsOfLines, type BillTotals } from '../billing/totals'
import type { IsoDate } from '../billing/types'
import { billLines, bills, billSublines } from '../db/schema'
import type { Tx } from '../db/store'
import type { WriteContext } from './context'
import { linesText, quotedLines, recordBillHistory } from './bill-history'
import { takeBillNumber, takeBillNumbers } from './bill-numbering'
import { diffFields } from './history'
import { assertVersion } from './locking'
import { insertRows } from './bulk-insert'
import { centsText, exactText } from './decimal-texts'

/**
 * Bills, their lines and sublines (spec: billing 7). A closed bill is a legal record: every
 * write here checks the bill is still open and refuses with a ClosedBillError otherwise, so no
 * screen, tool or import can edit or delete one (the original let an administrator delete it).
 * Database triggers could not say it instead: a copy of the database inserts a closed bill
 * before its lines. Each write leaves one history entry per bill it touches (bill-history.ts).
 */

export type BillRecord = typeof bills.$inferSelect
export type BillLineRecord = typeof billLines.$inferSelect
export type BillSublineRecord = typeof billSublines.$inferSelect

export interface BillLineWithSublines extends BillLineRecord {
  sublines: BillSublineRecord[]
}

/** What a bill write needs of the unit of work: its history entries name the actor. */
export type BillContext = WriteContext

/** Refusal to change a closed bill, naming it. */
export class ClosedBillError extends AppError {
  constructor(bill: Pick<BillRecord, 'id' | 'number'>) {
    super({
      code: 'CONFLICT',
      message: `Bill ${bill.number} is closed: it and its lines can no longer be changed`,
      details: { billId: bill.id, number: bill.number },
    })
    this.name = 'ClosedBillError'
  }
}

export async function getBill(tx: Tx, id: number): Promise<BillRecord> {
  const [row] = await tx.select().from(bills).where(eq(bills.id, id))
  if (!row) throw AppError.notFound('Bill', id)
  return row
}

/** The bill, refused if it is closed. */
export async function getOpenBill(tx: Tx, id: number): Promise<BillRecord> {
  const bill = await getBill(tx, id)
  if (!bill.isOpen) throw new ClosedBillError(bill)
  return bill
}

export interface NewBill {
  type: BillType
  accountId: number
  createdOn: IsoDate
  comments?: string
  amendOfId?: number | null
}

/** An open bill, with a provisional number from its type's "O" series of that year. */
export async function createBill(ctx: BillContext, input: NewBill): Promise<BillRecord> {
  const year = Number(input.createdOn.slice(0, 4))
  const number = await takeBillNumber(ctx.tx, { type: input.type, year, provisional: true })
  const [row] = await ctx.tx
    .insert(bills)
    .values({
      number,
      type: input.type,
      accountId: input.accountId,
      amendOfId: input.amendOfId ?? null,
      createdOn: input.createdOn,
      comments: input.comments ?? '',
      createdAt: ctx.now,
      updatedAt: ctx.now,
    })
    .returning()
  return row!
}

/**
 * Many open bills at once, as createBill makes them one by one: each series of numbers is
 * taken in one statement and the bills are inserted in bulk (see insertRows), so a run of
 * thousands of accounts costs a few statements, not thousands. Returned in input order.
 */
export async function createBills(
  ctx: BillContext,
  inputs: readonly NewBill[],
): Promise<BillRecord[]> {
  const series = new Map<string, number[]>()
  inputs.forEach((input, i) => {
    const key = `${input.type}:${input.createdOn.slice(0, 4)}`
    const indexes = series.get(key)
    if (indexes) indexes.push(i)
    else series.set(key, [i])
  })
  const numbers: string[] = []
  for (const [key, indexes] of series) {
    const [type, year] = key.split(':') as [BillType, string]
    const request = { type, year: Number(year), provisional: true }
    const taken = await takeBillNumbers(ctx.tx, request, indexes.length)
    indexes.forEach((index, i) => (numbers[index] = taken[i]!))
  }

  const rows = inputs.map((input, i) => ({
    number: numbers[i]!,
    type: input.type,
    accountId: input.accountId,
    amendOfId: input.amendOfId ?? null,
    createdOn: input.createdOn,
    comments: input.comments ?? '',
    createdAt: ctx.now,
    updatedAt: ctx.now,
  }))
  const inserted = await insertRows(ctx.tx, bills, rows, ['id', 'number'])
  const ids = new Map(inserted.map((row) => [row.number as string, row.id as number]))
  // The columns not given take their defaults: an open, unsent bill of version 1.
  return rows.map((row) => ({
    id: ids.get(row.number)!,
    number: row.number,
    type: row.type,
    accountId: row.accountId,
    amendOfId: row.amendOfId,
    createdOn: row.createdOn,
    comments: row.comments,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    isOpen: true,
    isSent: false,
    closedOn: null,
    dueOn: null,
    buyerName: null,
    buyerVat: null,
    buyerAddress: null,
    buyerZipcode: null,
    buyerCity: null,
    buyerCountry: null,
    document: null,
    version: 1,
  }))
}

/** Marks an open bill as just used by a run, so it stays the account's "last open" one. */
export async function touchBill(ctx: BillContext, id: number): Promise<BillRecord> {
  const bill = await getOpenBill(ctx.tx, id)
  await ctx.tx.update(bills).set({ updatedAt: ctx.now }).where(eq(bills.id, id))
  return { ...bill, updatedAt: ctx.now }
}

/** Appends lines (and their sublines) to an open bill, after its existing lines. */
export async function addBillLines(
  ctx: BillContext,
  billId: number,
  lines: readonly AssembledLine[],
): Promise<BillLineRecord[]> {
  await getOpenBill(ctx.tx, billId)
  const existing = await ctx.tx
    .select({ position: billLines.position })
    .from(billLines)
    .where(eq(billLines.billId, billId))
  let position = existing.reduce((max, row) => Math.max(max, row.position), 0)

  const written: BillLineRecord[] = []
  for (const line of lines) {
    const [row] = await ctx.tx
      .insert(billLines)
      .values(lineRow(billId, ++position, ctx.now, line))
      .returning()
    if (line.sublines.length) {
      await ctx.tx
        .insert(billSublines)
        .values(line.sublines.map((subline) => sublineRow(row!.id, subline)))
    }
    written.push(row!)
  }
  return written
}

/**
 * The lines of bills just created by createBills, numbered from 1 on each, with their
 * sublines, in bulk. Returns how many lines were written.
 */
export async function addNewBillsLines(
  ctx: BillContext,
  entries: readonly { billId: number; lines: readonly AssembledLine[] }[],
): Promise<number> {
  const rows = entries.flatMap(({ billId, lines }) =>
    lines.map((line, i) => ({ billId, position: i + 1, line })),
  )
  const inserted = await insertRows(
    ctx.tx,
    billLines,
    rows.map(({ billId, position, line }) => lineRow(billId, position, ctx.now, line)),
    ['id', 'billId', 'position'],
  )
  const lineIds = new Map(inserted.map((row) => [`${row.billId}:${row.position}`, row.id]))

  const sublines = rows.flatMap(({ billId, position, line }) =>
    line.sublines.map((subline) =>
      sublineRow(lineIds.get(`${billId}:${position}`) as number, subline),
    ),
  )
  await insertRows(ctx.tx, billSublines, sublines, ['id'])
  return rows.length
}

/** Every row has every column, the giver's as null mostly: bulk inserts take one column list. */
function sublineRow(lineId: number, subline: AssembledSubline) {
  return {
    lineId,
    type: subline.type,
    description: subline.description,
    total: subline.total.toFixed(2),
    giverOrderId: subline.giver?.orderId ?? null,
    giverBilledUntil: subline.giver?.billedUntil ?? null,
    giverLeftUntil: subline.giver?.leftUntil ?? null,
  }
}

/** One literal per row: spreading parts into it cost more than the insert, per line of a run. */
function lineRow(billId: number, position: number, createdAt: string, line: AssembledLine) {
  return {
    billId,
    position,
    createdAt,
    description: line.description,
    rate: line.rate === null ? null : centsText(line.rate),
    // Size, metric and quantity stay exact: they are never rounded before pricing.
    size: exactText(line.size),
    metric: exactText(line.metric),
    quantity: exactText(line.quantity),
    verboseQuantity: line.verboseQuantity,
    subtotal: line.subtotal.toFixed(2),
    tax: exactText(line.tax),
    startOn: line.startOn,
    endOn: line.endOn,
    orderId: line.orderId,
    serviceId: line.serviceId,
    orderBilledOn: line.orderBilledOn,
    orderBilledUntil: line.orderBilledUntil,
    amendedLineId: line.amendedLineId,
  }
}

/** A bill's lines in their printed order, each with its sublines. */
export async function listBillLines(tx: Tx, billId: number): Promise<BillLineWithSublines[]> {
  const lines = await tx
    .select()
    .from(billLines)
    .where(eq(billLines.billId, billId))
    .orderBy(asc(billLines.position), asc(billLines.id))
  if (!lines.length) return []
  const sublines = await tx
    .select()
    .from(billSublines)
    .where(
      inArray(
        billSublines.lineId,
        lines.map((line) => line.id),
      ),
    )
    .orderBy(asc(billSublines.id))
  return lines.map((line) => ({
    ...line,
    sublines: sublines.filter((subline) => subline.lineId === line.id),
  }))
}

export async function billTotalsOf(tx: Tx, billId: number): Promise<BillTotals> {
  const lines = await listBillLines(tx, billId)
  return totalsOfLines(lines)
}

export interface BillUpdate {
  id: number
  version: number
  comments?: string
  dueOn?: IsoDate | null
}

export async function updateBill(ctx: BillContext, input: BillUpdate): Promise<BillRecord> {
  const { id, version, ...fields } = input
  const before = await getOpenBill(ctx.tx, id)
  assertVersion(`Bill ${before.number}`, before, version)
  await ctx.tx
    .update(bills)
    .set({ ...fields, version: version + 1, updatedAt: ctx.now })
    .where(and(eq(bills.id, id), eq(bills.version, version)))
  const after = await getBill(ctx.tx, id)
  const changes = diffFields(before, after, ['comments', 'dueOn'])
  if (changes.length) await recordBillHistory(ctx, after, { action: 'changed', changes })
  return after
}

export async function getBillLine(tx: Tx, lineId: number): Promise<BillLineRecord> {
  const [line] = await tx.select().from(billLines).where(eq(billLines.id, lineId))
  if (!line) throw AppError.notFound('Bill line', lineId)
  return line
}

/** Removes lines (their sublines go with them); every one must be on an open bill. */
export async function removeBillLines(ctx: BillContext, lineIds: readonly number[]) {
  for (const { bill, lines } of await deleteBillLines(ctx, lineIds)) {
    const message = `Removed ${linesText(lines.length)}: ${quotedLines(lines)}`
    await recordBillHistory(ctx, bill, { action: 'changed', message })
  }
}

/**
 * The removal itself, for writes that say in the history why lines went (undo). Returns each
 * bill that lost lines, with their descriptions.
 */
export async function deleteBillLines(
  ctx: BillContext,
  lineIds: readonly number[],
): Promise<{ bill: BillRecord; lines: string[] }[]> {
  if (!lineIds.length) return []
  const lines = await ctx.tx
    .select()
    .from(billLines)
    .where(inArray(billLines.id, [...lineIds]))
    .orderBy(asc(billLines.position), asc(billLines.id))
  const affected = []
  for (const billId of new Set(lines.map((line) => line.billId))) {
    const bill = await getOpenBill(ctx.tx, billId)
    const own = lines.filter((line) => line.billId === billId)
    affected.push({ bill, lines: own.map((line) => line.description) })
  }
  await ctx.tx.delete(billLines).where(inArray(billLines.id, [...lineIds]))
  return affected
}

/** Deletes an open bill and its lines; a closed one stays for good. */
export async function removeBill(ctx: BillContext, id: number): Promise<void> {
  const bill = await getOpenBill(ctx.tx, id)
  const lines = await ctx.tx
    .select({ id: billLines.id })
    .from(billLines)
    .where(eq(billLines.billId, id))
  await ctx.tx.delete(bills).where(eq(bills.id, id))
  const message = `Deleted while open, with ${linesText(lines.length)}`
  await recordBillHistory(ctx, bill, { action: 'deleted', message })
}
