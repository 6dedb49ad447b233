import { describe, expect, it } from 'vitest'
import {
  billOrders,
  groupOrders,
  UnknownServiceError,
  type BillingRun,
} from '../../../src-main/billing/engine'
import { cents, money } from '../../../src-main/billing/money'
import type { BilledOrder, BilledService, RateRow } from '../../../src-main/billing/types'
import { order, rates, service, total } from './counting-fixtures'

const mailbox = service({ id: 1 })
const membership = service({ id: 2, description: 'Membership', isFee: true })
const work = service({
  id: 3,
  description: 'Hours of work',
  billingPeriod: '',
  hasMetric: true,
  pricingPeriod: '',
})

function run(orders: BilledOrder[], fields: Partial<BillingRun> = {}): BillingRun {
  return {
    orders,
    services: new Map<number, BilledService>([mailbox, membership, work].map((s) => [s.id, s])),
    accountOrders: orders,
    ratesFor: () => [],
    metrics: new Map(),
    options: { billingPoint: '2024-01-01', fixedPoint: false, today: '2024-01-02' },
    ...fields,
  }
}

describe('groupOrders (spec billing 6.1)', () => {
  it('groups by account, then by service, in order of first appearance', () => {
    const orders = [
      order(1, { accountId: 7, serviceId: 2 }),
      order(2, { accountId: 5, serviceId: 1 }),
      order(3, { accountId: 7, serviceId: 1 }),
      order(4, { accountId: 5, serviceId: 1 }),
      order(5, { accountId: 7, serviceId: 2 }),
    ]
    const groups = groupOrders(orders).map((group) => [
      group.accountId,
      group.serviceId,
      group.orders.map((entry) => entry.id),
    ])
    expect(groups).toEqual([
      [7, 2, [1, 5]],
      [7, 1, [3]],
      [5, 1, [2, 4]],
    ])
  })
})

describe('billOrders (spec billing 6.1, 6.11)', () => {
  it('bills every group and returns the lines in group order', () => {
    const orders = [
      order(1, { accountId: 1, serviceId: 2 }),
      order(2, { accountId: 2, serviceId: 1 }),
      order(3, { accountId: 1, serviceId: 1 }),
    ]
    const { lines } = billOrders(run(orders))
    expect(lines.map((line) => [line.accountId, line.serviceId, line.orderId])).toEqual([
      [1, 2, 1],
      [1, 1, 3],
      [2, 1, 2],
    ])
  })

  it('marks every order that got a line as billed today until its new end', () => {
    const { orderUpdates } = billOrders(run([order(1)]))
    expect(orderUpdates).toEqual([
      { orderId: 1, billedOn: '2024-01-02', billedUntil: '2025-01-01', billedMetric: null },
    ])
  })

  it('leaves an order without lines untouched', () => {
    const paid = order(1, { billedOn: '2024-01-01', billedUntil: '2025-01-01' })
    expect(billOrders(run([paid, order(2)])).orderUpdates.map((update) => update.orderId)).toEqual([
      2,
    ])
  })

  it('returns the lines of a pro forma run but no order update (12.5)', () => {
    const result = billOrders(run([order(1), order(2)], { proforma: true }))
    expect(result.lines).toHaveLength(2)
    expect(result.orderUpdates).toEqual([])
  })

  it('leaves ignored orders out', () => {
    const trial = order(1, { ignore: true })
    expect(billOrders(run([trial, order(2)])).lines.map((line) => line.orderId)).toEqual([2])
  })

  it('bills ignored orders when asked to include them', () => {
    const trial = order(1, { ignore: true })
    const { lines } = billOrders(run([trial], { includeIgnored: true }))
    expect(lines.map((line) => line.orderId)).toEqual([1])
  })

  it('prices each account by its own rates', () => {
    const free: RateRow[] = rates([[1, '0.00']])
    const orders = [order(1, { accountId: 1 }), order(2, { accountId: 2 })]
    const counted = service({ id: 1, pricingPeriod: '' })
    const { lines } = billOrders(
      run(orders, {
        services: new Map([[1, counted]]),
        ratesFor: (accountId) => (accountId === 1 ? free : []),
      }),
    )
    expect(lines.map(total)).toEqual(['0.00', '10.00'])
  })

  it('prices with the account orders of the same service only', () => {
    const counted = service({ id: 1, pricingPeriod: '' })
    const firstFree = rates([
      [1, '0.00'],
      [2, '10.00'],
    ])
    const otherService = order(1, {
      serviceId: 2,
      billedOn: '2023-01-01',
      billedUntil: '2026-01-01',
    })
    const otherAccount = order(2, {
      accountId: 9,
      billedOn: '2023-01-01',
      billedUntil: '2026-01-01',
    })
    const { lines } = billOrders(
      run([order(3)], {
        services: new Map([[1, counted]]),
        accountOrders: [otherService, otherAccount],
        ratesFor: () => firstFree,
      }),
    )
    expect(total(lines[0])).toBe('0.00')
  })

  it('carries the fee flag of a fee service to its lines (12.9)', () => {
    const { lines } = billOrders(run([order(1, { serviceId: 2 }), order(2)]))
    expect(lines.map((line) => [line.orderId, line.isFee])).toEqual([
      [1, true],
      [2, false],
    ])
  })

  it('bills a metric service by its stored value', () => {
    const job = order(1, { serviceId: 3, registeredOn: '2024-01-01' })
    const rows = [{ createdOn: '2024-01-01', updatedOn: '2024-01-01T10:00:00Z', value: money(3) }]
    const { lines, orderUpdates } = billOrders(run([job], { metrics: new Map([[1, rows]]) }))
    expect(lines).toHaveLength(1)
    expect(lines[0]?.metric.toString()).toBe('3')
    expect(cents(lines[0]?.subtotal ?? 0)).toBe('30.00')
    expect(orderUpdates[0]?.billedMetric?.toString()).toBe('3')
  })

  it('hands what orders were last charged to the refunds', () => {
    const refunding = service({ id: 1, onCancel: 'REFUND' })
    const cancelled = order(1, {
      cancelledOn: '2024-07-01',
      billedOn: '2024-01-01',
      billedUntil: '2025-01-01',
    })
    const halfPrice = { subtotal: money('10.00'), planDiscount: money('-5.00') }
    const { lines } = billOrders(
      run([cancelled], {
        services: new Map([[1, refunding]]),
        lastCharges: new Map([[1, halfPrice]]),
      }),
    )
    expect(total(lines[0])).toBe('-2.50')
  })

  it('refuses an order whose service it was not given', () => {
    const stray = order(1, { serviceId: 99 })
    expect(() => billOrders(run([stray]))).toThrow(UnknownServiceError)
  })
})
