import { eq } from 'drizzle-orm'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { ChannelRequest } from '../../../src-shared/contract/channels'
import type { TransactionState } from '../../../src-shared/schemas/payments'
import type { WriteContext } from '../../../src-main/data/context'
import { setTransactionState, updateTransaction } from '../../../src-main/data/transactions'
import { transactions } from '../../../src-main/db/schema'
import { ctxOf } from './bill-fixtures'
import {
  openBill,
  paymentsWorld,
  sepaSource,
  transferSource,
  untaxed,
  withChangeBeforeUpdate,
  type PaymentsWorld,
} from './payments-fixtures'

// Spec 9.2: the manual steps on transactions, their edits, manual ones and the report.

let world: PaymentsWorld

beforeEach(async () => {
  world = await paymentsWorld()
})
afterEach(() => world.core.dispose())

type Step = 'markExecuted' | 'markSecured' | 'reject'

/** Closes a bill of `accountId` (14.52 unless lines are given) and answers its transaction. */
async function closedWith(sourceId: number | null, lines = [{}], accountId = world.ana) {
  const billId = await openBill(world.core, accountId, lines)
  await world.call('bills:setClosed', { ids: [billId], sources: [{ billId, sourceId }] })
  const [row] = (await world.call('transactions:list', { billId })).rows
  return row!
}

const step = (ids: number[], action: Step) => world.call('transactions:setState', { ids, action })

async function stateOf(id: number): Promise<TransactionState> {
  const { rows } = await world.call('transactions:list', { pageSize: 200 })
  return rows.find((row) => row.id === id)!.state
}

/** A transaction of a bill closed without source, taken to `state` by the manual steps. */
async function transactionIn(state: TransactionState) {
  const row = await closedWith(null)
  const path: Partial<Record<TransactionState, Step[]>> = {
    EXECUTED: ['markExecuted'],
    SECURED: ['markExecuted', 'markSecured'],
    REJECTED: ['reject'],
  }
  for (const action of path[state] ?? []) await step([row.id], action)
  expect(await stateOf(row.id)).toBe(state)
  return row
}

describe('transactions:setState (spec 9.2 manual steps)', () => {
  const allowed: [TransactionState, Step[]][] = [
    ['WAITING_EXECUTION', ['markExecuted', 'reject']],
    ['EXECUTED', ['markSecured', 'reject']],
    ['SECURED', []],
    ['REJECTED', []],
  ]
  const moves: Record<Step, TransactionState> = {
    markExecuted: 'EXECUTED',
    markSecured: 'SECURED',
    reject: 'REJECTED',
  }

  for (const [state, steps] of allowed) {
    it(`allows ${steps.join(' and ') || 'no step'} from ${state}`, async () => {
      for (const action of ['markExecuted', 'markSecured', 'reject'] as const) {
        const { id } = await transactionIn(state)
        if (steps.includes(action)) {
          expect(await step([id], action)).toEqual({ changed: 1 })
          expect(await stateOf(id)).toBe(moves[action])
        } else {
          await expect(step([id], action)).rejects.toMatchObject({ code: 'VALIDATION' })
          expect(await stateOf(id)).toBe(state)
        }
      }
    })
  }

  it('allows only reject by hand while waiting for processing: the file processes', async () => {
    const source = await world.call('paymentSources:create', sepaSource(world.ana))
    const row = await closedWith(source.id)
    expect(row).toMatchObject({ state: 'WAITING_PROCESSING', actions: ['process', 'reject'] })
    await expect(step([row.id], 'markExecuted')).rejects.toMatchObject({ code: 'VALIDATION' })
    await expect(step([row.id], 'markSecured')).rejects.toMatchObject({ code: 'VALIDATION' })
    expect(await step([row.id], 'reject')).toEqual({ changed: 1 })
  })

  it('lists the actions each state allows', async () => {
    const rows = [
      await transactionIn('WAITING_EXECUTION'),
      await transactionIn('EXECUTED'),
      await transactionIn('SECURED'),
      await transactionIn('REJECTED'),
    ]
    const { rows: listed } = await world.call('transactions:list', { dir: 'asc' })
    expect(listed.map((row) => [row.id, row.state, row.actions])).toEqual([
      [rows[0]!.id, 'WAITING_EXECUTION', ['markExecuted', 'reject']],
      [rows[1]!.id, 'EXECUTED', ['markSecured', 'reject']],
      [rows[2]!.id, 'SECURED', []],
      [rows[3]!.id, 'REJECTED', ['reissue']],
    ])
  })

  it('changes all of a selection or none, naming each transaction that refuses', async () => {
    const waiting = await transactionIn('WAITING_EXECUTION')
    const secured = await transactionIn('SECURED')
    const rejected = await transactionIn('REJECTED')
    const error = await step([waiting.id, secured.id, rejected.id], 'markExecuted').catch(
      (e: unknown) => e,
    )
    expect(error).toMatchObject({ code: 'VALIDATION', field: 'ids' })
    expect((error as { issues: { message: string }[] }).issues.map((i) => i.message)).toEqual([
      `transaction ${secured.id} is SECURED: it cannot take "markExecuted"`,
      `transaction ${rejected.id} is REJECTED: it cannot take "markExecuted"`,
    ])
    expect(await stateOf(waiting.id)).toBe('WAITING_EXECUTION')

    const other = await transactionIn('WAITING_EXECUTION')
    expect(await step([waiting.id, other.id], 'markExecuted')).toEqual({ changed: 2 })
  })

  it('refuses a transaction that does not exist', async () => {
    await expect(step([999], 'reject')).rejects.toMatchObject({ code: 'NOT_FOUND' })
  })

  it('writes a history entry for each step, with the states', async () => {
    const { id } = await transactionIn('EXECUTED')
    const page = await world.call('history:list', {
      objectType: 'transaction',
      objectId: id,
      dir: 'asc',
    })
    expect(page.rows.map((entry) => [entry.action, entry.objectRepr, entry.message])).toEqual([
      ['added', `Transaction ${id} of I20260001`, 'WAITING_EXECUTION, 14.52 EUR'],
      ['changed', `Transaction ${id} of I20260001`, ''],
    ])
    expect(page.rows[1]!.changes).toEqual([
      { field: 'state', from: 'WAITING_EXECUTION', to: 'EXECUTED' },
    ])
  })
})

