import { describe, expect, it } from 'vitest'
import { cents, money } from '../../../src-main/billing/money'
import {
  addDays,
  addMonths,
  compareDates,
  daysBetween,
  effectivePricingPeriod,
  inTrial,
  minusPeriod,
  rdelta,
  size,
  sizeFraction,
} from '../../../src-main/billing/periods'
import type { BilledService } from '../../../src-main/billing/types'
import { billedService } from './fixtures/billed-service'

function service(fields: Partial<BilledService> = {}): BilledService {
  return billedService({ ignorePeriod: 'TEN_DAYS', ...fields })
}

const annual = service()
const monthly = service({ billingPeriod: 'MONTHLY' })

describe('calendar dates', () => {
  it('adds days across a leap day and a year end', () => {
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29')
    expect(addDays('2028-02-29', 1)).toBe('2028-03-01')
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01')
    expect(addDays('2025-01-01', -1)).toBe('2024-12-31')
  })

  it('adds months keeping the day or the last day of a shorter month', () => {
    expect(addMonths('2025-01-31', 1)).toBe('2025-02-28')
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29')
    expect(addMonths('2025-03-31', -1)).toBe('2025-02-28')
    expect(addMonths('2024-02-29', 12)).toBe('2025-02-28')
    expect(addMonths('2024-11-15', 3)).toBe('2025-02-15')
  })

  it('counts the days between two dates, negative when the end comes first', () => {
    expect(daysBetween('2028-01-01', '2029-01-01')).toBe(366)
    expect(daysBetween('2025-03-01', '2025-02-01')).toBe(-28)
  })

  it('compares dates by the calendar', () => {
    expect(compareDates('2025-01-02', '2025-01-10')).toBe(-1)
    expect(compareDates('2025-01-10', '2025-01-10')).toBe(0)
    expect(compareDates('2026-01-01', '2025-12-31')).toBe(1)
  })

  it('refuses a date that does not exist', () => {
    expect(() => addDays('2025-02-29', 1)).toThrow(RangeError)
    expect(() => addDays('2025-1-5', 1)).toThrow(RangeError)
  })

  it('takes one period back for the trailing window', () => {
    expect(minusPeriod('2025-03-31', 'MONTHLY')).toBe('2025-02-28')
    expect(minusPeriod('2028-02-29', 'ANUAL')).toBe('2027-02-28')
  })
})

describe('rdelta (spec: billing conventions)', () => {
  it('counts 29 February to 28 February as one year and no day', () => {
    expect(rdelta('2025-02-28', '2024-02-29')).toEqual({ years: 1, months: 0, days: 0 })
  })

  it('counts 15 March to 1 January as 9 months and 17 days', () => {
    expect(rdelta('2025-01-01', '2024-03-15')).toEqual({ years: 0, months: 9, days: 17 })
  })

  it('counts months from the start, clamped, not from the previous month', () => {
    expect(rdelta('2025-03-31', '2025-01-31')).toEqual({ years: 0, months: 2, days: 0 })
    expect(rdelta('2025-03-30', '2025-01-31')).toEqual({ years: 0, months: 1, days: 30 })
  })

  it('is zero for an empty interval', () => {
    expect(rdelta('2025-05-05', '2025-05-05')).toEqual({ years: 0, months: 0, days: 0 })
  })

  it('refuses an interval that ends before it starts', () => {
    expect(() => rdelta('2025-01-01', '2025-01-02')).toThrow(RangeError)
  })
})

