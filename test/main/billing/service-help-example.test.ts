import { describe, expect, it } from 'vitest'
import { HELP_EXAMPLES } from '../../../src-renderer/src/features/billing/service-help-examples'
import help from '../../../src-renderer/src/i18n/areas-en/billing.json'
import {
  BILLING_PERIODS,
  BILLING_POINTS,
  CANCEL_POLICIES,
  IGNORE_PERIODS,
  PAYMENT_STYLES,
  PRICING_PERIODS,
  RATE_ALGORITHMS,
} from '../../../src-shared/schemas/service-settings'
import { checkServiceExpressions } from '../../../src-main/billing/expressions'
import { billCountedOrders } from '../../../src-main/billing/counting-engine'
import { lineTotal } from '../../../src-main/billing/lines'
import { cents, money } from '../../../src-main/billing/money'
import type { BilledOrder, BilledService, OnCancel } from '../../../src-main/billing/types'

/**
 * The service help's worked example (a mailbox prepaid 12.00 for a year, cancelled after three
 * months) run through the engine, so the figures the clerk reads are the ones billed.
 */

function mailboxService(onCancel: OnCancel): BilledService {
  return {
    id: 1,
    description: 'Mailbox',
    billingPeriod: 'ANUAL',
    billingPoint: 'ON_FIXED_DATE',
    isFee: false,
    nominalPrice: money('12.00'),
    tax: money(0),
    pricingPeriod: 'BILLING_PERIOD',
    rateAlgorithm: 'step_price',
    onCancel,
    paymentStyle: 'PREPAY',
    ignorePeriod: '',
    hasMetric: false,
    annualBillingMonth: 1,
  }
}

function order(id: number, values: Partial<BilledOrder>): BilledOrder {
  return {
    id,
    accountId: 1,
    serviceId: 1,
    description: 'Mailbox: ana',
    registeredOn: '2025-01-01',
    cancelledOn: null,
    billedOn: null,
    billedUntil: null,
    billedMetric: null,
    ignore: false,
    ...values,
  }
}

/** Billed 12.00 on 1 January for the year, cancelled on 1 April. */
const prepaid = order(1, {
  billedOn: '2025-01-01',
  billedUntil: '2026-01-01',
  cancelledOn: '2025-04-01',
})

function run(onCancel: OnCancel, orders: BilledOrder[], accountOrders: BilledOrder[], on: string) {
  return billCountedOrders({
    service: mailboxService(onCancel),
    orders,
    accountOrders,
    rates: [],
    metrics: new Map(),
    options: { billingPoint: on, fixedPoint: false, today: on },
  })
}

const outcomes = help.serviceHelp.policies

describe('the service help worked example', () => {
  it('bills nothing more under NOTHING', () => {
    expect(run('NOTHING', [prepaid], [prepaid], '2025-04-15').lines).toEqual([])
    expect(outcomes.NOTHING.outcome).toContain('12.00')
  })

  it('bills 3.00 under DISCOUNT when the year was not billed yet', () => {
    const unbilled = order(1, { cancelledOn: '2025-04-01' })
    const [line] = run('DISCOUNT', [unbilled], [unbilled], '2025-04-15').lines
    expect([line?.ini, line?.end, cents(lineTotal(line!))]).toEqual([
      '2025-01-01',
      '2025-04-01',
      '3.00',
    ])
    expect(outcomes.DISCOUNT.outcome).toContain('3.00')
  })

  it('gives the new mailbox 9.00 of compensation under COMPENSATE', () => {
    const added = order(2, { registeredOn: '2025-04-01' })
    const [line] = run('COMPENSATE', [added], [prepaid, added], '2025-04-01').lines
    expect(cents(line!.subtotal)).toBe('9.00')
    expect(line!.discounts.map((discount) => cents(discount.amount))).toEqual(['-9.00'])
    expect(cents(lineTotal(line!))).toBe('0.00')
    expect(outcomes.COMPENSATE.outcome).toContain('9.00 with a compensation of −9.00')
  })

  it('gives back 9.00 under REFUND', () => {
    const [line] = run('REFUND', [prepaid], [prepaid], '2025-04-15').lines
    expect([line?.ini, line?.end, cents(lineTotal(line!))]).toEqual([
      '2025-04-01',
      '2026-01-01',
      '-9.00',
    ])
    expect(outcomes.REFUND.outcome).toContain('−9.00')
  })
})

describe('the service help expression examples', () => {
  it('each pass the check for their kind of object and field', () => {
    for (const example of HELP_EXAMPLES) {
      const service = {
        contentType: example.model,
        description: 'Example',
        nominalPrice: '1.00',
        billingPeriod: 'ANUAL',
        pricingPeriod: '',
        isFee: false,
        match: '',
        metric: '',
        orderDescription: '',
        [example.field]: example.code,
      }
      expect(checkServiceExpressions(service), example.code).toEqual([])
      expect(help.serviceHelp.expressions[example.key], example.key).toBeTruthy()
    }
  })
})

describe('the service field labels', () => {
  it('name every allowed value of the enumerated fields', () => {
    const enums = {
      billingPeriod: BILLING_PERIODS,
      billingPoint: BILLING_POINTS,
      ignorePeriod: IGNORE_PERIODS,
      pricingPeriod: PRICING_PERIODS,
      rateAlgorithm: RATE_ALGORITHMS,
      onCancel: CANCEL_POLICIES,
      paymentStyle: PAYMENT_STYLES,
    }
    for (const [field, values] of Object.entries(enums)) {
      const labels = help.serviceFields[field as keyof typeof enums] as Record<string, string>
      for (const value of values) expect(labels[value], `${field} ${value}`).toBeTruthy()
    }
  })
})