describe('transactions:update (spec 9.2)', () => {
  it('changes the amount while waiting, and the bill falls short', async () => {
    const row = await closedWith(null)
    const update = { id: row.id, version: 1, amount: '10.5', currency: 'eur' }
    const updated = await world.call('transactions:update', update)
    expect(updated).toMatchObject({ amount: '10.50', currency: 'EUR', version: 2 })
    const bill = await world.call('bills:get', { id: row.billId })
    expect(bill.paymentState).toBe('INCOMPLETE')
  })

  it('changes the amount of one waiting for processing too', async () => {
    const source = await world.call('paymentSources:create', sepaSource(world.ana))
    const row = await closedWith(source.id)
    const update = { id: row.id, version: 1, amount: '-1.00' }
    expect(await world.call('transactions:update', update)).toMatchObject({
      state: 'WAITING_PROCESSING',
      amount: '-1.00',
    })
  })

  it('refuses once the transaction is executed, secured or rejected', async () => {
    for (const state of ['EXECUTED', 'SECURED', 'REJECTED'] as const) {
      const row = await transactionIn(state)
      const { version } = (await world.call('transactions:list', { billId: row.billId })).rows[0]!
      const update = world.call('transactions:update', { id: row.id, version, amount: '1.00' })
      await expect(update).rejects.toMatchObject({ code: 'VALIDATION', field: 'id' })
    }
  })

  it('refuses a negative amount on a source that cannot pay money back', async () => {
    const transfer = await world.call('paymentSources:create', transferSource(world.ana))
    const row = await closedWith(transfer.id)
    const update = world.call('transactions:update', { id: row.id, version: 1, amount: '-5.00' })
    await expect(update).rejects.toMatchObject({ code: 'VALIDATION', field: 'amount' })
  })
})

describe('transactions:create and :createReissue (spec 9.2)', () => {
  it("is refused once the bill's transactions not rejected cover its total", async () => {
    const row = await closedWith(null)
    const more = { billId: row.billId, amount: '1.00' }
    await expect(world.call('transactions:create', more)).rejects.toMatchObject({
      code: 'VALIDATION',
      field: 'billId',
    })

    await world.call('transactions:update', { id: row.id, version: 1, amount: '10.00' })
    const rest = await world.call('transactions:create', { billId: row.billId, amount: '4.52' })
    expect(rest).toMatchObject({ state: 'WAITING_EXECUTION', amount: '4.52', currency: 'EUR' })
    expect((await world.call('bills:get', { id: row.billId })).paymentState).toBe('PROCESSED')
    await expect(world.call('transactions:create', more)).rejects.toMatchObject({
      field: 'billId',
    })
  })

  it('refuses a transaction on an open bill', async () => {
    const billId = await openBill(world.core, world.ana)
    await expect(
      world.call('transactions:create', { billId, amount: '14.52' }),
    ).rejects.toMatchObject({ code: 'VALIDATION', field: 'billId' })
  })

  it("refuses another account's source", async () => {
    const beas = await world.call('paymentSources:create', sepaSource(world.bea))
    const row = await transactionIn('REJECTED')
    const create = { billId: row.billId, sourceId: beas.id, amount: '14.52' }
    await expect(world.call('transactions:create', create)).rejects.toMatchObject({
      field: 'sourceId',
    })
  })

  it('reissues a rejected transaction with its bill, source, amount and currency', async () => {
    const source = await world.call('paymentSources:create', sepaSource(world.ana))
    const row = await closedWith(source.id)
    await step([row.id], 'reject')
    expect((await world.call('bills:get', { id: row.billId })).paymentState).toBe('BAD_DEBT')

    const again = await world.call('transactions:createReissue', { id: row.id })
    expect(again).toMatchObject({
      billId: row.billId,
      sourceId: source.id,
      method: 'SEPA_DIRECT_DEBIT',
      state: 'WAITING_PROCESSING',
      amount: '14.52',
      currency: 'EUR',
    })
    expect(again.id).not.toBe(row.id)
    expect((await world.call('bills:get', { id: row.billId })).paymentState).toBe('CREATED')
  })

  it('refuses to reissue a transaction that is not rejected', async () => {
    const row = await closedWith(null)
    await expect(world.call('transactions:createReissue', { id: row.id })).rejects.toMatchObject({
      code: 'VALIDATION',
      field: 'id',
    })
  })
})

