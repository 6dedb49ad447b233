import { describe, expect, it } from 'vitest'
import { billCountedOrders } from '../../../src-main/billing/counting-engine'
import { cents } from '../../../src-main/billing/money'
import { group, order, rates, service, total } from './counting-fixtures'

const compensating = service({ onCancel: 'COMPENSATE' })
const monthly = service({ onCancel: 'COMPENSATE', billingPeriod: 'MONTHLY' })

/** Paid for 2024, cancelled on 1 July: half a year to hand over. */
const replaced = order(1, {
  cancelledOn: '2024-07-01',
  billedOn: '2024-01-01',
  billedUntil: '2025-01-01',
})

describe('billCountedOrders with compensation (spec billing 6.9, 12.4)', () => {
  it('discounts the replacement by the transferred half year', () => {
    const replacement = order(2, { registeredOn: '2024-07-01' })
    const { lines } = billCountedOrders(
      group([replacement], {
        service: compensating,
        accountOrders: [replaced, replacement],
        options: { billingPoint: '2024-07-01', today: '2024-07-01' },
      }),
    )
    expect(lines).toHaveLength(1)
    expect(cents(lines[0]?.subtotal ?? 0)).toBe('5.00')
    expect(lines[0]?.discounts.map((discount) => [discount.type, cents(discount.amount)])).toEqual([
      ['COMPENSATION', '-5.00'],
    ])
    expect(total(lines[0])).toBe('0.00')
  })

  it('moves the cancelled order billed_until back to where the transfer starts', () => {
    const replacement = order(2, { registeredOn: '2024-09-01' })
    const { orderUpdates } = billCountedOrders(
      group([replacement], {
        service: compensating,
        accountOrders: [replaced, replacement],
        options: { billingPoint: '2024-09-01', today: '2024-09-01' },
      }),
    )
    expect(orderUpdates).toEqual([
      { orderId: 2, billedOn: '2024-09-01', billedUntil: '2025-01-01', billedMetric: null },
      { orderId: 1, billedOn: '2024-01-01', billedUntil: '2024-09-01', billedMetric: null },
    ])
  })

  it('transfers nothing under DISCOUNT', () => {
    const replacement = order(2, { registeredOn: '2024-07-01' })
    const { lines, orderUpdates } = billCountedOrders(
      group([replacement], {
        accountOrders: [replaced, replacement],
        options: { billingPoint: '2024-07-01' },
      }),
    )
    expect(total(lines[0])).toBe('5.00')
    expect(orderUpdates.map((update) => update.orderId)).toEqual([2])
  })

  it('extends the line to the end of the prepaid time it receives', () => {
    const giver = order(1, {
      cancelledOn: '2024-07-01',
      billedOn: '2024-06-01',
      billedUntil: '2024-09-01',
    })
    const receiver = order(2, { registeredOn: '2024-07-01' })
    const { lines, orderUpdates } = billCountedOrders(
      group([receiver], {
        service: monthly,
        accountOrders: [giver, receiver],
        options: { billingPoint: '2024-07-01', today: '2024-07-01' },
      }),
    )
    expect(lines[0]).toMatchObject({ ini: '2024-07-01', end: '2024-09-01' })
    expect(cents(lines[0]?.subtotal ?? 0)).toBe('20.00')
    expect(total(lines[0])).toBe('0.00')
    expect(orderUpdates[0]?.billedUntil).toBe('2024-09-01')
  })

  it('extends a little to reach a substantial compensation, paying only the gap', () => {
    // Billed to 1 July; the giver's time starts on 5 July and lasts 58 days, over 3 × 4.
    const giver = order(1, {
      cancelledOn: '2024-07-05',
      billedOn: '2024-06-01',
      billedUntil: '2024-09-01',
    })
    const receiver = order(2, { registeredOn: '2024-06-20' })
    const { lines } = billCountedOrders(
      group([receiver], {
        service: monthly,
        accountOrders: [giver, receiver],
        options: { billingPoint: '2024-06-20', today: '2024-06-20' },
      }),
    )
    expect(lines[0]).toMatchObject({ ini: '2024-06-20', end: '2024-09-01' })
    // 20 June to 5 July: 11 days of June (11/30) and 4 of July (4/31) at 10.00 a month.
    expect(total(lines[0])).toBe('4.96')
  })

  it('prices the compensation at the receiver unit price under rates', () => {
    const domains = service({ onCancel: 'COMPENSATE', billingPoint: 'ON_REGISTER' })
    const halfPrice = rates([[1, '5.00']])
    const giver = order(1, {
      registeredOn: '2024-01-01',
      cancelledOn: '2024-07-01',
      billedOn: '2024-01-01',
      billedUntil: '2025-01-01',
    })
    const receiver = order(2, { registeredOn: '2024-07-01' })
    const { lines } = billCountedOrders(
      group([receiver], {
        service: domains,
        rates: halfPrice,
        accountOrders: [giver, receiver],
        options: { billingPoint: '2024-07-01', today: '2024-07-01' },
      }),
    )
    // One year from 1 July at 5.00; half of it is the giver's, worth 2.50 at that price.
    expect(lines[0]?.discounts.map((discount) => [discount.type, cents(discount.amount)])).toEqual([
      ['PLAN', '-5.00'],
      ['COMPENSATION', '-2.50'],
    ])
    expect(total(lines[0])).toBe('2.50')
  })

  it('counts a giver among concurrent orders only until the time it handed over', () => {
    const mail = service({ onCancel: 'COMPENSATE', pricingPeriod: '' })
    const tiers = rates([
      [1, '0.00'],
      [2, '10.00'],
      [3, '4.00'],
    ])
    const oldest = order(3, { registeredOn: '2023-01-01', billedOn: '2024-01-01' })
    const kept = { ...oldest, billedUntil: '2025-01-01' }
    const giver = { ...replaced, cancelledOn: '2024-10-01' }
    const receiver = order(2, { registeredOn: '2024-07-01' })
    const { lines } = billCountedOrders(
      group([receiver], {
        service: mail,
        rates: tiers,
        accountOrders: [kept, giver, receiver],
        options: { billingPoint: '2024-07-01', today: '2024-07-01' },
      }),
    )
    // Third behind two orders until October (4.00 × 0.25), then second (10.00 × 0.25), when
    // the giver's last quarter (2.50 at that price) is its own.
    expect(lines[0]?.discounts.map((discount) => [discount.type, cents(discount.amount)])).toEqual([
      ['PLAN', '-1.50'],
      ['COMPENSATION', '-2.50'],
    ])
    expect(total(lines[0])).toBe('1.00')
  })
})
