import { and, asc, count, desc, eq, inArray, or, type SQL } from 'drizzle-orm'
import type { z } from 'zod'
import { AppError, type FieldIssue } from '../../src-shared/errors'
import type { Page } from '../../src-shared/schemas/common'
import {
  TRANSACTION_STATES,
  transactionListSchema,
  type PaymentMethod,
  type PaymentSourceView,
  type TransactionAction,
  type TransactionReport,
  type TransactionRow,
  type TransactionState,
  type transactionCreateSchema,
  type transactionUpdateSchema,
} from '../../src-shared/schemas/payments'
import { cents, money, sum, ZERO, type Money, type MoneyLike } from '../billing/money'
import { PAYMENT_METHOD_SPECS } from '../payments/methods'
import type { StatedAmount } from '../payments/payment-state'
import { accounts, bills, paymentSources, transactions } from '../db/schema'
import type { Tx } from '../db/store'
import type { WriteContext } from './context'
import { recordHistory } from './history'
import { assertVersion } from './locking'
import { getPaymentSource, toSourceView } from './payment-sources'
import { billTotalsOf, getBill, type BillRecord } from './bills'
import { settingValue } from './settings'
import { containsAnyCase, searchWords } from './sql'

/**
 * Transactions (spec: billing 9.2): the money a closed bill asks for (positive) or gives back
 * (negative), and how far it has got. Each starts waiting for processing (a method with bank
 * files), waiting for execution (no source, or a method paid by hand) or, asking nothing,
 * secured. The manual steps are all-or-none over a selection: one transaction whose state
 * does not allow the step refuses the whole request, naming it.
 */

export type TransactionRecord = typeof transactions.$inferSelect
type TransactionCreate = z.input<typeof transactionCreateSchema>
type TransactionUpdate = z.input<typeof transactionUpdateSchema>

/** The steps a clerk may take by hand, from the states that allow them. */
export const TRANSITIONS = {
  markExecuted: { from: ['WAITING_EXECUTION'], to: 'EXECUTED' },
  markSecured: { from: ['EXECUTED'], to: 'SECURED' },
  reject: { from: ['WAITING_PROCESSING', 'WAITING_EXECUTION', 'EXECUTED'], to: 'REJECTED' },
} as const satisfies Record<string, { from: TransactionState[]; to: TransactionState }>
export type ManualStep = keyof typeof TRANSITIONS

const EDITABLE_STATES: readonly TransactionState[] = ['WAITING_PROCESSING', 'WAITING_EXECUTION']

export function initialState(amount: MoneyLike, method: PaymentMethod | null): TransactionState {
  if (money(amount).isZero()) return 'SECURED'
  if (method === null || !PAYMENT_METHOD_SPECS[method].processed) return 'WAITING_EXECUTION'
  return 'WAITING_PROCESSING'
}

/** What a transaction's state allows (spec 9.2); processing needs the source's details. */
export function actionsOf(row: Pick<TransactionRecord, 'state' | 'sourceId'>): TransactionAction[] {
  switch (row.state) {
    case 'WAITING_PROCESSING':
      return row.sourceId === null ? ['reject'] : ['process', 'reject']
    case 'WAITING_EXECUTION':
      return ['markExecuted', 'reject']
    case 'EXECUTED':
      return ['markSecured', 'reject']
    case 'REJECTED':
      return ['reissue']
    case 'SECURED':
      return []
  }
}

const refuse = (issues: FieldIssue[]): never => {
  throw AppError.validation(issues)
}

// --- Reading ---------------------------------------------------------------------------------

function rowQuery(tx: Tx) {
  return tx
    .select({
      transaction: transactions,
      billNumber: bills.number,
      accountId: bills.accountId,
      username: accounts.username,
      buyerName: bills.buyerName,
      source: paymentSources,
    })
    .from(transactions)
    .innerJoin(bills, eq(bills.id, transactions.billId))
    .leftJoin(accounts, eq(accounts.id, bills.accountId))
    .leftJoin(paymentSources, eq(paymentSources.id, transactions.sourceId))
}

type Joined = Awaited<ReturnType<ReturnType<typeof rowQuery>['where']>>[number]

