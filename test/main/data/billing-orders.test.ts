import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { OrderUpdateJob } from '../../../src-shared/schemas/billing-orders'
import {
  orderUpdateFinished,
  startServiceOrderUpdate,
} from '../../../src-main/data/order-update-job'
import { billLines, bills, orders } from '../../../src-main/db/schema'
import { accountInput, caller, countRows, makeCore, type TestCore } from '../../support/core'

// Spec billing 4.1 (order list, ignore action) and 2.3 ("update orders": dry run, then a
// background job with progress).

let core: TestCore
const call = caller(() => core)
let clock = new Date('2026-03-01T10:00:00Z')
let joe: number
let kind: number

async function items(...identifiers: string[]) {
  const made = []
  for (const identifier of identifiers) {
    const detail = await call('miscellaneous:create', {
      serviceId: kind,
      accountId: joe,
      identifier,
    })
    made.push(detail.item)
  }
  return made
}

const backup = (match = 'miscellaneous.is_active') =>
  call('billingServices:create', {
    description: 'Backup',
    contentType: 'miscellaneous',
    match,
    nominalPrice: '10',
    ignorePeriod: '',
  })

beforeEach(async () => {
  clock = new Date('2026-03-01T10:00:00Z')
  core = await makeCore({ clock: () => clock })
  await call('settings:update', { name: 'ORDERS_TIME_ZONE', value: 'UTC' })
  joe = (await call('accounts:create', accountInput({ username: 'joe' }))).account.id
  kind = (await call('miscServices:create', { name: 'backup', hasAmount: true })).id
})
afterEach(() => core.dispose())

describe('orders list and detail (spec billing 4.1)', () => {
  it('hides ignored orders unless asked for', async () => {
    await backup()
    const [a] = await items('a', 'b')
    const first = (await call('orders:list', {})).rows.find((row) => row.objectId === a!.id)!
    expect(await call('orders:setIgnored', { ids: [first.id], ignore: true })).toEqual({
      changed: 1,
    })
    const repr = async (query: Parameters<typeof call<'orders:list'>>[1]) =>
      (await call('orders:list', query)).rows.map((row) => row.contentObjectRepr)
    expect(await repr({})).toEqual(['b'])
    expect(await repr({ ignored: 'yes' })).toEqual(['a'])
    expect(await repr({ ignored: 'all' })).toEqual(['a', 'b'])
  })

  it('filters active, inactive, never billed and pending orders', async () => {
    await backup()
    const [a] = await items('a', 'b')
    clock = new Date('2026-03-05T10:00:00Z')
    await call('miscellaneous:setActive', { ids: [a!.id], active: false })
    const repr = async (query: Parameters<typeof call<'orders:list'>>[1]) =>
      (await call('orders:list', query)).rows.map((row) => row.contentObjectRepr)
    expect(await repr({ active: true })).toEqual(['b'])
    expect(await repr({ active: false })).toEqual(['a'])
    expect(await repr({ billing: 'notBilled' })).toEqual(['a', 'b'])
    expect(await repr({ billing: 'pending' })).toEqual(['a', 'b'])
    expect(await repr({ billing: 'billed' })).toEqual([])
  })

  it('leaves orders still in their trial period out of pending, by the core clock', async () => {
    await call('billingServices:create', {
      description: 'Trial backup',
      contentType: 'miscellaneous',
      nominalPrice: '10',
      ignorePeriod: 'TEN_DAYS',
    })
    await items('a')
    clock = new Date('2026-03-11T10:00:00Z')
    expect((await call('orders:list', { billing: 'pending' })).total).toBe(0)
    clock = new Date('2026-03-12T10:00:00Z')
    expect((await call('orders:list', { billing: 'pending' })).total).toBe(1)
  })

  it('records who marked an order ignored', async () => {
    await backup()
    await items('a')
    const [order] = (await call('orders:list', {})).rows
    await call('orders:setIgnored', { ids: [order!.id], ignore: true })
    const history = await call('history:list', { objectType: 'order', objectId: order!.id })
    expect(history.rows[0]).toMatchObject({
      actor: 'tester@ws1',
      changes: [{ field: 'ignore', from: false, to: true }],
    })
  })

  it('links the bills holding its lines', async () => {
    await backup()
    await items('a')
    const [order] = (await call('orders:list', {})).rows
    await core.store.write(async (tx) => {
      const [bill] = await tx
        .insert(bills)
        .values({ number: 'OI20260001', type: 'INVOICE', accountId: joe, createdOn: '2026-03-01' })
        .returning()
      for (const position of [0, 1]) {
        await tx.insert(billLines).values({
          billId: bill!.id,
          orderId: order!.id,
          description: 'Backup: a',
          subtotal: '10.00',
          startOn: '2026-03-01',
          position,
        })
      }
    })
    const detail = await call('orders:get', { id: order!.id })
    expect(detail.bills).toEqual([
      { id: expect.any(Number), number: 'OI20260001', type: 'INVOICE', isOpen: true },
    ])
  })

  it('shows the last 10 metric values, newest first', async () => {
    await call('billingServices:create', {
      description: 'Backup GB',
      contentType: 'miscellaneous',
      metric: 'miscellaneous.amount',
      billingPeriod: 'MONTHLY',
      pricingPeriod: '',
      nominalPrice: '1',
    })
    let [item] = await items('a')
    for (let day = 2; day <= 13; day++) {
      clock = new Date(`2026-03-${String(day).padStart(2, '0')}T10:00:00Z`)
      const detail = await call('miscellaneous:update', {
        id: item!.id,
        version: item!.version,
        amount: day * 10,
      })
      item = detail.item
    }
    const [order] = (await call('orders:list', {})).rows
    const detail = await call('orders:get', { id: order!.id })
    expect(detail.metrics).toHaveLength(10)
    expect(detail.metrics[0]).toMatchObject({ createdOn: '2026-03-13', value: '130.00' })
    expect(detail.metrics[9]).toMatchObject({ createdOn: '2026-03-04', value: '40.00' })
  })
})

