import { describe, expect, it } from 'vitest'
import { billingPoint, pricingSlots } from '../../../src-main/billing/periods'
import type { BilledOrder, BilledService, IsoDate } from '../../../src-main/billing/types'
import { billedService } from './fixtures/billed-service'

function service(fields: Partial<BilledService> = {}): BilledService {
  return billedService({ description: 'Traffic', ignorePeriod: 'TEN_DAYS', ...fields })
}

type Dates = Pick<BilledOrder, 'registeredOn' | 'cancelledOn'>

function order(registeredOn: IsoDate, cancelledOn: IsoDate | null = null): Dates {
  return { registeredOn, cancelledOn }
}

function run(date: IsoDate, fixedPoint = false) {
  return { billingPoint: date, fixedPoint }
}

describe('billingPoint (spec 6.2)', () => {
  it('bills exactly to the chosen date with a fixed point', () => {
    expect(billingPoint(service(), order('2024-05-05'), run('2024-08-20', true))).toBe('2024-08-20')
  })

  it('bills an annual fixed-date prepaid order to the next 1 January (12.2)', () => {
    expect(billingPoint(service(), order('2024-05-05'), run('2024-08-20'))).toBe('2025-01-01')
    expect(billingPoint(service(), order('2024-05-05'), run('2024-01-01'))).toBe('2025-01-01')
  })

  it('takes the annual billing month of the service for fixed dates', () => {
    const june = service({ annualBillingMonth: 6 })
    expect(billingPoint(june, order('2024-02-01'), run('2024-03-10'))).toBe('2024-06-01')
    expect(billingPoint(june, order('2024-02-01'), run('2024-06-10'))).toBe('2025-06-01')
  })

  it('renews an annual ON_REGISTER order on its anniversary', () => {
    const anniversary = service({ billingPoint: 'ON_REGISTER' })
    expect(billingPoint(anniversary, order('2023-03-15'), run('2024-03-15'))).toBe('2025-03-15')
    expect(billingPoint(anniversary, order('2023-03-15'), run('2024-02-20'))).toBe('2024-03-15')
  })

  it('renews a 29 February registration on 28 February, and on 29 in leap years', () => {
    const anniversary = service({ billingPoint: 'ON_REGISTER' })
    expect(billingPoint(anniversary, order('2024-02-29'), run('2024-02-29'))).toBe('2025-02-28')
    expect(billingPoint(anniversary, order('2024-02-29'), run('2027-03-01'))).toBe('2028-02-29')
  })

  it('bills an annual POSTPAY order up to the anchor at or before the date', () => {
    const postpay = service({ paymentStyle: 'POSTPAY' })
    expect(billingPoint(postpay, order('2023-05-05'), run('2024-08-20'))).toBe('2024-01-01')
    expect(billingPoint(postpay, order('2023-05-05'), run('2024-01-01'))).toBe('2024-01-01')
    const anniversary = service({ paymentStyle: 'POSTPAY', billingPoint: 'ON_REGISTER' })
    expect(billingPoint(anniversary, order('2022-09-30'), run('2024-08-20'))).toBe('2023-09-30')
  })

  it('bills a monthly prepaid order to the anchor of the next month', () => {
    const monthly = service({ billingPeriod: 'MONTHLY' })
    expect(billingPoint(monthly, order('2024-05-05'), run('2024-08-20'))).toBe('2024-09-01')
    const monthiversary = service({ billingPeriod: 'MONTHLY', billingPoint: 'ON_REGISTER' })
    expect(billingPoint(monthiversary, order('2024-05-05'), run('2024-08-20'))).toBe('2024-09-05')
  })

  it('cuts days 29 to 31 to the end of a short month without drifting', () => {
    const monthiversary = service({ billingPeriod: 'MONTHLY', billingPoint: 'ON_REGISTER' })
    expect(billingPoint(monthiversary, order('2025-01-31'), run('2025-01-31'))).toBe('2025-02-28')
    // A late run after the cut month still renews on the 31st, not on the 28th.
    expect(billingPoint(monthiversary, order('2025-01-31'), run('2025-02-28'))).toBe('2025-03-31')
    expect(billingPoint(monthiversary, order('2025-01-30'), run('2025-03-30'))).toBe('2025-04-30')
    expect(billingPoint(monthiversary, order('2024-01-29'), run('2024-01-30'))).toBe('2024-02-29')
  })

  it('bills a monthly POSTPAY order up to the anchor at or before the chosen date', () => {
    const postpay = service({ billingPeriod: 'MONTHLY', paymentStyle: 'POSTPAY' })
    expect(billingPoint(postpay, order('2024-05-05'), run('2024-08-20'))).toBe('2024-08-01')
    const monthiversary = service({
      billingPeriod: 'MONTHLY',
      paymentStyle: 'POSTPAY',
      billingPoint: 'ON_REGISTER',
    })
    expect(billingPoint(monthiversary, order('2024-05-31'), run('2024-08-20'))).toBe('2024-07-31')
    expect(billingPoint(monthiversary, order('2024-05-31'), run('2024-03-30'))).toBe('2024-02-29')
  })

  it('bills a one-time order on its registration date', () => {
    const once = service({ billingPeriod: '' })
    expect(billingPoint(once, order('2024-05-05'), run('2024-08-20'))).toBe('2024-05-05')
  })

  it('cuts at the cancellation date unless cancellation is ignored', () => {
    const cancelled = order('2024-02-01', '2024-06-10')
    expect(billingPoint(service(), cancelled, run('2024-08-20'))).toBe('2024-06-10')
    const nothing = service({ onCancel: 'NOTHING' })
    expect(billingPoint(nothing, cancelled, run('2024-08-20'))).toBe('2025-01-01')
  })

  it('computes each order on its own: a cancelled order does not cut the next one', () => {
    const fixed = service()
    const options = run('2024-08-20')
    const points = [order('2024-02-01', '2024-06-10'), order('2024-07-01')].map((each) =>
      billingPoint(fixed, each, options),
    )
    expect(points).toEqual(['2024-06-10', '2025-01-01'])
  })
})