function toRow(joined: Joined): TransactionRow {
  const { transaction: t, source } = joined
  return {
    id: t.id,
    billId: t.billId,
    billNumber: joined.billNumber,
    accountId: joined.accountId,
    accountName: joined.username ?? joined.buyerName ?? '',
    sourceId: t.sourceId,
    method: t.method,
    sourceLabel: source ? toSourceView(source).label : '',
    processId: t.processId,
    state: t.state,
    amount: t.amount,
    currency: t.currency,
    createdAt: t.createdAt,
    modifiedAt: t.modifiedAt,
    version: t.version,
    actions: actionsOf(t),
  }
}

export async function getTransactionRow(tx: Tx, id: number): Promise<TransactionRow> {
  const [joined] = await rowQuery(tx).where(eq(transactions.id, id))
  if (!joined) throw AppError.notFound('Transaction', id)
  return toRow(joined)
}

type ListQuery = z.input<typeof transactionListSchema>

function listFilter(tx: Tx, query: z.output<typeof transactionListSchema>): SQL | undefined {
  return and(
    query.state ? eq(transactions.state, query.state) : undefined,
    query.billId ? eq(transactions.billId, query.billId) : undefined,
    query.accountId ? eq(bills.accountId, query.accountId) : undefined,
    query.processId ? eq(transactions.processId, query.processId) : undefined,
    query.method ? eq(transactions.method, query.method) : undefined,
    ...searchWords(query.q).map((word) =>
      or(
        containsAnyCase(tx, bills.number, word),
        containsAnyCase(tx, accounts.username, word),
        containsAnyCase(tx, bills.buyerName, word),
      )!,
    ),
  )
}

export async function listTransactions(tx: Tx, input: ListQuery): Promise<Page<TransactionRow>> {
  const query = transactionListSchema.parse(input)
  const where = listFilter(tx, query)
  const [total] = await tx
    .select({ n: count() })
    .from(transactions)
    .innerJoin(bills, eq(bills.id, transactions.billId))
    .leftJoin(accounts, eq(accounts.id, bills.accountId))
    .where(where)
  const joined = await rowQuery(tx)
    .where(where)
    .orderBy((query.dir === 'asc' ? asc : desc)(transactions.id))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize)
  return {
    rows: joined.map(toRow),
    total: Number(total?.n ?? 0),
    page: query.page,
    pageSize: query.pageSize,
  }
}

/**
 * Count and amount per state over the list's filter, and the amount of them all. Amounts are
 * summed here as decimals: SQL's sum of text would go through floating point on SQLite.
 */
export async function transactionReport(tx: Tx, input: ListQuery): Promise<TransactionReport> {
  const query = transactionListSchema.parse(input)
  const rows = await tx
    .select({ state: transactions.state, amount: transactions.amount })
    .from(transactions)
    .innerJoin(bills, eq(bills.id, transactions.billId))
    .leftJoin(accounts, eq(accounts.id, bills.accountId))
    .where(listFilter(tx, query))
  const states = TRANSACTION_STATES.flatMap((state) => {
    const amounts = rows.filter((row) => row.state === state).map((row) => row.amount)
    return amounts.length ? [{ state, count: amounts.length, amount: cents(sum(amounts)) }] : []
  })
  return { states, total: cents(sum(rows.map((row) => row.amount))) }
}

/** The transactions of bills, for their payment states: one query for them all. */
export async function transactionsOfBills(
  tx: Tx,
  billIds: readonly number[],
): Promise<Map<number, StatedAmount[]>> {
  const byBill = new Map<number, StatedAmount[]>()
  if (!billIds.length) return byBill
  const rows = await tx
    .select({ billId: transactions.billId, state: transactions.state, amount: transactions.amount })
    .from(transactions)
    .where(inArray(transactions.billId, [...billIds]))
  for (const { billId, ...stated } of rows) {
    const own = byBill.get(billId)
    if (own) own.push(stated)
    else byBill.set(billId, [stated])
  }
  return byBill
}

// --- Writing ---------------------------------------------------------------------------------

const repr = (row: Pick<TransactionRecord, 'id'>, billNumber: string) =>
  `Transaction ${row.id} of ${billNumber}`

async function currencyOr(tx: Tx, currency: string | undefined): Promise<string> {
  return (currency ?? (await settingValue(tx, 'PAYMENT_CURRENCY'))).toUpperCase()
}

