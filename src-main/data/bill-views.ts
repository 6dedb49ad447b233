import { and, asc, count, desc, eq, inArray, ne, or, type SQL } from 'drizzle-orm'
import type { Page } from '../../src-shared/schemas/common'
import {
  billListSchema,
  type BillDetail,
  type BillLineView,
  type BillListQuery,
  type BillRow,
} from '../../src-shared/schemas/bills'
import { linePeriodText } from '../billing/bill-text'
import { totalsOfLines } from '../billing/totals'
import { accounts, billContacts, billLines, bills, billSublines } from '../db/schema'
import type { Tx } from '../db/store'
import { paymentStateOf } from '../payments/payment-state'
import { billContentFilters } from './bill-list-filters'
import { getBill, type BillLineWithSublines, type BillRecord } from './bills'
import { containsAnyCase, searchWords } from './sql'
import { transactionsOfBills } from './transactions'

/**
 * Bills as the list and the detail page show them (spec: billing 7.5 and 7.6): totals per
 * tax rate computed from the lines every time, never stored, so they cannot drift from them.
 */

function rowQuery(tx: Tx) {
  return tx
    .select({ bill: bills, username: accounts.username })
    .from(bills)
    .leftJoin(accounts, eq(accounts.id, bills.accountId))
}

type Joined = Awaited<ReturnType<ReturnType<typeof rowQuery>['where']>>[number]

async function linesOf(tx: Tx, billIds: number[]): Promise<Map<number, BillLineWithSublines[]>> {
  const byBill = new Map<number, BillLineWithSublines[]>(billIds.map((id) => [id, []]))
  if (!billIds.length) return byBill
  const lines = await tx
    .select()
    .from(billLines)
    .where(inArray(billLines.billId, billIds))
    .orderBy(asc(billLines.position), asc(billLines.id))
  const sublines = lines.length
    ? await tx
        .select()
        .from(billSublines)
        .where(
          inArray(
            billSublines.lineId,
            lines.map((line) => line.id),
          ),
        )
        .orderBy(asc(billSublines.id))
    : []
  for (const line of lines) {
    const own = sublines.filter((subline) => subline.lineId === line.id)
    byBill.get(line.billId)!.push({ ...line, sublines: own })
  }
  return byBill
}

async function closedAmendmentCounts(tx: Tx, billIds: number[]) {
  if (!billIds.length) return new Map<number, number>()
  const rows = await tx
    .select({ amendOfId: bills.amendOfId, n: count() })
    .from(bills)
    .where(and(inArray(bills.amendOfId, billIds), eq(bills.isOpen, false)))
    .groupBy(bills.amendOfId)
  return new Map(rows.map((row) => [row.amendOfId!, Number(row.n)]))
}

async function numbersOf(tx: Tx, ids: number[]): Promise<Map<number, string>> {
  if (!ids.length) return new Map()
  const rows = await tx
    .select({ id: bills.id, number: bills.number })
    .from(bills)
    .where(inArray(bills.id, ids))
  return new Map(rows.map((row) => [row.id, row.number]))
}

async function toRows(tx: Tx, joined: Joined[]): Promise<BillRow[]> {
  const ids = joined.map((row) => row.bill.id)
  const lines = await linesOf(tx, ids)
  const amendments = await closedAmendmentCounts(tx, ids)
  const amendedIds = joined.flatMap((row) => (row.bill.amendOfId ? [row.bill.amendOfId] : []))
  const amendedNumbers = await numbersOf(tx, [...new Set(amendedIds)])
  const payments = await transactionsOfBills(tx, ids)
  return joined.map(({ bill, username }) => {
    const total = totalsOfLines(lines.get(bill.id) ?? []).total.toFixed(2)
    return {
      id: bill.id,
      number: bill.number,
      type: bill.type,
      accountId: bill.accountId,
      accountName: username ?? bill.buyerName ?? '',
      isOpen: bill.isOpen,
      isSent: bill.isSent,
      createdOn: bill.createdOn,
      closedOn: bill.closedOn,
      dueOn: bill.dueOn,
      total,
      paymentState: paymentStateOf(bill, total, payments.get(bill.id) ?? []),
      amendOf: bill.amendOfId
        ? { id: bill.amendOfId, number: amendedNumbers.get(bill.amendOfId) ?? '' }
        : null,
      amendedBy: amendments.get(bill.id) ?? 0,
    }
  })
}

function wordFilter(tx: Tx, word: string): SQL {
  return or(
    containsAnyCase(tx, bills.number, word),
    containsAnyCase(tx, accounts.username, word),
    containsAnyCase(tx, bills.buyerName, word),
  )!
}

