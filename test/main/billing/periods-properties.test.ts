import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  addDays,
  addMonths,
  billingPoint,
  compareDates,
  daysBetween,
  daysInMonth,
  daysInYear,
  pricingSlots,
  rdelta,
  size,
  sizeFraction,
  type SizeForm,
} from '../../../src-main/billing/periods'
import type { BilledService } from '../../../src-main/billing/types'
import { billedService } from './fixtures/billed-service'

// Every date from 1900-01-01 to 2100-12-31.
const date = fc
  .integer({ min: 0, max: daysBetween('1900-01-01', '2100-12-31') })
  .map((offset) => addDays('1900-01-01', offset))

const form = fc.constantFrom<SizeForm>('MONTHLY', 'ANUAL')

function numerator(kind: SizeForm, ini: string, end: string): number {
  return sizeFraction(kind, ini, end).numerator
}

/** The rule read literally: whole months, then each remaining day's share of its own period. */
function referenceSize(kind: SizeForm, ini: string, end: string): number {
  const { years, months } = rdelta(end, ini)
  const whole = years * 12 + months
  const unit = sizeFraction(kind, ini, ini).denominator
  let numerator = kind === 'MONTHLY' ? whole * unit : (whole * unit) / 12
  for (let day = addMonths(ini, whole); day < end; day = addDays(day, 1)) {
    const [year, month] = [Number(day.slice(0, 4)), Number(day.slice(5, 7))]
    numerator += unit / (kind === 'MONTHLY' ? daysInMonth(year, month) : daysInYear(year))
  }
  return numerator
}

describe('sizeFraction (spec 6.3)', () => {
  it('equals whole months plus each remaining day counted in its own month or year', () => {
    fc.assert(
      fc.property(form, date, fc.nat(1500), (kind, ini, length) => {
        const end = addDays(ini, length)
        expect(numerator(kind, ini, end)).toBe(referenceSize(kind, ini, end))
      }),
      { numRuns: 500 },
    )
  })
})

describe('size over adjacent intervals (spec 6.3)', () => {
  it('adds up exactly when the split lies on the first start’s monthly grid', () => {
    const split = fc.record({
      kind: form,
      start: date,
      months: fc.integer({ min: 0, max: 60 }),
      days: fc.integer({ min: 0, max: 27 }),
    })
    fc.assert(
      fc.property(split, ({ kind, start, months, days }) => {
        const middle = addMonths(start, months)
        const end = addDays(middle, days)
        const parts = numerator(kind, start, middle) + numerator(kind, middle, end)
        expect(parts).toBe(numerator(kind, start, end))
      }),
    )
  })

  it('adds up exactly after a whole-month split when the start day is at most 28', () => {
    const split = fc.record({
      kind: form,
      start: date.filter((value) => Number(value.slice(8)) <= 28),
      months: fc.integer({ min: 0, max: 60 }),
      days: fc.integer({ min: 0, max: 3660 }),
    })
    fc.assert(
      fc.property(split, ({ kind, start, months, days }) => {
        const middle = addMonths(start, months)
        const end = addDays(middle, days)
        const parts = numerator(kind, start, middle) + numerator(kind, middle, end)
        expect(parts).toBe(numerator(kind, start, end))
      }),
    )
  })

  it('adds up exactly for any split inside one month', () => {
    const split = fc.record({ kind: form, start: date, first: fc.nat(30), second: fc.nat(30) })
    fc.assert(
      fc.property(split, ({ kind, start, first, second }) => {
        const middle = addDays(start, first)
        const end = addDays(middle, second)
        fc.pre(compareDates(end, addMonths(start, 1)) < 0)
        const parts = numerator(kind, start, middle) + numerator(kind, middle, end)
        expect(parts).toBe(numerator(kind, start, end))
      }),
    )
  })

  it('gives decimals that add up to the whole within 40 significant digits', () => {
    const annual = serviceOf({ billingPeriod: 'ANUAL' })
    fc.assert(
      fc.property(date, fc.nat(30), fc.nat(30), (start, first, second) => {
        const middle = addDays(start, first)
        const end = addDays(middle, second)
        fc.pre(compareDates(end, addMonths(start, 1)) < 0)
        const parts = size(annual, start, middle).plus(size(annual, middle, end))
        expect(
          parts
            .minus(size(annual, start, end))
            .abs()
            .lessThan('1e-38'),
        ).toBe(true)
      }),
    )
  })
})

describe('billingPoint over every date 1900-2100 (spec 6.2)', () => {
  const services = fc.record({
    billingPeriod: fc.constantFrom<BilledService['billingPeriod']>('', 'MONTHLY', 'ANUAL'),
    billingPoint: fc.constantFrom<BilledService['billingPoint']>('ON_REGISTER', 'ON_FIXED_DATE'),
    paymentStyle: fc.constantFrom<BilledService['paymentStyle']>('PREPAY', 'POSTPAY'),
    annualBillingMonth: fc.integer({ min: 1, max: 12 }),
  })

  it('never throws and gives a date after the run when prepaid, at or before it when not', () => {
    fc.assert(
      fc.property(services, date, date, (fields, registeredOn, run) => {
        const service = serviceOf(fields)
        const order = { registeredOn, cancelledOn: null }
        const point = billingPoint(service, order, { billingPoint: run, fixedPoint: false })
        expect(point).toMatch(/^\d{4}-\d{2}-\d{2}$/)
        if (service.billingPeriod === '') expect(point).toBe(registeredOn)
        else if (service.paymentStyle === 'PREPAY') expect(compareDates(point, run)).toBe(1)
        else expect(compareDates(point, run)).toBeLessThanOrEqual(0)
      }),
    )
  })

  it('gives slots that follow each other and cover the window', () => {
    fc.assert(
      fc.property(services, date, fc.nat(800), (fields, start, length) => {
        const service = serviceOf({ ...fields, pricingPeriod: 'BILLING_PERIOD' })
        const bp = addDays(start, length)
        const slots = pricingSlots(service, start, bp, start)
        expect(slots.length === 0).toBe(length === 0)
        fc.pre(length > 0)
        expect(compareDates(slots[0]!.ini, start)).toBeLessThanOrEqual(0)
        expect(compareDates(slots.at(-1)!.end, bp)).toBeGreaterThanOrEqual(0)
        slots.slice(1).forEach((slot, index) => expect(slot.ini).toBe(slots[index]!.end))
      }),
    )
  })
})

function serviceOf(fields: Partial<BilledService>): BilledService {
  return billedService({ description: 'Disk', ignorePeriod: 'TEN_DAYS', ...fields })
}