describe('transactions:report (spec 9.2)', () => {
  it('adds the amounts per state and currency and in all as exact decimals', async () => {
    const sepa = await world.call('paymentSources:create', sepaSource(world.ana))
    const executed = await closedWith(null)
    await step([executed.id], 'markExecuted')
    await closedWith(sepa.id, [untaxed('0.10')])
    await closedWith(sepa.id, [untaxed('0.20')])
    const rejected = await closedWith(null, [untaxed('0.70')])
    await step([rejected.id], 'reject')
    await closedWith(null, [{}], world.bea)

    expect(await world.call('transactions:report', {})).toEqual({
      states: [
        { state: 'WAITING_PROCESSING', currency: 'EUR', count: 2, amount: '0.30' },
        { state: 'WAITING_EXECUTION', currency: 'EUR', count: 1, amount: '14.52' },
        { state: 'EXECUTED', currency: 'EUR', count: 1, amount: '14.52' },
        { state: 'REJECTED', currency: 'EUR', count: 1, amount: '0.70' },
      ],
      totals: [{ currency: 'EUR', amount: '30.04' }],
    })
    expect(await world.call('transactions:report', { accountId: world.bea })).toEqual({
      states: [{ state: 'WAITING_EXECUTION', currency: 'EUR', count: 1, amount: '14.52' }],
      totals: [{ currency: 'EUR', amount: '14.52' }],
    })
    const byState = await world.call('transactions:report', { state: 'WAITING_PROCESSING' })
    expect(byState.totals).toEqual([{ currency: 'EUR', amount: '0.30' }])
  })
})

describe('transactions:list (spec 9.2)', () => {
  it('filters by state, method, account and words, and counts all the matches', async () => {
    const sepa = await world.call('paymentSources:create', sepaSource(world.ana))
    const debit = await closedWith(sepa.id)
    const manual = await closedWith(null)
    const beas = await closedWith(null, [{}], world.bea)
    async function ids(query: ChannelRequest<'transactions:list'>) {
      const page = await world.call('transactions:list', { ...query, dir: 'asc' })
      return [page.total, page.rows.map((row) => row.id)]
    }

    expect(await ids({ state: 'WAITING_EXECUTION' })).toEqual([2, [manual.id, beas.id]])
    expect(await ids({ method: 'SEPA_DIRECT_DEBIT' })).toEqual([1, [debit.id]])
    expect(await ids({ accountId: world.bea })).toEqual([1, [beas.id]])
    expect(await ids({ q: 'bea' })).toEqual([1, [beas.id]])
    expect(await ids({ q: 'I20260002' })).toEqual([1, [manual.id]])
    expect(await ids({ pageSize: 2, page: 2 })).toEqual([3, [beas.id]])
  })
})

describe('transactions: steps against another workstation (spec 9.2)', () => {
  const conflict = { code: 'CONFLICT', message: expect.stringContaining('Transaction') }

  /** Writes `work` with a change of transaction `id` by someone else before its update. */
  const racing = <T>(id: number, work: (ctx: WriteContext) => Promise<T>) =>
    world.core.store.write((tx) => {
      const meanwhile = () =>
        tx.update(transactions).set({ version: 9 }).where(eq(transactions.id, id))
      return work(ctxOf(withChangeBeforeUpdate(tx, meanwhile)))
    })

  it('refuses a step from a version the clerk no longer sees, and changes none', async () => {
    const row = await closedWith(null)
    await step([row.id], 'markExecuted')
    const stale = { ids: [row.id], versions: [row.version], action: 'markSecured' as const }
    await expect(world.call('transactions:setState', stale)).rejects.toMatchObject(conflict)
    expect(await stateOf(row.id)).toBe('EXECUTED')
  })

  it('refuses a step another workstation took meanwhile instead of overwriting it', async () => {
    const row = await closedWith(null)
    const rejecting = racing(row.id, (ctx) => setTransactionState(ctx, [row.id], 'reject'))
    await expect(rejecting).rejects.toMatchObject(conflict)
    expect(await stateOf(row.id)).toBe('WAITING_EXECUTION')
  })

  it('answers a conflict, not a crash, when an edit lost the race', async () => {
    const row = await closedWith(null)
    const input = { id: row.id, version: row.version, amount: '1.00' }
    const editing = racing(row.id, (ctx) => updateTransaction(ctx, input))
    await expect(editing).rejects.toMatchObject(conflict)
  })
})