export async function listBillRows(tx: Tx, input: BillListQuery): Promise<Page<BillRow>> {
  const query = billListSchema.parse(input)
  const state = query.paymentState
  const where = and(
    query.type ? eq(bills.type, query.type) : undefined,
    query.isOpen !== undefined ? eq(bills.isOpen, query.isOpen) : undefined,
    query.isSent !== undefined ? eq(bills.isSent, query.isSent) : undefined,
    query.accountId ? eq(bills.accountId, query.accountId) : undefined,
    query.ids ? inArray(bills.id, query.ids) : undefined,
    state === 'OPEN' ? or(eq(bills.isOpen, true), eq(bills.type, 'PROFORMA')) : undefined,
    state && state !== 'OPEN'
      ? and(eq(bills.isOpen, false), ne(bills.type, 'PROFORMA'))
      : undefined,
    ...searchWords(query.q).map((word) => wordFilter(tx, word)),
    ...billContentFilters(tx, query),
  )
  const order = (query.dir === 'asc' ? asc : desc)(bills.id)
  const offset = (query.page - 1) * query.pageSize

  // A closed bill's state is derived from its total and its transactions, so it is told here.
  if (state && state !== 'OPEN') {
    const all = await toRows(tx, await rowQuery(tx).where(where).orderBy(order))
    const rows = all.filter((row) => row.paymentState === state)
    const pageRows = rows.slice(offset, offset + query.pageSize)
    return { rows: pageRows, total: rows.length, page: query.page, pageSize: query.pageSize }
  }
  const [total] = await tx
    .select({ n: count() })
    .from(bills)
    .leftJoin(accounts, eq(accounts.id, bills.accountId))
    .where(where)
  const joined = await rowQuery(tx).where(where).orderBy(order).limit(query.pageSize).offset(offset)
  return {
    rows: await toRows(tx, joined),
    total: Number(total?.n ?? 0),
    page: query.page,
    pageSize: query.pageSize,
  }
}

function lineView(line: BillLineWithSublines, total: string): BillLineView {
  return {
    id: line.id,
    orderId: line.orderId,
    description: line.description,
    rate: line.rate,
    size: line.size,
    metric: line.metric,
    quantity: line.quantity,
    verboseQuantity: line.verboseQuantity,
    subtotal: line.subtotal,
    tax: line.tax,
    total,
    startOn: line.startOn,
    endOn: line.endOn,
    // In the interface's language, as the page around it; the PDF prints the account's.
    period: linePeriodText(line.startOn, line.endOn, 'EN'),
    amendedLineId: line.amendedLineId,
    hasOrder: line.orderId !== null,
    sublines: line.sublines.map(({ id, type, description, total: amount }) => ({
      id,
      type,
      description,
      total: amount,
    })),
  }
}

async function needsContact(tx: Tx, bill: BillRecord): Promise<boolean> {
  if (!bill.isOpen || bill.type === 'PROFORMA' || bill.accountId === null) return false
  const [contact] = await tx
    .select({ id: billContacts.id })
    .from(billContacts)
    .where(eq(billContacts.accountId, bill.accountId))
  return !contact
}

export async function getBillDetail(tx: Tx, id: number): Promise<BillDetail> {
  await getBill(tx, id)
  const [row] = await toRows(tx, await rowQuery(tx).where(eq(bills.id, id)))
  const [joined] = await rowQuery(tx).where(eq(bills.id, id))
  const bill = joined!.bill
  const lines = (await linesOf(tx, [id])).get(id) ?? []
  const totals = totalsOfLines(lines)
  const amendmentRows = await toRows(tx, await rowQuery(tx).where(eq(bills.amendOfId, id)))
  return {
    ...row!,
    version: bill.version,
    needsContact: await needsContact(tx, bill),
    comments: bill.comments,
    buyer:
      bill.buyerName === null
        ? null
        : {
            name: bill.buyerName,
            vat: bill.buyerVat ?? '',
            address: bill.buyerAddress ?? '',
            city: [bill.buyerZipcode, bill.buyerCity].filter(Boolean).join(' '),
            country: bill.buyerCountry ?? '',
          },
    lines: lines.map((line, i) => lineView(line, totals.lines[i]!.toFixed(2))),
    taxes: totals.taxes.map((entry) => ({
      rate: entry.rate.toString(),
      base: entry.base.toFixed(2),
      tax: entry.tax.toFixed(2),
    })),
    base: totals.base.toFixed(2),
    tax: totals.tax.toFixed(2),
    amendments: amendmentRows.map(({ id: amendmentId, number, type, total, isOpen, ...rest }) => ({
      id: amendmentId,
      number,
      type,
      total,
      isOpen,
      paymentState: rest.paymentState,
    })),
  }
}

/** An account's open bills, newest first: where lines may be moved or copied to. */
export async function openBillsOfAccount(tx: Tx, accountId: number): Promise<BillRow[]> {
  const joined = await rowQuery(tx)
    .where(and(eq(bills.accountId, accountId), eq(bills.isOpen, true)))
    .orderBy(desc(bills.id))
  return toRows(tx, joined)
}