describe('update orders of a service (spec billing 2.3)', () => {
  it('lists in a dry run what each object would do, changing nothing', async () => {
    const [a, b] = await items('a', 'b', 'c')
    await call('miscellaneous:setActive', { ids: [b!.id], active: false })
    // The service comes after the objects: none has an order yet.
    const service = await backup("miscellaneous.is_active && miscellaneous.identifier != 'c'")
    const decisions = await call('orders:previewUpdate', { serviceId: service.id })
    expect(decisions.map((d) => [d.objectRepr, d.action])).toEqual([['a', 'create']])
    expect(await countRows(core, orders)).toBe(0)

    const before = await call('orders:startUpdate', { serviceId: service.id })
    await orderUpdateFinished(before.jobId)
    await call('miscellaneous:update', { id: a!.id, version: a!.version, description: 'x' })
    await call('billingServices:update', {
      id: service.id,
      version: service.version,
      match: "miscellaneous.identifier == 'c'",
    })
    const next = await call('orders:previewUpdate', { serviceId: service.id })
    expect(next.map((d) => [d.objectRepr, d.action])).toEqual([
      ['a', 'cancel'],
      ['c', 'create'],
    ])
  })

  it('applies in the background, batch by batch, reporting progress', async () => {
    await items('a', 'b', 'c', 'd', 'e')
    const service = await backup()
    const events: OrderUpdateJob[] = []
    const stop = core.events.subscribe((event, payload) => {
      if (event === 'orders:updateProgress') events.push(payload as OrderUpdateJob)
    })
    const runner = {
      write: <T>(work: Parameters<typeof core.dispatcher.write<T>>[0]) =>
        core.dispatcher.write(work),
      progress: (job: OrderUpdateJob) => core.events.emit('orders:updateProgress', job),
    }
    const started = await startServiceOrderUpdate(runner, service.id, 2)
    expect(started).toMatchObject({ state: 'running', total: 5, done: 0 })
    const finished = await orderUpdateFinished(started.jobId)
    stop()
    expect(finished).toMatchObject({ state: 'done', done: 5, created: 5, errors: 0 })
    expect(events.map((event) => [event.state, event.done])).toEqual([
      ['running', 2],
      ['running', 4],
      ['running', 5],
      ['done', 5],
    ])
    expect(await countRows(core, orders)).toBe(5)
    const status = await call('orders:updateStatus', { jobId: started.jobId })
    expect(status).toEqual(finished)
  })

  it('answers the call at once with the job, which the events then follow', async () => {
    await items('a', 'b')
    const service = await backup()
    const events: OrderUpdateJob[] = []
    const stop = core.events.subscribe((event, payload) => {
      if (event === 'orders:updateProgress') events.push(payload as OrderUpdateJob)
    })
    const job = await call('orders:startUpdate', { serviceId: service.id })
    expect(job).toMatchObject({ state: 'running', total: 2, done: 0 })
    await orderUpdateFinished(job.jobId)
    stop()
    expect(events.at(-1)).toMatchObject({ state: 'done', created: 2 })
  })

  it('refuses to update the orders of a disabled service', async () => {
    const service = await backup()
    await call('billingServices:update', { id: service.id, version: 1, isActive: false })
    const error = await call('orders:startUpdate', { serviceId: service.id }).catch((e) => e)
    expect(error.issues).toEqual([
      expect.objectContaining({ field: 'serviceId', rule: 'inactive' }),
    ])
  })
})
