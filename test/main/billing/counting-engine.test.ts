import { describe, expect, it } from 'vitest'
import { billCountedOrders } from '../../../src-main/billing/counting-engine'
import { cents, money } from '../../../src-main/billing/money'
import { commit, group, order, rates, service, total } from './counting-fixtures'

describe('billCountedOrders without rates (spec billing 6.7, 12.1)', () => {
  it('bills nominal × size for one exact year with a fixed point', () => {
    const { lines } = billCountedOrders(
      group([order(1)], { options: { billingPoint: '2025-01-01', fixedPoint: true } }),
    )
    expect(lines).toHaveLength(1)
    expect(lines[0]).toMatchObject({ ini: '2024-01-01', end: '2025-01-01', discounts: [] })
    expect(lines[0]?.size.toString()).toBe('1')
    expect(total(lines[0])).toBe('10.00')
  })

  it('bills half the price for six calendar months', () => {
    const { lines } = billCountedOrders(
      group([order(1)], { options: { billingPoint: '2024-07-01', fixedPoint: true } }),
    )
    expect(lines[0]?.size.toString()).toBe('0.5')
    expect(total(lines[0])).toBe('5.00')
  })

  it('bills twice the price for two years', () => {
    const { lines } = billCountedOrders(
      group([order(1)], { options: { billingPoint: '2026-01-01', fixedPoint: true } }),
    )
    expect(total(lines[0])).toBe('20.00')
  })

  it('bills an annual fixed-date order to the next 1 January by default (12.2)', () => {
    const registered = order(1, { registeredOn: '2024-03-15' })
    const { lines, orderUpdates } = billCountedOrders(
      group([registered], { options: { billingPoint: '2024-03-15', today: '2024-03-15' } }),
    )
    expect(lines[0]).toMatchObject({ ini: '2024-03-15', end: '2025-01-01' })
    // Nine whole months plus 17 days of 2024, a leap year: 10 × (9/12 + 17/366) = 7.96448.
    expect(total(lines[0])).toBe('7.96')
    expect(orderUpdates).toEqual([
      { orderId: 1, billedOn: '2024-03-15', billedUntil: '2025-01-01', billedMetric: null },
    ])
  })

  it('bills one day of 2028 of an annual 366.00 service as 1.00', () => {
    const annual = service({ nominalPrice: money('366.00') })
    const { lines } = billCountedOrders(
      group([order(1, { registeredOn: '2028-12-31' })], {
        service: annual,
        options: { billingPoint: '2028-12-31', today: '2028-12-31' },
      }),
    )
    expect(lines[0]).toMatchObject({ ini: '2028-12-31', end: '2029-01-01' })
    expect(cents(lines[0]?.subtotal ?? 0)).toBe('1.00')
  })

  it('bills 29 February alone as one 366th of the year', () => {
    const annual = service({ nominalPrice: money('366.00') })
    const { lines } = billCountedOrders(
      group([order(1, { registeredOn: '2028-02-29' })], {
        service: annual,
        options: { billingPoint: '2028-03-01', fixedPoint: true },
      }),
    )
    expect(total(lines[0])).toBe('1.00')
  })

  it('bills a monthly order registered on the 31st to the end of February', () => {
    const monthly = service({ billingPeriod: 'MONTHLY', billingPoint: 'ON_REGISTER' })
    const { lines } = billCountedOrders(
      group([order(1, { registeredOn: '2024-01-31' })], {
        service: monthly,
        options: { billingPoint: '2024-01-31', today: '2024-01-31' },
      }),
    )
    expect(lines[0]).toMatchObject({ ini: '2024-01-31', end: '2024-02-29' })
    expect(total(lines[0])).toBe('10.00')
  })

  it('keeps a monthly order on its 31st after a late run', () => {
    const monthly = service({ billingPeriod: 'MONTHLY', billingPoint: 'ON_REGISTER' })
    const billed = order(1, {
      registeredOn: '2024-01-31',
      billedOn: '2024-01-31',
      billedUntil: '2024-02-29',
    })
    const { orderUpdates } = billCountedOrders(
      group([billed], { service: monthly, options: { billingPoint: '2024-04-10' } }),
    )
    expect(orderUpdates[0]?.billedUntil).toBe('2024-05-31')
  })

  it('bills a whole month from 29 February to 31 March for an order of the 31st', () => {
    const monthly = service({ billingPeriod: 'MONTHLY', billingPoint: 'ON_REGISTER' })
    const billed = order(1, {
      registeredOn: '2024-01-31',
      billedOn: '2024-01-31',
      billedUntil: '2024-02-29',
    })
    const { lines } = billCountedOrders(
      group([billed], { service: monthly, options: { billingPoint: '2024-02-29' } }),
    )
    expect(lines[0]).toMatchObject({ ini: '2024-02-29', end: '2024-03-31' })
    expect(lines[0]?.size.toString()).toBe('1')
    expect(total(lines[0])).toBe('10.00')
  })

  it('bills a whole year from 28 February 2027 to 29 February 2028 for a 29 February order', () => {
    const yearly = service({ billingPoint: 'ON_REGISTER' })
    const billed = order(1, {
      registeredOn: '2024-02-29',
      billedOn: '2027-02-28',
      billedUntil: '2027-02-28',
    })
    const { lines } = billCountedOrders(
      group([billed], { service: yearly, options: { billingPoint: '2027-02-28' } }),
    )
    expect(lines[0]).toMatchObject({ ini: '2027-02-28', end: '2028-02-29' })
    expect(total(lines[0])).toBe('10.00')
  })

  it('renews an annual order registered on 29 February on 28 February', () => {
    const yearly = service({ billingPoint: 'ON_REGISTER' })
    const leap = order(1, { registeredOn: '2024-02-29' })
    const first = billCountedOrders(
      group([leap], { service: yearly, options: { billingPoint: '2024-02-29' } }),
    )
    expect(first.lines[0]).toMatchObject({ ini: '2024-02-29', end: '2025-02-28' })
    expect(total(first.lines[0])).toBe('10.00')

    const renewal = billCountedOrders(
      group(commit([leap], first.orderUpdates), {
        service: yearly,
        options: { billingPoint: '2025-02-28' },
      }),
    )
    expect(renewal.lines[0]).toMatchObject({ ini: '2025-02-28', end: '2026-02-28' })
    expect(total(renewal.lines[0])).toBe('10.00')
  })

  it('bills a monthly postpaid order up to the last first of the month', () => {
    const postpaid = service({ billingPeriod: 'MONTHLY', paymentStyle: 'POSTPAY' })
    const { lines } = billCountedOrders(
      group([order(1, { registeredOn: '2024-01-15' })], {
        service: postpaid,
        options: { billingPoint: '2024-03-15' },
      }),
    )
    expect(lines[0]).toMatchObject({ ini: '2024-01-15', end: '2024-03-01' })
    // A month, then 15 days of February 2024 (15/29): 10 × 1.5172… = 15.17.
    expect(total(lines[0])).toBe('15.17')
  })

  it('bills nothing for an order already billed up to its billing point', () => {
    const billed = order(1, { billedOn: '2024-01-01', billedUntil: '2025-01-01' })
    const result = billCountedOrders(group([billed], { options: { billingPoint: '2024-06-01' } }))
    expect(result).toEqual({ lines: [], orderUpdates: [] })
  })

  it('bills a cancelled DISCOUNT order only up to its cancellation', () => {
    const cancelled = order(1, { cancelledOn: '2024-04-01' })
    const { lines } = billCountedOrders(group([cancelled]))
    expect(lines[0]).toMatchObject({ ini: '2024-01-01', end: '2024-04-01' })
    expect(total(lines[0])).toBe('2.50')
  })

  it('skips a cancelled order already billed past its cancellation', () => {
    const cancelled = order(1, {
      cancelledOn: '2024-04-01',
      billedOn: '2024-01-01',
      billedUntil: '2025-01-01',
    })
    const nothing = service({ onCancel: 'NOTHING' })
    const result = billCountedOrders(
      group([cancelled], { service: nothing, options: { billingPoint: '2025-01-01' } }),
    )
    expect(result.lines).toEqual([])
  })

  it('computes the billing point per order: a cancellation cuts only its own order', () => {
    // Original bug: the first order's fixed-date point, cut at its cancellation, was reused.
    const cancelled = order(1, { cancelledOn: '2024-03-01' })
    const active = order(2)
    const { lines } = billCountedOrders(group([cancelled, active]))
    expect(lines.map((line) => [line.orderId, line.end])).toEqual([
      [1, '2024-03-01'],
      [2, '2025-01-01'],
    ])
  })

  it('bills a one-time service once, with size 1 and no end date', () => {
    const once = service({ billingPeriod: '', nominalPrice: money('25.00') })
    const registered = order(1, { registeredOn: '2024-05-05' })
    const first = billCountedOrders(
      group([registered], { service: once, options: { today: '2024-05-06' } }),
    )
    expect(first.lines[0]).toMatchObject({ ini: '2024-05-05', end: null })
    expect(total(first.lines[0])).toBe('25.00')
    expect(first.orderUpdates[0]?.billedUntil).toBe('2024-05-05')

    const again = commit([registered], first.orderUpdates)
    expect(billCountedOrders(group(again, { service: once })).lines).toEqual([])
  })

  it('carries the fee flag of a fee service onto its lines (12.9)', () => {
    const fee = service({ isFee: true })
    const { lines } = billCountedOrders(group([order(1)], { service: fee }))
    expect(lines[0]?.isFee).toBe(true)
  })

  it('remembers the order state before the run on its line (6.11)', () => {
    const billed = order(1, { billedOn: '2023-01-01', billedUntil: '2024-01-01' })
    const { lines } = billCountedOrders(group([billed]))
    expect(lines[0]).toMatchObject({ orderBilledOn: '2023-01-01', orderBilledUntil: '2024-01-01' })
  })
})