async function insertTransaction(
  ctx: WriteContext,
  bill: BillRecord,
  values: { source: PaymentSourceView | null; amount: Money; currency: string },
): Promise<TransactionRecord> {
  const method = values.source?.method ?? null
  const [row] = await ctx.tx
    .insert(transactions)
    .values({
      billId: bill.id,
      sourceId: values.source?.id ?? null,
      method,
      state: initialState(values.amount, method),
      amount: cents(values.amount),
      currency: values.currency,
      createdAt: ctx.now,
      modifiedAt: ctx.now,
    })
    .returning()
  await recordHistory(ctx, {
    objectType: 'transaction',
    objectId: row!.id,
    accountId: bill.accountId,
    objectRepr: repr(row!, bill.number),
    action: 'added',
    message: `${row!.state}, ${row!.amount} ${row!.currency}`,
  })
  return row!
}

/**
 * The transaction of a bill being closed (spec 7.4 step 2): its whole total, through the
 * chosen source or none. The caller has checked the source may take the bill.
 */
export async function createBillTransaction(
  ctx: WriteContext,
  bill: BillRecord,
  source: PaymentSourceView | null,
  total: Money,
): Promise<TransactionRecord> {
  const currency = await currencyOr(ctx.tx, undefined)
  return insertTransaction(ctx, bill, { source, amount: total, currency })
}

/** Why `source` cannot take an amount of `amount` on `bill`, if it cannot. */
export function sourceProblem(
  bill: Pick<BillRecord, 'accountId' | 'number'>,
  source: PaymentSourceView,
  amount: Money,
): string | undefined {
  if (source.accountId !== bill.accountId) {
    return `payment source ${source.id} is not of the account of bill ${bill.number}`
  }
  if (!source.isActive) return `payment source ${source.id} is not active`
  // lessThan, not isNegative: "-0" is a zero, which no method has to pay back.
  if (amount.lessThan(ZERO) && !source.refunds) {
    const label = PAYMENT_METHOD_SPECS[source.method].label
    return `payment source ${source.id} (${label}) cannot pay money back`
  }
  return undefined
}

/** A closed bill's total and what its transactions not rejected already ask for. */
async function coverage(tx: Tx, bill: BillRecord) {
  const total = (await billTotalsOf(tx, bill.id)).total
  const rows = await tx
    .select({ state: transactions.state, amount: transactions.amount })
    .from(transactions)
    .where(eq(transactions.billId, bill.id))
  const asked = sum(rows.filter((row) => row.state !== 'REJECTED').map((row) => row.amount))
  const covered = total.isNegative() ? asked.lessThanOrEqualTo(total) : asked.gte(total)
  return { total, covered }
}

async function assertBillTakesTransactions(tx: Tx, bill: BillRecord) {
  if (bill.isOpen || bill.type === 'PROFORMA') {
    refuse([
      {
        field: 'billId',
        rule: 'closed',
        message: `bill ${bill.number} must be closed, and not a pro forma, to be paid`,
      },
    ])
  }
  const { total, covered } = await coverage(tx, bill)
  if (covered) {
    refuse([
      {
        field: 'billId',
        rule: 'covered',
        message:
          `the transactions of bill ${bill.number} not rejected already cover its total ` +
          `${cents(total)}`,
      },
    ])
  }
}

/** `transactions:create`: refused once the bill's transactions not rejected cover its total. */
export async function createTransaction(
  ctx: WriteContext,
  input: TransactionCreate,
): Promise<TransactionRecord> {
  const bill = await getBill(ctx.tx, input.billId)
  await assertBillTakesTransactions(ctx.tx, bill)
  const amount = money(input.amount)
  const source = input.sourceId ? await getPaymentSource(ctx.tx, input.sourceId) : null
  const problem = source && sourceProblem(bill, source, amount)
  if (problem) refuse([{ field: 'sourceId', rule: 'source', message: problem }])
  const currency = await currencyOr(ctx.tx, input.currency)
  return insertTransaction(ctx, bill, { source, amount, currency })
}

async function getTransaction(tx: Tx, id: number): Promise<TransactionRecord> {
  const [row] = await tx.select().from(transactions).where(eq(transactions.id, id))
  if (!row) throw AppError.notFound('Transaction', id)
  return row
}

