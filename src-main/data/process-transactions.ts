import { and, asc, eq, inArray } from 'drizzle-orm'
import { AppError } from '../../src-shared/errors'
import type { PaymentSourceView, TransactionState } from '../../src-shared/schemas/payments'
import { bills, paymentSources, transactions } from '../db/schema'
import type { Tx } from '../db/store'
import type { WriteContext } from './context'
import { recordHistory } from './history'
import { toSourceView } from './payment-sources'
import type { TransactionRecord } from './transactions'

/**
 * The transactions a payment process is made of (spec: billing 9.3) and the steps a process
 * takes them through. Every step is conditional on the state and version it was decided on:
 * a transaction another workstation changed in the meantime fails the whole unit of work
 * instead of being overwritten.
 */

export interface ProcessTransaction {
  transaction: TransactionRecord
  bill: { number: string; accountId: number | null; buyerName: string }
  source: PaymentSourceView | null
}

function joinedQuery(tx: Tx) {
  return tx
    .select({
      transaction: transactions,
      number: bills.number,
      accountId: bills.accountId,
      buyerName: bills.buyerName,
      source: paymentSources,
    })
    .from(transactions)
    .innerJoin(bills, eq(bills.id, transactions.billId))
    .leftJoin(paymentSources, eq(paymentSources.id, transactions.sourceId))
}

type Joined = Awaited<ReturnType<ReturnType<typeof joinedQuery>['where']>>[number]

function toProcessTransaction(joined: Joined): ProcessTransaction {
  const { transaction, number, accountId, buyerName, source } = joined
  return {
    transaction,
    bill: { number, accountId, buyerName: buyerName ?? '' },
    source: source ? toSourceView(source) : null,
  }
}

/** The transactions of `ids` that exist, by id; the caller names the missing ones. */
export async function transactionsByIds(
  tx: Tx,
  ids: readonly number[],
): Promise<ProcessTransaction[]> {
  const rows = await joinedQuery(tx)
    .where(inArray(transactions.id, [...ids]))
    .orderBy(asc(transactions.id))
  return rows.map(toProcessTransaction)
}

export async function transactionsOfProcess(
  tx: Tx,
  processId: number,
): Promise<ProcessTransaction[]> {
  const rows = await joinedQuery(tx)
    .where(eq(transactions.processId, processId))
    .orderBy(asc(transactions.id))
  return rows.map(toProcessTransaction)
}

/** Where a step takes a transaction: a state, and for some steps in or out of a process. */
export interface TransactionMove {
  state: TransactionState
  processId?: number | null
}

function changedMeanwhile(row: TransactionRecord): AppError {
  return new AppError({
    code: 'CONFLICT',
    field: 'transactionIds',
    message: `Transaction ${row.id} was changed by someone else meanwhile: reload and try again`,
    details: { transactionId: row.id },
  })
}

/** Moves each of `items` as `move` says, with one history entry each. */
export async function moveTransactions(
  ctx: WriteContext,
  items: readonly ProcessTransaction[],
  move: TransactionMove,
): Promise<void> {
  for (const { transaction: row, bill } of items) {
    const processId = move.processId === undefined ? row.processId : move.processId
    const [after] = await ctx.tx
      .update(transactions)
      .set({ state: move.state, processId, version: row.version + 1, modifiedAt: ctx.now })
      .where(
        and(
          eq(transactions.id, row.id),
          eq(transactions.version, row.version),
          eq(transactions.state, row.state),
        ),
      )
      .returning()
    if (!after) throw changedMeanwhile(row)

    const changes = (['state', 'processId'] as const)
      .filter((field) => row[field] !== after[field])
      .map((field) => ({ field, from: row[field], to: after[field] }))
    await recordHistory(ctx, {
      objectType: 'transaction',
      objectId: row.id,
      accountId: bill.accountId,
      objectRepr: `Transaction ${row.id} of ${bill.number}`,
      action: 'changed',
      changes,
    })
  }
}
