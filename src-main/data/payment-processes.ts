import { and, asc, count, desc, eq, inArray } from 'drizzle-orm'
import type { z } from 'zod'
import { AppError, type FieldIssue } from '../../src-shared/errors'
import type { Page } from '../../src-shared/schemas/common'
import {
  processListSchema,
  type ProcessAction,
  type ProcessDetail,
  type ProcessFile,
  type ProcessKind,
  type ProcessRow,
  type ProcessState,
  type TransactionRow,
  type TransactionState,
  type processCreateSchema,
  type processSetStateSchema,
} from '../../src-shared/schemas/payments'
import { cents, money, sum } from '../billing/money'
import { addDays, compareDates } from '../billing/periods'
import type { IsoDate } from '../billing/types'
import { PAYMENT_METHOD_SPECS } from '../payments/methods'
import { paymentProcesses, transactions } from '../db/schema'
import type { Tx } from '../db/store'
import type { WriteContext } from './context'
import { recordHistory } from './history'
import { assertVersion } from './locking'
import { FILE_NAMES, processFileText } from './process-files'
import {
  moveTransactions,
  transactionsByIds,
  transactionsOfProcess,
  type ProcessTransaction,
} from './process-transactions'
import { settingValue } from './settings'
import { containsAnyCase } from './sql'
import { listTransactions } from './transactions'

/**
 * Payment processes (spec: billing 9.3): the bank files made from transactions waiting for
 * processing, one per kind (debts are collected by a direct debit, refunds paid by a credit
 * transfer), and the steps that follow the file through the bank. A file is stored as it was
 * handed out and never rewritten.
 */

export type ProcessRecord = typeof paymentProcesses.$inferSelect
type ProcessCreate = z.output<typeof processCreateSchema>
type ProcessSetState = z.output<typeof processSetStateSchema>
type StepName = ProcessSetState['action']

const KIND_LABELS: Record<ProcessKind, string> = {
  DIRECT_DEBIT: 'Direct debit',
  CREDIT_TRANSFER: 'Credit transfer',
}

const repr = (process: Pick<ProcessRecord, 'id' | 'kind'>) =>
  `${KIND_LABELS[process.kind]} process ${process.id}`

/**
 * What a step does to the process and to those of its transactions in the `from` states; the
 * others stay as they are (a debit the bank returned alone stays rejected when the file is
 * marked executed, and a secured one cannot be rejected by an abort).
 */
const STEPS = {
  markExecuted: { process: 'EXECUTED', from: ['WAITING_EXECUTION'], to: 'EXECUTED' },
  abort: { process: 'ABORTED', from: ['WAITING_EXECUTION', 'EXECUTED'], to: 'REJECTED' },
  // The original's commit rejected the transactions; it secures them, as spec 9.3 says.
  commit: { process: 'COMMITTED', from: ['WAITING_EXECUTION', 'EXECUTED'], to: 'SECURED' },
} as const satisfies Record<
  StepName,
  { process: ProcessState; from: TransactionState[]; to: TransactionState }
>

/** The steps a process's state allows; deleting also needs its file untouched by the bank. */
export function processActionsOf(
  state: ProcessState,
  transactionStates: readonly TransactionState[],
): ProcessAction[] {
  switch (state) {
    case 'CREATED': {
      const untouched = transactionStates.every((each) => each === 'WAITING_EXECUTION')
      return untouched
        ? ['markExecuted', 'abort', 'commit', 'delete']
        : ['markExecuted', 'abort', 'commit']
    }
    case 'EXECUTED':
      return ['abort', 'commit']
    case 'COMMITTED':
    case 'ABORTED':
      return []
  }
}

const refuse = (issues: FieldIssue[]): never => {
  throw AppError.validation(issues)
}

// --- Reading ---------------------------------------------------------------------------------

type StatedAmount = { processId: number | null; state: TransactionState; amount: string }

