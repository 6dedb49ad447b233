import { describe, expect, it } from 'vitest'
import { cents, money } from '../../../src-main/billing/money'
import { rateSteps, totalPrice, unitPriceAt } from '../../../src-main/billing/rating'
import { plan, rows, shown } from './rating-support'

const nominal = money('10')
const steps = [
  { quantity: money('2'), price: money('0') },
  { quantity: money('3'), price: money('4.35') },
  { quantity: money('1.5'), price: money('2.01') },
]

describe('totalPrice (spec billing 5)', () => {
  it('sums quantity × price over the steps and rounds half up once', () => {
    // 3 × 4.35 + 1.5 × 2.01 = 13.05 + 3.015 = 16.065
    expect(cents(totalPrice(steps, money('6.5')))).toBe('16.07')
  })

  it('stops exactly at a metric inside a step', () => {
    expect(cents(totalPrice(steps, money('3.5')))).toBe('6.53')
  })

  it('is 0.00 for a metric of 0', () => {
    expect(cents(totalPrice(steps, money('0')))).toBe('0.00')
  })

  it('refuses a metric beyond the steps', () => {
    expect(() => totalPrice(steps, money('7'))).toThrow(RangeError)
  })
})

describe('unitPriceAt (spec billing 5)', () => {
  it('gives the price of the step holding a position', () => {
    const prices = [1, 2, 3, 5, 6, 7].map((position) => unitPriceAt(steps, position).toString())
    expect(prices).toEqual(['0', '0', '4.35', '4.35', '2.01', '2.01'])
  })

  it('refuses a position before the first unit or past the last', () => {
    expect(() => unitPriceAt(steps, 0)).toThrow(RangeError)
    expect(() => unitPriceAt(steps, 1.5)).toThrow(RangeError)
    expect(() => unitPriceAt(steps, 8)).toThrow(RangeError)
  })
})

describe('rateSteps with decimal metrics (spec billing 5)', () => {
  it('prices a partial last unit at its place: 2.5 over (1→0), (3→4) is 2 free, 0.5 at 4', () => {
    const table = rows(plan(1), [1, '0'], [3, '4'])
    const rated = rateSteps(table, money('2.5'), nominal)
    expect(shown(rated)).toEqual(['2 at 0', '0.5 at 4'])
    expect(cents(totalPrice(rated, money('2.5')))).toBe('2.00')
  })

  it('keeps a metric below one unit whole in the first tier', () => {
    const table = rows(plan(1), [1, '3'], [2, '1'])
    expect(shown(rateSteps(table, money('0.25'), nominal))).toEqual(['0.25 at 3'])
  })

  it('prices a decimal metric without rates at nominal', () => {
    expect(shown(rateSteps([], money('0.125'), nominal))).toEqual(['0.125 at 10'])
  })

  it('puts a partial unit in the match_price row of its position', () => {
    const table = rows(plan(1), [1, '9'], [3, '5'])
    expect(shown(rateSteps(table, money('2.5'), nominal, 'match_price'))).toEqual(['2.5 at 5'])
  })

  it('refuses a negative metric', () => {
    expect(() => rateSteps([], money('-1'), nominal)).toThrow(RangeError)
  })
})
