import { inArray } from 'drizzle-orm'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { money } from '../../../src-main/billing/money'
import { updateOrders } from '../../../src-main/data/order-updates'
import { orders } from '../../../src-main/db/schema'
import { makeCore, type TestCore } from '../../support/core'
import { addAccount, addOrder, addService, ctxOf, NOW } from './bill-fixtures'

// Spec 6.11: a run writes each order's billed date, and its period end and metric when set.

let core: TestCore
let orderIds: number[]

beforeEach(async () => {
  core = await makeCore()
  const accountId = await addAccount(core, 'ana')
  orderIds = await core.store.write(async (tx) => {
    const service = await addService(tx)
    const ids = [
      await addOrder(tx, accountId, service, 1),
      await addOrder(tx, accountId, service, 2),
    ]
    await tx
      .update(orders)
      .set({ billedUntil: '2026-01-01', billedMetric: '3', updatedAt: '2025-01-01T00:00:00Z' })
      .where(inArray(orders.id, ids))
    return ids
  })
})
afterEach(() => core.dispose())

async function storedOrders() {
  return core.store.read((tx) =>
    tx
      .select({
        id: orders.id,
        billedOn: orders.billedOn,
        billedUntil: orders.billedUntil,
        billedMetric: orders.billedMetric,
        updatedAt: orders.updatedAt,
      })
      .from(orders)
      .where(inArray(orders.id, orderIds))
      .orderBy(orders.id),
  )
}

describe('updateOrders (spec 6.11)', () => {
  it('writes the billed date, period end, metric and update time of each order', async () => {
    const [first, second] = orderIds as [number, number]
    await core.store.write((tx) =>
      updateOrders(ctxOf(tx), [
        { orderId: first, billedOn: '2026-03-01', billedUntil: '2027-01-01', billedMetric: null },
        {
          orderId: second,
          billedOn: '2026-03-01',
          billedUntil: '2026-07-01',
          billedMetric: money('2.50'),
        },
      ]),
    )

    expect(await storedOrders()).toEqual([
      {
        id: first,
        billedOn: '2026-03-01',
        billedUntil: '2027-01-01',
        billedMetric: '3',
        updatedAt: NOW,
      },
      {
        id: second,
        billedOn: '2026-03-01',
        billedUntil: '2026-07-01',
        billedMetric: '2.5',
        updatedAt: NOW,
      },
    ])
  })

  it('keeps the period end and metric an update leaves unset', async () => {
    await core.store.write((tx) =>
      updateOrders(
        ctxOf(tx),
        orderIds.map((orderId) => ({
          orderId,
          billedOn: '2026-03-01',
          billedUntil: null,
          billedMetric: null,
        })),
      ),
    )

    const stored = await storedOrders()
    expect(stored.map((order) => [order.billedOn, order.billedUntil, order.billedMetric])).toEqual([
      ['2026-03-01', '2026-01-01', '3'],
      ['2026-03-01', '2026-01-01', '3'],
    ])
  })

  it('leaves every order alone when there is nothing to update', async () => {
    await core.store.write((tx) => updateOrders(ctxOf(tx), []))

    expect((await storedOrders()).map((order) => order.updatedAt)).toEqual([
      '2025-01-01T00:00:00Z',
      '2025-01-01T00:00:00Z',
    ])
  })
})
