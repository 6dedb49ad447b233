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
 * Count and amount per state and currency over the list's filter, and the amount in each
 * currency: amounts of two currencies are never added. Amounts are summed here as decimals:
 * SQL's sum of text would go through floating point on SQLite.
 */
export async function transactionReport(tx: Tx, input: ListQuery): Promise<TransactionReport> {
  const query = transactionListSchema.parse(input)
  const rows = await tx
    .select({
      state: transactions.state,
      amount: transactions.amount,
      currency: transactions.currency,
    })
    .from(transactions)
    .innerJoin(bills, eq(bills.id, transactions.billId))
    .leftJoin(accounts, eq(accounts.id, bills.accountId))
    .where(listFilter(tx, query))
  const currencies = [...new Set(rows.map((row) => row.currency))].sort()
  const amountsOf = (keep: (row: (typeof rows)[number]) => boolean) =>
    rows.filter(keep).map((row) => row.amount)
  const states = TRANSACTION_STATES.flatMap((state) =>
    currencies.flatMap((currency) => {
      const amounts = amountsOf((row) => row.state === state && row.currency === currency)
      if (!amounts.length) return []
      return [{ state, currency, count: amounts.length, amount: cents(sum(amounts)) }]
    }),
  )
  const totals = currencies.map((currency) => ({
    currency,
    amount: cents(sum(amountsOf((row) => row.currency === currency))),
  }))
  return { states, totals }
}