const stateOf = (each: { state: TransactionState }) => each.state
const idOf = (each: { id: number }) => each.id

async function statedAmountsOf(tx: Tx, ids: readonly number[]): Promise<StatedAmount[]> {
  if (!ids.length) return []
  return tx
    .select({
      processId: transactions.processId,
      state: transactions.state,
      amount: transactions.amount,
    })
    .from(transactions)
    .where(inArray(transactions.processId, [...ids]))
}

/**
 * The row of a list: what the file holds (count, control sum) and what can be done with it.
 * The sum is of one currency: a SEPA file takes euros only (sepaCurrency), and a transaction
 * in a file cannot be edited.
 */
function toRow(process: ProcessRecord, own: readonly StatedAmount[]): ProcessRow {
  return {
    id: process.id,
    kind: process.kind,
    state: process.state,
    transactions: own.length,
    amount: cents(sum(own.map((each) => money(each.amount).abs()))),
    fileName: process.fileName,
    createdAt: process.createdAt,
    updatedAt: process.updatedAt,
    version: process.version,
    actions: processActionsOf(process.state, own.map(stateOf)),
  }
}

async function toRows(tx: Tx, processes: readonly ProcessRecord[]): Promise<ProcessRow[]> {
  const amounts = await statedAmountsOf(tx, processes.map(idOf))
  return processes.map((process) =>
    toRow(
      process,
      amounts.filter((each) => each.processId === process.id),
    ),
  )
}

export async function getProcess(tx: Tx, id: number): Promise<ProcessRecord> {
  const [row] = await tx.select().from(paymentProcesses).where(eq(paymentProcesses.id, id))
  if (!row) throw AppError.notFound('Payment process', id)
  return row
}

export async function processRows(tx: Tx, ids: readonly number[]): Promise<ProcessRow[]> {
  if (!ids.length) return []
  const rows = await tx
    .select()
    .from(paymentProcesses)
    .where(inArray(paymentProcesses.id, [...ids]))
    .orderBy(asc(paymentProcesses.id))
  return toRows(tx, rows)
}

/** Newest first by default; `q` finds a process by its file's name. */
export async function listProcesses(
  tx: Tx,
  input: z.input<typeof processListSchema>,
): Promise<Page<ProcessRow>> {
  const query = processListSchema.parse(input)
  const where = and(
    query.state ? eq(paymentProcesses.state, query.state) : undefined,
    query.q ? containsAnyCase(tx, paymentProcesses.fileName, query.q) : undefined,
  )
  const [total] = await tx.select({ n: count() }).from(paymentProcesses).where(where)
  const rows = await tx
    .select()
    .from(paymentProcesses)
    .where(where)
    .orderBy((query.dir === 'asc' ? asc : desc)(paymentProcesses.id))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize)
  return {
    rows: await toRows(tx, rows),
    total: Number(total?.n ?? 0),
    page: query.page,
    pageSize: query.pageSize,
  }
}

/** All of a process's transactions, a page of the transactions list at a time. */
async function linesOf(tx: Tx, processId: number): Promise<TransactionRow[]> {
  const lines: TransactionRow[] = []
  for (let page = 1; ; page++) {
    const found = await listTransactions(tx, { processId, page, pageSize: 200, dir: 'asc' })
    lines.push(...found.rows)
    if (lines.length >= found.total || found.rows.length === 0) return lines
  }
}

export async function getProcessDetail(tx: Tx, id: number): Promise<ProcessDetail> {
  const process = await getProcess(tx, id)
  const [row] = await toRows(tx, [process])
  return { ...row!, lines: await linesOf(tx, id) }
}

export async function processFile(tx: Tx, id: number): Promise<ProcessFile> {
  const process = await getProcess(tx, id)
  return { fileName: process.fileName, mimeType: 'application/xml', content: process.file }
}

// --- Creating --------------------------------------------------------------------------------

