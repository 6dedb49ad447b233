import { describe, expect, it } from 'vitest'
import { buildLine, lineTotal } from '../../../src-main/billing/lines'
import { cents, money } from '../../../src-main/billing/money'
import { rateSteps, rateWarnings, totalPrice } from '../../../src-main/billing/rating'
import type { BilledOrder, BilledService } from '../../../src-main/billing/types'
import { plan, rows } from './rating-support'

const nominal = money('10')

const service: BilledService = {
  id: 1,
  description: 'Disk',
  billingPeriod: 'ANUAL',
  billingPoint: 'ON_FIXED_DATE',
  isFee: false,
  nominalPrice: nominal,
  tax: money('21'),
  pricingPeriod: 'BILLING_PERIOD',
  rateAlgorithm: 'step_price',
  onCancel: 'DISCOUNT',
  paymentStyle: 'PREPAY',
  ignorePeriod: '',
  hasMetric: true,
  annualBillingMonth: 1,
}

const order: BilledOrder = {
  id: 1,
  accountId: 1,
  serviceId: 1,
  description: 'Disk of mailbox info',
  registeredOn: '2024-01-01',
  cancelledOn: null,
  billedOn: null,
  billedUntil: null,
  billedMetric: null,
  ignore: false,
}

describe('rateWarnings (spec billing 5.5)', () => {
  it('names a rate above the nominal price by row, plan and threshold', () => {
    const table = [
      { planId: 1, quantity: 1, price: money('0') },
      { planId: 1, quantity: 3, price: money('12.5') },
      { planId: 2, quantity: 1, price: money('10') },
    ]
    expect(rateWarnings(table, nominal)).toEqual([
      {
        kind: 'above-nominal',
        index: 1,
        planId: 1,
        quantity: 3,
        message:
          'The rate from unit 3 (12.50) is above the nominal price (10.00); rates only lower ' +
          'prices, so it has no effect.',
      },
    ])
  })

  it('has nothing to say of a table at or below nominal', () => {
    const table = [
      { planId: 1, quantity: null, price: money('10') },
      { planId: 1, quantity: 5, price: money('9.99') },
    ]
    expect(rateWarnings(table, nominal)).toEqual([])
  })

  it('names the rows of one plan that start at the first unit and are overruled', () => {
    const table = [
      { planId: 1, quantity: 1, price: money('2') },
      { planId: 1, quantity: null, price: money('3') },
      { planId: 2, quantity: 0, price: money('4') },
      { planId: 1, quantity: 0, price: money('1') },
    ]
    const warnings = rateWarnings(table, nominal)
    expect(warnings.map((warning) => [warning.kind, warning.index])).toEqual([
      ['same-start', 1],
      ['same-start', 3],
    ])
    expect(warnings[0]?.message).toBe(
      'The rate for quantity none starts at the first unit, as the rate for quantity 1 does; ' +
        'only that one applies.',
    )
  })

  it('matches rating: the row for quantity 1 is the one that prices the first unit', () => {
    const table = [
      ...rows(plan(1), [null, '3']),
      ...rows(plan(1), [1, '2']),
      ...rows(plan(1), [0, '1']),
    ]
    const steps = rateSteps(table, money('4'), nominal)
    expect(totalPrice(steps, money('4')).toString()).toBe('8')
  })

  it('is right that a rate above nominal has no effect: the line stays at nominal', () => {
    const metric = money('5')
    const rated = totalPrice(rateSteps(rows(plan(1), [1, '12.5']), metric, nominal), metric)
    const line = buildLine({
      order,
      service,
      ini: '2024-01-01',
      end: '2025-01-01',
      size: money('1'),
      metric,
      price: rated,
      computed: true,
    })
    expect(cents(rated)).toBe('62.50')
    expect(line.discounts).toEqual([])
    expect(cents(lineTotal(line))).toBe('50.00')
  })
})
