import { eq } from 'drizzle-orm'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { ServiceCreateInput } from '../../../src-shared/schemas/billing-services'
import { cleanupMetricRows } from '../../../src-main/data/order-metrics'
import { orders } from '../../../src-main/db/schema'
import { accountInput, caller, makeCore, type TestCore } from '../../support/core'

// Spec billing 4.3: what the stored metric says to the pending filter, and the daily cleanup.

let core: TestCore
const call = caller(() => core)
let clock = new Date('2026-01-01T10:00:00Z')
let joe: number
let itemId: number

const at = (day: string) => (clock = new Date(`${day}T10:00:00Z`))

async function metered(extra: Partial<ServiceCreateInput> = {}) {
  await call('billingServices:create', {
    description: 'Backup GB',
    contentType: 'miscellaneous',
    metric: 'miscellaneous.amount',
    billingPeriod: 'MONTHLY',
    pricingPeriod: '',
    ignorePeriod: '',
    nominalPrice: '1',
    ...extra,
  })
  const kind = (await call('miscServices:create', { name: 'backup', hasAmount: true })).id
  const { item } = await call('miscellaneous:create', {
    serviceId: kind,
    accountId: joe,
    identifier: 'a',
    amount: 5,
  })
  itemId = item.id
}

/** A write that changes the object, so its order is synchronised, with a new amount or not. */
async function touch(amount?: number) {
  const { item } = await call('miscellaneous:get', { id: itemId })
  await call('miscellaneous:update', {
    id: itemId,
    version: item.version,
    description: `seen ${clock.toISOString()}`,
    ...(amount !== undefined && { amount }),
  })
}

async function markBilled(billedOn: string, billedUntil: string, billedMetric: string) {
  await core.store.write((tx) =>
    tx
      .update(orders)
      .set({ billedOn, billedUntil, billedMetric })
      .where(eq(orders.objectId, itemId)),
  )
}

async function storedValues() {
  const [order] = (await call('orders:list', { ignored: 'all' })).rows
  const detail = await call('orders:get', { id: order!.id })
  return detail.metrics.map((row) => [row.createdOn, row.value]).reverse()
}

const pendingCount = async () => (await call('orders:list', { billing: 'pending' })).total

beforeEach(async () => {
  at('2026-01-01')
  core = await makeCore({ clock: () => clock })
  await call('settings:update', { name: 'ORDERS_TIME_ZONE', value: 'UTC' })
  joe = (await call('accounts:create', accountInput({ username: 'joe' }))).account.id
})
afterEach(() => core.dispose())

describe('pending metric orders (spec billing 4.1)', () => {
  it('are pending once a value above the billed one has held for two days', async () => {
    await metered()
    await markBilled('2026-01-01', '2026-02-01', '5.00')
    at('2026-01-02')
    await touch(15)
    at('2026-01-03')
    await touch()
    expect(await pendingCount()).toBe(0)
    at('2026-01-04')
    await touch()
    expect(await pendingCount()).toBe(1)
  })

  it('are not pending for a value at or below the billed one', async () => {
    await metered()
    await markBilled('2026-01-01', '2026-02-01', '5.00')
    at('2026-01-02')
    await touch(4)
    at('2026-01-10')
    await touch()
    expect(await pendingCount()).toBe(0)
  })
})

describe('metric cleanup (spec billing 4.3)', () => {
  it('drops rows confirmed 40 days before billing, keeping the latest of them', async () => {
    await metered()
    at('2026-01-10')
    await touch(10)
    at('2026-02-20')
    await touch(20)
    await markBilled('2026-03-15', '2026-04-01', '20.00')
    expect(await core.store.write((tx) => cleanupMetricRows(tx))).toEqual({ orders: 1, rows: 1 })
    expect(await storedValues()).toEqual([
      ['2026-01-10', '10.00'],
      ['2026-02-20', '20.00'],
    ])
  })

  it('keeps every row of an order not billed yet', async () => {
    await metered()
    at('2026-01-10')
    await touch(10)
    at('2026-03-20')
    await touch(20)
    expect(await core.store.write((tx) => cleanupMetricRows(tx))).toEqual({ orders: 0, rows: 0 })
    expect(await storedValues()).toHaveLength(3)
  })

  it('keeps only the last row of each billed month of a monthly priced service', async () => {
    await metered({ pricingPeriod: 'BILLING_PERIOD', paymentStyle: 'POSTPAY' })
    at('2026-03-01')
    await touch(6)
    at('2026-03-10')
    await touch(10)
    at('2026-03-20')
    await touch(20)
    at('2026-04-05')
    await touch(30)
    await markBilled('2026-04-01', '2026-04-01', '20.00')
    await core.store.write((tx) => cleanupMetricRows(tx))
    expect(await storedValues()).toEqual([
      ['2026-01-01', '5.00'],
      ['2026-03-20', '20.00'],
      ['2026-04-05', '30.00'],
    ])
  })
})
