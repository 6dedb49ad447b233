import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { PaymentState } from '../../../src-shared/schemas/bills'
import {
  openBill,
  paymentsWorld,
  sepaSource,
  untaxed,
  type PaymentsWorld,
} from './payments-fixtures'

// Spec 7.6 through the list: a bill's payment state is derived from its transactions, and the
// list's payment state filter finds the bills in each.

let world: PaymentsWorld

beforeEach(async () => {
  world = await paymentsWorld()
})
afterEach(() => world.core.dispose())

type Step = 'markExecuted' | 'markSecured' | 'reject'

/** Closes a bill of Ana without a source and takes its transaction through `steps`. */
async function closedBill(steps: Step[] = [], lines = [{}]) {
  const billId = await openBill(world.core, world.ana, lines)
  await world.call('bills:setClosed', { ids: [billId], sources: [{ billId, sourceId: null }] })
  const [row] = (await world.call('transactions:list', { billId })).rows
  for (const action of steps) await world.call('transactions:setState', { ids: [row!.id], action })
  return billId
}

/** One bill in each payment state, some in two ways. */
async function billsInEveryState() {
  const source = await world.call('paymentSources:create', sepaSource(world.ana))
  const open = await openBill(world.core, world.ana)
  const created = await openBill(world.core, world.ana)
  await world.call('bills:setClosed', {
    ids: [created],
    sources: [{ billId: created, sourceId: source.id }],
  })
  const processed = await closedBill()
  const executed = await closedBill(['markExecuted'])
  const paid = await closedBill(['markExecuted', 'markSecured'])
  const zero = await closedBill([], [untaxed('0.00')])
  const badDebt = await closedBill(['reject'])

  const incomplete = await closedBill()
  const [row] = (await world.call('transactions:list', { billId: incomplete })).rows
  await world.call('transactions:update', { id: row!.id, version: 1, amount: '10.00' })

  // A credit note of the paid bill, its refund secured: the note is paid too.
  const note = await world.call('bills:createAmendment', { id: paid })
  await world.call('bills:setClosed', {
    ids: [note.id],
    sources: [{ billId: note.id, sourceId: null }],
  })
  const [refund] = (await world.call('transactions:list', { billId: note.id })).rows
  for (const action of ['markExecuted', 'markSecured'] as const) {
    await world.call('transactions:setState', { ids: [refund!.id], action })
  }
  return { open, created, processed, executed, paid, zero, badDebt, incomplete, note: note.id }
}

const idsIn = async (paymentState: PaymentState) =>
  (await world.call('bills:list', { paymentState, dir: 'asc' })).rows.map((row) => row.id)

describe('bills:list payment states (spec 7.6)', () => {
  it('derives each bill its state from its transactions', async () => {
    const bills = await billsInEveryState()
    const { rows } = await world.call('bills:list', { dir: 'asc', pageSize: 50 })
    const states = new Map(rows.map((row) => [row.id, [row.total, row.paymentState]]))
    expect(
      Object.fromEntries(Object.entries(bills).map(([name, id]) => [name, states.get(id)])),
    ).toEqual({
      open: ['14.52', 'OPEN'],
      created: ['14.52', 'CREATED'],
      processed: ['14.52', 'PROCESSED'],
      executed: ['14.52', 'EXECUTED'],
      paid: ['14.52', 'PAID'],
      zero: ['0.00', 'PAID'],
      badDebt: ['14.52', 'BAD_DEBT'],
      incomplete: ['14.52', 'INCOMPLETE'],
      note: ['-14.52', 'PAID'],
    })
  })

  it('filters the list by each state', async () => {
    const bills = await billsInEveryState()
    expect(await idsIn('OPEN')).toEqual([bills.open])
    expect(await idsIn('CREATED')).toEqual([bills.created])
    expect(await idsIn('PROCESSED')).toEqual([bills.processed])
    expect(await idsIn('EXECUTED')).toEqual([bills.executed])
    expect(await idsIn('PAID')).toEqual([bills.paid, bills.zero, bills.note])
    expect(await idsIn('INCOMPLETE')).toEqual([bills.incomplete])
    expect(await idsIn('BAD_DEBT')).toEqual([bills.badDebt])
  })

  it('pages the bills of a state and counts them all', async () => {
    const bills = await billsInEveryState()
    const page = await world.call('bills:list', { paymentState: 'PAID', pageSize: 2, page: 2 })
    expect(page.total).toBe(3)
    expect(page.rows.map((row) => row.id)).toEqual([bills.paid])
  })

  it('turns a rejected bill back to PROCESSED when its transaction is reissued', async () => {
    const billId = await closedBill(['reject'])
    const [rejected] = (await world.call('transactions:list', { billId })).rows
    await world.call('transactions:createReissue', { id: rejected!.id })
    expect((await world.call('bills:get', { id: billId })).paymentState).toBe('PROCESSED')
    expect(await idsIn('BAD_DEBT')).toEqual([])
  })
})