describe('size (spec 6.3, exact by day)', () => {
  it('prices one day of 2028 of an annual service at 366.00 as 1.00', () => {
    const dear = service({ nominalPrice: money('366.00') })
    const oneDay = size(dear, '2028-07-14', '2028-07-15')
    expect(cents(dear.nominalPrice.times(oneDay))).toBe('1.00')
    expect(sizeFraction('ANUAL', '2028-07-14', '2028-07-15')).toEqual({
      numerator: 730,
      denominator: 267_180,
    })
  })

  it('counts whole years and months exactly', () => {
    expect(size(annual, '2024-01-01', '2025-01-01').toString()).toBe('1')
    expect(size(annual, '2024-01-01', '2024-07-01').toString()).toBe('0.5')
    expect(size(annual, '2024-03-15', '2026-03-15').toString()).toBe('2')
    expect(size(monthly, '2025-01-31', '2025-02-28').toString()).toBe('1')
  })

  it('counts each remaining day in its own month, not in the end month', () => {
    // 17 January days of 31; the original divided them by February's 28 days.
    expect(size(monthly, '2025-01-15', '2025-02-01').equals(money(17).dividedBy(31))).toBe(true)
    const straddling = size(monthly, '2025-01-20', '2025-02-10')
    expect(straddling.equals(money(12).dividedBy(31).plus(money(9).dividedBy(28)))).toBe(true)
  })

  it('counts each remaining day of an annual service in its own year', () => {
    const fraction = sizeFraction('ANUAL', '2027-12-30', '2028-01-02')
    expect(fraction.numerator).toBe(2 * 732 + 730)
  })

  it('prices the exact size, not one rounded to cents first (9.60)', () => {
    const dozen = service({ nominalPrice: money('12.00') })
    const part = size(dozen, '2024-03-15', '2025-01-01')
    // 9/12 + 17 days of 2024 (leap): 0.75 + 17/366 = 0.796448...; 12 × that = 9.557...
    expect(cents(dozen.nominalPrice.times(part))).toBe('9.56')
  })

  it('uses the monthly form for a prepaid annual service priced per month', () => {
    const pack = service({ pricingPeriod: 'MONTHLY' })
    expect(size(pack, '2025-01-01', '2026-01-01').toString()).toBe('12')
    const postpaid = service({ pricingPeriod: 'MONTHLY', paymentStyle: 'POSTPAY' })
    expect(size(postpaid, '2025-01-01', '2026-01-01').toString()).toBe('1')
  })

  it('is 1 for a one-time service', () => {
    const once = service({ billingPeriod: '' })
    expect(size(once, '2025-01-01', '2025-01-01').toString()).toBe('1')
  })

  it('is 0 for an empty interval', () => {
    expect(size(monthly, '2025-01-31', '2025-01-31').toString()).toBe('0')
  })
})

describe('effectivePricingPeriod', () => {
  it('resolves BILLING_PERIOD to the billing period, none for one-time services', () => {
    expect(effectivePricingPeriod(monthly)).toBe('MONTHLY')
    expect(effectivePricingPeriod(service({ billingPeriod: '' }))).toBe('')
    expect(effectivePricingPeriod(service({ pricingPeriod: 'MONTHLY' }))).toBe('MONTHLY')
    expect(effectivePricingPeriod(service({ pricingPeriod: '' }))).toBe('')
  })
})

describe('inTrial (spec 4.1)', () => {
  const order = { registeredOn: '2025-01-31', cancelledOn: null }

  it('counts the last day of the period as inside the trial', () => {
    expect(inTrial(order, 'TEN_DAYS', '2025-02-10')).toBe(true)
    expect(inTrial(order, 'TEN_DAYS', '2025-02-11')).toBe(false)
    expect(inTrial(order, 'ONE_DAY', '2025-02-01')).toBe(true)
    expect(inTrial(order, 'TWO_DAYS', '2025-02-03')).toBe(false)
  })

  it('takes ONE_MONTH as one calendar month, without crashing at a month end', () => {
    expect(inTrial(order, 'ONE_MONTH', '2025-02-28')).toBe(true)
    expect(inTrial(order, 'ONE_MONTH', '2025-03-01')).toBe(false)
    expect(inTrial({ registeredOn: '2024-02-29', cancelledOn: '2024-03-29' }, 'ONE_MONTH')).toBe(
      true,
    )
  })

  it('is never in trial without a period or a cancellation', () => {
    expect(inTrial({ registeredOn: '2025-01-01', cancelledOn: '2025-01-02' }, '')).toBe(false)
    expect(inTrial(order, 'TEN_DAYS')).toBe(false)
  })
})