describe('pricingSlots (spec 6.10)', () => {
  const traffic = service({ billingPeriod: 'MONTHLY', paymentStyle: 'POSTPAY' })

  it('aligns monthly slots on the calendar: a mid-month start gets its whole month', () => {
    expect(pricingSlots(traffic, '2024-01-15', '2024-04-01')).toEqual([
      { ini: '2024-01-01', end: '2024-02-01' },
      { ini: '2024-02-01', end: '2024-03-01' },
      { ini: '2024-03-01', end: '2024-04-01' },
    ])
  })

  it('ends with the slot that reaches the billing point', () => {
    expect(pricingSlots(traffic, '2024-01-01', '2024-02-10')).toEqual([
      { ini: '2024-01-01', end: '2024-02-01' },
      { ini: '2024-02-01', end: '2024-03-01' },
    ])
  })

  it('keeps ON_REGISTER slots on the anchor day across short months', () => {
    const monthiversary = service({ billingPeriod: 'MONTHLY', billingPoint: 'ON_REGISTER' })
    const slots = pricingSlots(monthiversary, '2025-02-28', '2025-04-30', '2025-01-31')
    expect(slots).toEqual([
      { ini: '2025-02-28', end: '2025-03-31' },
      { ini: '2025-03-31', end: '2025-04-30' },
    ])
  })

  it('starts annual slots at the last anchor at or before the start', () => {
    const june = service({ annualBillingMonth: 6, pricingPeriod: 'ANUAL', billingPeriod: 'ANUAL' })
    expect(pricingSlots(june, '2024-01-15', '2024-07-01')).toEqual([
      { ini: '2023-06-01', end: '2024-06-01' },
      { ini: '2024-06-01', end: '2025-06-01' },
    ])
  })

  it('gives monthly slots to an annual service priced per month', () => {
    const pack = service({ pricingPeriod: 'MONTHLY' })
    expect(pricingSlots(pack, '2024-01-01', '2025-01-01')).toHaveLength(12)
  })

  it('is one slot without a pricing period and none for an empty window', () => {
    const current = service({ pricingPeriod: '' })
    expect(pricingSlots(current, '2024-01-15', '2024-03-01')).toEqual([
      { ini: '2024-01-15', end: '2024-03-01' },
    ])
    expect(pricingSlots(traffic, '2024-03-01', '2024-03-01')).toEqual([])
  })
})