/** The transactions of bills, for their payment states: one query for them all. */
export async function transactionsOfBills(
  tx: Tx,
  billIds: readonly number[],
): Promise<Map<number, StatedAmount[]>> {
  const byBill = new Map<number, StatedAmount[]>()
  if (!billIds.length) return byBill
  const rows = await tx
    .select({
      billId: transactions.billId,
      state: transactions.state,
      amount: transactions.amount,
      currency: transactions.currency,
    })
    .from(transactions)
    .where(inArray(transactions.billId, [...billIds]))
    // The first is the one closing made, in the bill's currency (billCurrency).
    .orderBy(asc(transactions.id))
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

/**
 * The currency a bill is paid in: the one its first transaction was made in. Closing makes
 * that transaction in PAYMENT_CURRENCY, the ISO code of the currency BILLS_CURRENCY prints, so
 * a bill keeps the currency it was printed in when the setting changes later. Every other
 * transaction of the bill must be in it: an accountant cannot let 14.52 USD settle a bill of
 * 14.52 EUR. PAYMENT_CURRENCY is only the default for a closed bill that has no transaction
 * yet (one closed before payments existed).
 */
export async function billCurrency(tx: Tx, billId: number): Promise<string> {
  const [first] = await tx
    .select({ currency: transactions.currency })
    .from(transactions)
    .where(eq(transactions.billId, billId))
    .orderBy(asc(transactions.id))
    .limit(1)
  return first?.currency ?? (await settingValue(tx, 'PAYMENT_CURRENCY')).toUpperCase()
}

/** Why a transaction of `bill` cannot be in `currency`, if it cannot. */
function currencyProblem(bill: Pick<BillRecord, 'number'>, currency: string, own: string) {
  if (currency === own) return []
  return [
    {
      field: 'currency',
      rule: 'billCurrency',
      message: `bill ${bill.number} is in ${own}: its transactions cannot be in ${currency}`,
    },
  ]
}

/**
 * What a method that makes bank files needs of a transaction waiting for one: an amount to
 * move (a zero would wait for ever, no file carries it) in the only currency its files carry
 * (SEPA: euros).
 */
function fileProblems(
  values: { method: PaymentMethod | null; state: TransactionState },
  amount: Money,
  currency: string,
): FieldIssue[] {
  const spec = values.method && PAYMENT_METHOD_SPECS[values.method]
  if (!spec?.fileCurrency || values.state !== 'WAITING_PROCESSING') return []
  const issues: FieldIssue[] = []
  if (amount.isZero()) {
    issues.push({
      field: 'amount',
      rule: 'zero',
      message: `must not be zero: a ${spec.label} file carries no zero payment (reject it instead)`,
    })
  }
  if (currency !== spec.fileCurrency) {
    issues.push({
      field: 'currency',
      rule: 'fileCurrency',
      message: `must be ${spec.fileCurrency}: ${spec.label} moves ${spec.fileCurrency} only`,
    })
  }
  return issues
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
  const currency = await billCurrency(ctx.tx, bill.id)
  const method = source?.method ?? null
  const issues = fileProblems({ method, state: initialState(total, method) }, total, currency)
  if (issues.length) {
    const problem = (issue: FieldIssue) => `bill ${bill.number} (${currency}): ${issue.message}`
    refuse(issues.map((issue) => ({ ...issue, field: 'sources', message: problem(issue) })))
  }
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

/**
 * A closed bill's total and what its transactions not rejected already ask for, in its
 * currency: one in another currency (kept from before the rule) covers none of it.
 */
async function coverage(tx: Tx, bill: BillRecord) {
  const total = (await billTotalsOf(tx, bill.id)).total
  const currency = await billCurrency(tx, bill.id)
  const rows = await tx
    .select({ state: transactions.state, amount: transactions.amount })
    .from(transactions)
    .where(and(eq(transactions.billId, bill.id), eq(transactions.currency, currency)))
  const asked = sum(rows.filter((row) => row.state !== 'REJECTED').map((row) => row.amount))
  const covered = total.isNegative() ? asked.lessThanOrEqualTo(total) : asked.gte(total)
  return { total, covered, currency }
}

/** Refuses a transaction the bill cannot take; answers the bill's currency otherwise. */
async function assertBillTakesTransactions(tx: Tx, bill: BillRecord): Promise<string> {
  if (bill.isOpen || bill.type === 'PROFORMA') {
    refuse([
      {
        field: 'billId',
        rule: 'closed',
        message: `bill ${bill.number} must be closed, and not a pro forma, to be paid`,
      },
    ])
  }
  const { total, covered, currency } = await coverage(tx, bill)
  if (covered) {
    refuse([
      {
        field: 'billId',
        rule: 'covered',
        message:
          `the transactions of bill ${bill.number} not rejected already cover its total ` +
          `${cents(total)} ${currency}`,
      },
    ])
  }
  return currency
}

/**
 * `transactions:create`: refused once the bill's transactions not rejected cover its total,
 * and in any currency but the bill's (the default).
 */
export async function createTransaction(
  ctx: WriteContext,
  input: TransactionCreate,
): Promise<TransactionRecord> {
  const bill = await getBill(ctx.tx, input.billId)
  const own = await assertBillTakesTransactions(ctx.tx, bill)
  const amount = money(input.amount)
  const source = input.sourceId ? await getPaymentSource(ctx.tx, input.sourceId) : null
  const problem = source && sourceProblem(bill, source, amount)
  if (problem) refuse([{ field: 'sourceId', rule: 'source', message: problem }])
  const currency = input.currency?.toUpperCase() ?? own
  const method = source?.method ?? null
  const issues = [
    ...currencyProblem(bill, currency, own),
    ...fileProblems({ method, state: initialState(amount, method) }, amount, currency),
  ]
  if (issues.length) refuse(issues)
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
  const bill = await getBill(ctx.tx, before.billId)
  const issues = [
    ...(currency === before.currency
      ? []
      : currencyProblem(bill, currency, await billCurrency(ctx.tx, bill.id))),
    ...fileProblems(before, money(amount), currency),
  ]
  if (issues.length) refuse(issues)

  const [row] = await ctx.tx
    .update(transactions)
    .set({ amount, currency, version: before.version + 1, modifiedAt: ctx.now })
    .where(and(eq(transactions.id, before.id), eq(transactions.version, input.version)))
    .returning()
  if (!row) throw changedMeanwhile(before.id)
  const changes = (['amount', 'currency'] as const)
    .filter((field) => before[field] !== row[field])
    .map((field) => ({ field, from: before[field], to: row[field] }))
  if (changes.length) await recordChange(ctx, row, changes)
  return row
}

/** A conditional update that matched no row: another workstation got there first. */
function changedMeanwhile(id: number): AppError {
  return new AppError({
    code: 'CONFLICT',
    field: 'version',
    message: `Transaction ${id} was changed by someone else meanwhile: reload and try again`,
    details: { transactionId: id },
  })
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

/**
 * One manual step on every transaction of `ids`, or on none of them. `versions`, when given,
 * are the ones the clerk saw, one per id: a transaction changed since is not stepped on.
 * Each update is conditional on the state and version read, so a step another workstation
 * took meanwhile fails the whole unit of work instead of being overwritten.
 */
export async function setTransactionState(
  ctx: WriteContext,
  ids: readonly number[],
  step: ManualStep,
  versions?: readonly number[],
): Promise<number> {
  const seen = new Map(versions ? ids.map((id, i) => [id, versions[i]!]) : [])
  const unique = [...new Set(ids)]
  const rows = await ctx.tx.select().from(transactions).where(inArray(transactions.id, unique))
  const found = new Set(rows.map((row) => row.id))
  const missing = unique.filter((id) => !found.has(id))
  if (missing.length) throw AppError.notFound('Transaction', missing.join(', '))
  for (const row of rows) {
    if (seen.has(row.id)) assertVersion(`Transaction ${row.id}`, row, seen.get(row.id)!)
  }

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
      .where(
        and(
          eq(transactions.id, row.id),
          eq(transactions.version, row.version),
          eq(transactions.state, row.state),
        ),
      )
      .returning()
    if (!after) throw changedMeanwhile(row.id)
    await recordChange(ctx, after, [{ field: 'state', from: row.state, to }])
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