/** Why each of `items` cannot go in a bank file, if any cannot. */
function processProblems(items: readonly ProcessTransaction[]): FieldIssue[] {
  const issue = (id: number, rule: string, message: string): FieldIssue => ({
    field: 'transactionIds',
    rule,
    message: `transaction ${id} ${message}`,
  })
  return items.flatMap(({ transaction: t, source }) => {
    if (t.state !== 'WAITING_PROCESSING') {
      return [issue(t.id, 'state', `is ${t.state}: only one waiting for processing is processed`)]
    }
    if (!source) return [issue(t.id, 'source', 'has no payment source to be processed by')]
    if (!PAYMENT_METHOD_SPECS[source.method].processed) {
      const label = PAYMENT_METHOD_SPECS[source.method].label
      return [issue(t.id, 'method', `is paid by ${label}, which makes no bank file`)]
    }
    // A deactivated source may stand for a revoked mandate or a closed account.
    if (!source.isActive) {
      return [issue(t.id, 'source', `has payment source ${source.id}, which is not active`)]
    }
    return []
  })
}

/** The collection day asked for, or today + the lead days; never today or earlier. */
async function collectionDay(tx: Tx, asked: IsoDate | undefined, today: IsoDate) {
  const collectionOn = asked ?? addDays(today, await settingValue(tx, 'PAYMENTS_DD_LEAD_DAYS'))
  if (compareDates(collectionOn, today) <= 0) {
    refuse([
      {
        field: 'collectionOn',
        rule: 'future',
        message: `must be after today (${today}): the bank needs the file before the day`,
      },
    ])
  }
  return collectionOn
}

async function createProcess(
  ctx: WriteContext,
  kind: ProcessKind,
  items: readonly ProcessTransaction[],
  dates: { today: IsoDate; collectionOn: IsoDate },
): Promise<ProcessRecord> {
  // The file carries the process's id: the row goes in first, its file once it is made.
  const [row] = await ctx.tx
    .insert(paymentProcesses)
    .values({ kind, fileName: '', file: '', createdAt: ctx.now, updatedAt: ctx.now })
    .returning()
  const file = await processFileText(ctx.tx, row!, items, { ...dates, now: ctx.now })
  const [process] = await ctx.tx
    .update(paymentProcesses)
    .set({ fileName: FILE_NAMES[kind](row!.id), file })
    .where(eq(paymentProcesses.id, row!.id))
    .returning()

  await moveTransactions(ctx, items, { state: 'WAITING_EXECUTION', processId: process!.id })
  const amount = cents(sum(items.map((item) => money(item.transaction.amount).abs())))
  await recordHistory(ctx, {
    objectType: 'paymentProcess',
    objectId: process!.id,
    accountId: null,
    objectRepr: repr(process!),
    action: 'added',
    message: `${process!.fileName}: ${items.length} transactions, ${amount}`,
  })
  return process!
}

export interface ProcessOptions {
  /** The clerk's calendar day, from which the files' bank days are counted. */
  today: IsoDate
}

/**
 * Processes transactions, all waiting for processing, into one direct debit file for the
 * debts and one credit transfer file for the refunds (spec 9.3). One transaction that cannot
 * be processed refuses them all, naming each that cannot.
 */
export async function createProcesses(
  ctx: WriteContext,
  input: ProcessCreate,
  options: ProcessOptions,
): Promise<ProcessRecord[]> {
  const ids = [...new Set(input.transactionIds)]
  const items = await transactionsByIds(ctx.tx, ids)
  const found = new Set(items.map((item) => item.transaction.id))
  const missing = ids.filter((id) => !found.has(id))
  if (missing.length) throw AppError.notFound('Transaction', missing.join(', '))
  const problems = processProblems(items)
  if (problems.length) refuse(problems)

  const isDebt = (item: ProcessTransaction) => !money(item.transaction.amount).isNegative()
  const debts = items.filter(isDebt)
  const credits = items.filter((item) => !isDebt(item))
  const dates = {
    today: options.today,
    collectionOn: debts.length
      ? await collectionDay(ctx.tx, input.collectionOn, options.today)
      : options.today,
  }
  const created: ProcessRecord[] = []
  if (debts.length) created.push(await createProcess(ctx, 'DIRECT_DEBIT', debts, dates))
  if (credits.length) created.push(await createProcess(ctx, 'CREDIT_TRANSFER', credits, dates))
  return created
}