/** Amount and currency, while it waits and before any bank file holds it. */
export async function updateTransaction(
  ctx: WriteContext,
  input: TransactionUpdate,
): Promise<TransactionRecord> {
  const before = await getTransaction(ctx.tx, input.id)
  assertVersion(`Transaction ${before.id}`, before, input.version)
  if (!EDITABLE_STATES.includes(before.state)) {
    refuse([
      {
        field: 'id',
        rule: 'state',
        message: `transaction ${before.id} is ${before.state}: only a waiting one can change`,
      },
    ])
  }
  if (before.processId !== null) {
    refuse([
      {
        field: 'id',
        rule: 'processed',
        message:
          `transaction ${before.id} is in the file of process ${before.processId}: ` +
          'delete the process first',
      },
    ])
  }
  const amount = input.amount === undefined ? before.amount : cents(input.amount)
  const currency = input.currency === undefined ? before.currency : input.currency.toUpperCase()
  // The rule a new transaction meets (sourceProblem): money goes back only by a refunding method.
  if (money(amount).isNegative() && before.method && !PAYMENT_METHOD_SPECS[before.method].refunds) {
    const label = PAYMENT_METHOD_SPECS[before.method].label
    refuse([
      {
        field: 'amount',
        rule: 'refunds',
        message: `transaction ${before.id} goes through ${label}, which cannot pay money back`,
      },
    ])
  }
  const [row] = await ctx.tx
    .update(transactions)
    .set({ amount, currency, version: before.version + 1, modifiedAt: ctx.now })
    .where(and(eq(transactions.id, before.id), eq(transactions.version, input.version)))
    .returning()
  const changes = (['amount', 'currency'] as const)
    .filter((field) => before[field] !== row![field])
    .map((field) => ({ field, from: before[field], to: row![field] }))
  if (changes.length) await recordChange(ctx, row!, changes)
  return row!
}

async function recordChange(
  ctx: WriteContext,
  row: TransactionRecord,
  changes: { field: string; from: unknown; to: unknown }[],
) {
  const bill = await getBill(ctx.tx, row.billId)
  await recordHistory(ctx, {
    objectType: 'transaction',
    objectId: row.id,
    accountId: bill.accountId,
    objectRepr: repr(row, bill.number),
    action: 'changed',
    changes,
  })
}

/** One manual step on every transaction of `ids`, or on none of them. */
export async function setTransactionState(
  ctx: WriteContext,
  ids: readonly number[],
  step: ManualStep,
): Promise<number> {
  const unique = [...new Set(ids)]
  const rows = await ctx.tx.select().from(transactions).where(inArray(transactions.id, unique))
  const found = new Set(rows.map((row) => row.id))
  const missing = unique.filter((id) => !found.has(id))
  if (missing.length) throw AppError.notFound('Transaction', missing.join(', '))

  const { from, to } = TRANSITIONS[step]
  const refused = rows.filter((row) => !(from as readonly TransactionState[]).includes(row.state))
  if (refused.length) {
    refuse(
      refused.map((row) => ({
        field: 'ids',
        rule: 'state',
        message: `transaction ${row.id} is ${row.state}: it cannot take "${step}"`,
      })),
    )
  }
  for (const row of rows) {
    const [after] = await ctx.tx
      .update(transactions)
      .set({ state: to, version: row.version + 1, modifiedAt: ctx.now })
      .where(eq(transactions.id, row.id))
      .returning()
    await recordChange(ctx, after!, [{ field: 'state', from: row.state, to }])
  }
  return rows.length
}

/** A new transaction in place of a rejected one: same bill, source, amount and currency. */
export async function reissueTransaction(
  ctx: WriteContext,
  id: number,
): Promise<TransactionRecord> {
  const rejected = await getTransaction(ctx.tx, id)
  if (rejected.state !== 'REJECTED') {
    refuse([
      {
        field: 'id',
        rule: 'state',
        message: `transaction ${id} is ${rejected.state}: only a rejected one is reissued`,
      },
    ])
  }
  return createTransaction(ctx, {
    billId: rejected.billId,
    sourceId: rejected.sourceId,
    amount: rejected.amount,
    currency: rejected.currency,
  })
}