describe('billCountedOrders refunds (spec billing 6.7, product REFUND)', () => {
  const refunding = service({ onCancel: 'REFUND' })
  const prepaid = order(1, {
    cancelledOn: '2024-07-01',
    billedOn: '2024-01-01',
    billedUntil: '2025-01-01',
  })

  it('gives back July to December of a prepaid year as −5.00 for size 0.5', () => {
    const { lines } = billCountedOrders(
      group([prepaid], { service: refunding, options: { today: '2024-07-02' } }),
    )
    expect(lines).toHaveLength(1)
    expect(lines[0]).toMatchObject({ ini: '2024-07-01', end: '2025-01-01', refund: true })
    expect(lines[0]?.size.toString()).toBe('0.5')
    expect(total(lines[0])).toBe('-5.00')
  })

  it('moves billed_until back to the cancellation', () => {
    const { orderUpdates } = billCountedOrders(
      group([prepaid], { service: refunding, options: { today: '2024-07-02' } }),
    )
    expect(orderUpdates).toEqual([
      { orderId: 1, billedOn: '2024-07-02', billedUntil: '2024-07-01', billedMetric: null },
    ])
  })

  it('refunds once: the next run finds nothing', () => {
    const first = billCountedOrders(group([prepaid], { service: refunding }))
    const refunded = commit([prepaid], first.orderUpdates)
    expect(billCountedOrders(group(refunded, { service: refunding })).lines).toEqual([])
  })

  it('refunds in the proportion the latest line was charged after its plan discount', () => {
    const halfPrice = { subtotal: money('10.00'), planDiscount: money('-5.00') }
    const { lines } = billCountedOrders({
      ...group([prepaid], { service: refunding }),
      lastCharges: new Map([[1, halfPrice]]),
    })
    expect(total(lines[0])).toBe('-2.50')
  })

  it('gives nothing back for time that was free', () => {
    const free = { subtotal: money('10.00'), planDiscount: money('-10.00') }
    const { lines, orderUpdates } = billCountedOrders({
      ...group([prepaid], { service: refunding }),
      lastCharges: new Map([[1, free]]),
    })
    expect(total(lines[0])).toBe('0.00')
    expect(orderUpdates[0]?.billedUntil).toBe('2024-07-01')
  })

  it('frees the rate position of a refunded order from its cancellation', () => {
    const firstFree = rates([
      [1, '0.00'],
      [2, '10.00'],
    ])
    const mail = service({ onCancel: 'REFUND', pricingPeriod: '' })
    const replacement = order(2, { registeredOn: '2024-07-01' })
    const { lines } = billCountedOrders(
      group([replacement], {
        service: mail,
        rates: firstFree,
        accountOrders: [prepaid, replacement],
        options: { billingPoint: '2024-07-01' },
      }),
    )
    expect(total(lines[0])).toBe('0.00')
  })

  it('refunds nothing under DISCOUNT', () => {
    expect(billCountedOrders(group([prepaid])).lines).toEqual([])
  })
})
