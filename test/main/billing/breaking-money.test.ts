import { describe, expect, it } from 'vitest'
import { verboseQuantity } from '../../../src-main/billing/bill-text'
import { cents, money } from '../../../src-main/billing/money'
import { chain, row } from './breaking-chain'
import { order, service } from './counting-fixtures'

/**
 * Money through the whole chain a billing run takes (spec 6, 7.2, 7.5): billOrders, then
 * assembleRun, then the totals of each bill as stored lines give them.
 */

describe('a billing run from orders to bill totals (spec 6, 7.2, 7.5)', () => {
  it('bills one day of 2028 of an annual 366.00 service as 1.00, tax and total included', () => {
    const annual = service({ nominalPrice: money('366.00'), tax: money(21) })
    const { run, totals } = chain([annual], [order(1, { registeredOn: '2028-12-31' })], {
      billingPoint: '2028-12-31',
      today: '2028-12-31',
    })

    expect(run.bills).toHaveLength(1)
    const line = run.bills[0]!.lines[0]!
    expect([line.startOn, line.endOn, cents(line.subtotal)]).toEqual([
      '2028-12-31',
      '2029-01-01',
      '1.00',
    ])
    // 1/366 would print as "0": the invoice would read 0 × 366.00 = 1.00.
    expect(line.verboseQuantity).toBe('0.0027')
    expect(totals[0]).toEqual({ base: '1.00', tax: '0.21', total: '1.21', taxes: ['21%: 0.21'] })
  })

  it('rounds half a cent up: 0.01 a month for half of April is 0.01', () => {
    const monthly = service({ billingPeriod: 'MONTHLY', nominalPrice: money('0.01') })
    const { run } = chain([monthly], [order(1, { registeredOn: '2024-04-16' })], {
      billingPoint: '2024-04-16',
    })

    expect(run.bills[0]!.lines[0]).toMatchObject({ endOn: '2024-05-01' })
    expect(run.bills[0]!.lines[0]!.size.toString()).toBe('0.5')
    expect(cents(run.bills[0]!.lines[0]!.subtotal)).toBe('0.01')
  })

  it('rounds half a cent of a refund away from zero: −0.01 for half of April given back', () => {
    const monthly = service({
      billingPeriod: 'MONTHLY',
      nominalPrice: money('0.01'),
      onCancel: 'REFUND',
    })
    const paid = order(1, {
      registeredOn: '2024-04-01',
      billedOn: '2024-04-01',
      billedUntil: '2024-05-01',
      cancelledOn: '2024-04-16',
    })
    const { run, totals } = chain([monthly], [paid], { billingPoint: '2024-04-20' })

    expect(cents(run.bills[0]!.lines[0]!.subtotal)).toBe('-0.01')
    expect(totals[0]).toMatchObject({ base: '-0.01', tax: '0.00', total: '-0.01' })
  })

  it('taxes a base of 1.00 at 10.5% as 0.11, half up, not 0.10', () => {
    const reduced = service({ nominalPrice: money('1.00'), tax: money('10.5') })
    const { totals } = chain([reduced], [order(1, { registeredOn: '2024-01-01' })], {})

    expect(totals[0]).toEqual({
      base: '1.00',
      tax: '0.11',
      total: '1.11',
      taxes: ['10.5%: 0.11'],
    })
  })

  // The spec's example (0.11) rounds 0.005 half to even; half up makes the 10% tax 0.01.
  it('totals two rates as the sum of their parts: 0.05 at 21% and 0.05 at 10% is 0.12', () => {
    const general = service({ id: 1, nominalPrice: money('0.05'), tax: money(21) })
    const reduced = service({ id: 2, nominalPrice: money('0.05'), tax: money(10) })
    const orders = [order(1), order(2, { serviceId: 2 })]
    const { totals } = chain([general, reduced], orders, {})

    expect(totals[0]).toEqual({
      base: '0.10',
      tax: '0.02',
      total: '0.12',
      taxes: ['10%: 0.01', '21%: 0.01'],
    })
  })

  it('nets a refund against a new order on one invoice, the tax negative half up', () => {
    const annual = service({ nominalPrice: money('10.00'), onCancel: 'REFUND', tax: money(21) })
    const refunded = order(1, {
      registeredOn: '2024-01-01',
      billedOn: '2024-01-01',
      billedUntil: '2025-01-01',
      cancelledOn: '2024-07-01',
    })
    // Registered 1 December and billed to 1 January: a whole month, 10 / 12 = 0.83.
    const fresh = order(2, { registeredOn: '2024-12-01' })
    const { run, totals } = chain([annual], [refunded, fresh], {
      billingPoint: '2024-12-01',
      today: '2024-12-01',
    })

    const amounts = run.bills[0]!.lines.map((line) => cents(line.subtotal))
    expect(amounts).toEqual(['-5.00', '0.83'])
    // −4.17 × 21% = −0.8757: half up, away from zero, −0.88.
    expect(totals[0]).toEqual({
      base: '-4.17',
      tax: '-0.88',
      total: '-5.05',
      taxes: ['21%: -0.88'],
    })
  })

  it('prices a metric with many decimals exactly: a third of a unit at 3.00 is 1.00', () => {
    const work = service({
      billingPeriod: '',
      pricingPeriod: '',
      hasMetric: true,
      nominalPrice: money('3.00'),
    })
    const metrics = new Map([[1, [row('2024-03-01', '0.333333333333333333333333')]]])
    const { run, totals } = chain(
      [work],
      [order(1, { registeredOn: '2024-03-01' })],
      {
        billingPoint: '2024-03-05',
        today: '2024-03-05',
      },
      metrics,
    )

    const line = run.bills[0]!.lines[0]!
    expect(cents(line.subtotal)).toBe('1.00')
    expect(line.verboseQuantity).toBe('0.33')
    expect(totals[0]!.total).toBe('1.21')
  })

  it('prices a huge metric without losing a cent', () => {
    const work = service({
      billingPeriod: '',
      pricingPeriod: '',
      hasMetric: true,
      nominalPrice: money('9999999999.99'),
    })
    const metrics = new Map([[1, [row('2024-03-01', '9999999999.99')]]])
    const { run, totals } = chain(
      [work],
      [order(1, { registeredOn: '2024-03-01' })],
      {
        billingPoint: '2024-03-05',
        today: '2024-03-05',
      },
      metrics,
    )

    // 9999999999.99² = 99999999999800000000.0001
    expect(cents(run.bills[0]!.lines[0]!.subtotal)).toBe('99999999999800000000.00')
    expect(run.bills[0]!.lines[0]!.quantity.toFixed()).toBe('9999999999.99')
    expect(totals[0]!.total).toBe('120999999999758000000.00')
  })
})

describe('verboseQuantity below a cent (spec 7.2)', () => {
  it('prints a size below 0.01 with two significant digits beside its metric', () => {
    expect(verboseQuantity('2', money(1).dividedBy(366))).toBe('2×0.0027')
    expect(verboseQuantity('0.004', '1')).toBe('0.004')
  })
})
