import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { linePeriodText, quantityText, verboseQuantity } from '../../../src-main/billing/bill-text'
import { money } from '../../../src-main/billing/money'

describe('verboseQuantity (spec 7.2)', () => {
  it('keeps the zeros of a metric of 10 and 100, which the original printed as "1"', () => {
    expect(verboseQuantity('10', '1')).toBe('10')
    expect(verboseQuantity('100', '1')).toBe('100')
  })

  it('prints a size below one with its leading zero: "0.25", not "25"', () => {
    expect(verboseQuantity('1', '0.25')).toBe('0.25')
    expect(verboseQuantity('1', '0.5')).toBe('0.5')
  })

  it('prints metric and size apart when neither is one', () => {
    expect(verboseQuantity('2', '0.5')).toBe('2×0.5')
    expect(verboseQuantity('10', '100')).toBe('10×100')
  })

  it('shows an exact size to two decimals, rounded half up, without trailing zeros', () => {
    expect(verboseQuantity('1', money(17).div(28))).toBe('0.61')
    expect(verboseQuantity('1', '0.125')).toBe('0.13')
    expect(verboseQuantity('1', '2.50')).toBe('2.5')
    expect(verboseQuantity('1', '1')).toBe('1')
  })

  it('prints a zero as "0" and a negative quantity with its sign', () => {
    expect(quantityText('-0.001')).toBe('0')
    expect(quantityText('-0.50')).toBe('-0.5')
  })
})

describe('linePeriodText (spec 7.8)', () => {
  it('prints a whole year as its first and last months', () => {
    expect(linePeriodText('2024-01-01', '2025-01-01', 'EN')).toBe("Jan. '24 / Dec. '24")
  })

  it('prints a single whole month once', () => {
    expect(linePeriodText('2024-03-01', '2024-04-01', 'EN')).toBe("March '24")
  })

  it('spells out the AP style months and abbreviates the others', () => {
    const months = ['2024-06-01', '2024-07-01', '2024-08-01', '2024-09-01', '2024-10-01']
    expect(months.map((m) => linePeriodText(m, null, 'EN'))).toEqual([
      "June '24",
      "July '24",
      "Aug. '24",
      "Sept. '24",
      "Oct. '24",
    ])
  })

  it('includes the days, the end as stored, when a date is not a 1st', () => {
    expect(linePeriodText('2024-03-15', '2024-04-01', 'EN')).toBe("March 15, '24 / April 1, '24")
    expect(linePeriodText('2024-01-01', '2024-02-10', 'EN')).toBe("Jan. 1, '24 / Feb. 10, '24")
  })

  it('prints the start alone for a line with no end', () => {
    expect(linePeriodText('2024-05-05', null, 'EN')).toBe("May 5, '24")
    expect(linePeriodText('2024-05-01', null, 'EN')).toBe("May '24")
  })

  it('ends a period that stops on 1 January with December of the year before', () => {
    expect(linePeriodText('2023-12-01', '2024-01-01', 'EN')).toBe("Dec. '23")
    expect(linePeriodText('2009-11-01', '2010-01-01', 'EN')).toBe("Nov. '09 / Dec. '09")
  })

  it("prints Spanish and Catalan months as the account's language writes them", () => {
    expect(linePeriodText('2024-01-01', '2024-02-01', 'ES')).toBe("Ene. '24")
    expect(linePeriodText('2024-01-01', '2024-06-01', 'CA')).toBe("Gen. '24 / maig '24")
    expect(linePeriodText('2024-03-15', '2024-04-15', 'ES')).toBe("15 mar. '24 / 15 abr. '24")
  })

  it('prints any period, days 29 to 31 and 29 February included, without failing', () => {
    const day = fc
      .date({ min: new Date('2000-01-01'), max: new Date('2099-12-31'), noInvalidDate: true })
      .map((date) => date.toISOString().slice(0, 10))
    fc.assert(
      fc.property(day, fc.option(day), (start, end) => {
        const text = linePeriodText(start, end, 'EN')
        expect(text).toMatch(
          /^[A-Z][a-z]+\.? (\d{1,2}, )?'\d\d( \/ [A-Z][a-z]+\.? (\d{1,2}, )?'\d\d)?$/,
        )
      }),
    )
  })
})