// --- Stepping and deleting -------------------------------------------------------------------

const processChangedMeanwhile = (id: number) =>
  new AppError({
    code: 'CONFLICT',
    field: 'version',
    message: `Payment process ${id} was changed by someone else meanwhile`,
  })

/** Refuses `action` unless the process's state, and its transactions', allow it. */
function assertAllows(
  process: ProcessRecord,
  items: readonly ProcessTransaction[],
  action: ProcessAction,
) {
  const states = items.map((item) => item.transaction.state)
  if (processActionsOf(process.state, states).includes(action)) return
  const why =
    action === 'delete' && process.state === 'CREATED'
      ? 'some of its transactions no longer wait for execution'
      : `it is ${process.state}`
  refuse([
    {
      field: 'action',
      rule: 'state',
      message: `process ${process.id} cannot take "${action}": ${why}`,
    },
  ])
}

/** One step of a process (spec 9.3), taking its transactions along. */
export async function setProcessState(
  ctx: WriteContext,
  input: ProcessSetState,
): Promise<ProcessRecord> {
  const before = await getProcess(ctx.tx, input.id)
  assertVersion(`Payment process ${before.id}`, before, input.version)
  const items = await transactionsOfProcess(ctx.tx, before.id)
  assertAllows(before, items, input.action)

  const step = STEPS[input.action]
  const from: readonly TransactionState[] = step.from
  const moving = items.filter((item) => from.includes(item.transaction.state))
  await moveTransactions(ctx, moving, { state: step.to })
  const [after] = await ctx.tx
    .update(paymentProcesses)
    .set({ state: step.process, version: before.version + 1, updatedAt: ctx.now })
    .where(and(eq(paymentProcesses.id, before.id), eq(paymentProcesses.version, before.version)))
    .returning()
  if (!after) throw processChangedMeanwhile(before.id)
  await recordHistory(ctx, {
    objectType: 'paymentProcess',
    objectId: after.id,
    accountId: null,
    objectRepr: repr(after),
    action: 'changed',
    changes: [{ field: 'state', from: before.state, to: after.state }],
    message: `${moving.length} transactions ${step.to}`,
  })
  return after
}

/**
 * Deletes a process whose file the bank has not acted on: every transaction still waits for
 * execution, and all go back to waiting for processing, out of any process. `version` is the
 * one the clerk saw; the delete is conditional on it, as the steps are.
 */
export async function deleteProcess(
  ctx: WriteContext,
  input: { id: number; version: number },
): Promise<void> {
  const process = await getProcess(ctx.tx, input.id)
  assertVersion(`Payment process ${process.id}`, process, input.version)
  const items = await transactionsOfProcess(ctx.tx, process.id)
  assertAllows(process, items, 'delete')

  await moveTransactions(ctx, items, { state: 'WAITING_PROCESSING', processId: null })
  const { file: _file, ...snapshot } = process
  await recordHistory(ctx, {
    objectType: 'paymentProcess',
    objectId: process.id,
    accountId: null,
    objectRepr: repr(process),
    action: 'deleted',
    message: `${items.length} transactions back to waiting for processing`,
    snapshot,
  })
  const deleted = await ctx.tx
    .delete(paymentProcesses)
    .where(and(eq(paymentProcesses.id, process.id), eq(paymentProcesses.version, process.version)))
    .returning({ id: paymentProcesses.id })
  if (!deleted.length) throw processChangedMeanwhile(process.id)
}
