import { describe, expect, it } from 'vitest'
import { cents, money } from '../../../src-main/billing/money'
import { rateSteps, totalPrice } from '../../../src-main/billing/rating'
import { plan, rows, shown } from './rating-support'

const nominal = money('10')

describe('match_price (spec billing 5.3)', () => {
  const table = rows(plan(1), [1, '10'], [5, '8'], [10, '5'])

  it('prices every unit at the row of the greatest threshold the metric reaches', () => {
    expect(shown(rateSteps(table, money('7'), nominal, 'match_price'))).toEqual(['7 at 8'])
    expect(shown(rateSteps(table, money('10'), nominal, 'match_price'))).toEqual(['10 at 5'])
  })

  it('counts the implicit nominal row when the table starts above 1', () => {
    const late = rows(plan(1), [3, '8'])
    expect(shown(rateSteps(late, money('2'), nominal, 'match_price'))).toEqual(['2 at 10'])
  })

  it('takes the lowest candidate across plans, combinable or not', () => {
    const plans = [
      ...table,
      ...rows(plan(2, { combinable: false }), [1, '9'], [6, '6']),
      ...rows(plan(3), [1, '12'], [8, '7']),
    ]
    expect(shown(rateSteps(plans, money('8'), nominal, 'match_price'))).toEqual(['8 at 6'])
  })

  it('ignores contracts: a plan held three times offers the same row', () => {
    const held = rows(plan(1, { contracts: 3 }), [1, '0'], [3, '9'])
    expect(shown(rateSteps(held, money('30'), nominal, 'match_price'))).toEqual(['30 at 9'])
  })
})

describe('best_price (spec billing 5.4)', () => {
  it('uses the cheapest reached row first: a descending table gives its last price', () => {
    const table = rows(plan(1), [1, '10'], [5, '8'], [10, '5'])
    const steps = rateSteps(table, money('20'), nominal, 'best_price')
    expect(shown(steps)).toEqual(['20 at 5'])
    expect(cents(totalPrice(steps, money('20')))).toBe('100.00')
  })

  it('limits a row to its bound: (1→0), (3→9), metric 30 is 2 free and 28 at 9', () => {
    const table = rows(plan(1), [1, '0'], [3, '9'])
    expect(shown(rateSteps(table, money('30'), nominal, 'best_price'))).toEqual([
      '2 at 0',
      '28 at 9',
    ])
  })

  it('extends an allowance by its width per contract: two contracts give 4 free', () => {
    const table = rows(plan(1, { contracts: 2 }), [1, '0'], [3, '9'])
    expect(shown(rateSteps(table, money('30'), nominal, 'best_price'))).toEqual([
      '4 at 0',
      '26 at 9',
    ])
  })

  it('extends a later row by its width per contract, not by its bound', () => {
    // Row 5→3 covers units 5-9: with two contracts it reaches unit 14, not 9 × 2 = 18.
    const table = rows(plan(1, { contracts: 2 }), [1, '10'], [5, '3'], [10, '7'])
    const steps = rateSteps(table, money('20'), nominal, 'best_price')
    expect(shown(steps)).toEqual(['14 at 3', '6 at 7'])
    expect(cents(totalPrice(steps, money('20')))).toBe('84.00')
  })

  it('treats a bound as a position, not a count: 88.00 where the original gave 56.00', () => {
    const table = rows(plan(1), [1, '0'], [3, '9'], [6, '4'], [10, '20'])
    const steps = rateSteps(table, money('12'), nominal, 'best_price')
    expect(shown(steps)).toEqual(['2 at 0', '7 at 4', '3 at 20'])
    expect(cents(totalPrice(steps, money('12')))).toBe('88.00')
  })

  it('does not give a second plan units the first already priced', () => {
    // Plan 1 prices units 1-2 at 1; plan 2's 5 reaches unit 5 only, so units 3-5 at 5.
    const table = [
      ...rows(plan(1), [1, '1'], [3, '20']),
      ...rows(plan(2, { combinable: false }), [1, '5'], [6, '20']),
    ]
    const steps = rateSteps(table, money('10'), nominal, 'best_price')
    expect(shown(steps)).toEqual(['2 at 1', '3 at 5', '5 at 20'])
    expect(cents(totalPrice(steps, money('10')))).toBe('117.00')
  })

  it('offers the units before a later table at nominal', () => {
    const table = rows(plan(1), [4, '12'])
    expect(shown(rateSteps(table, money('5'), nominal, 'best_price'))).toEqual([
      '3 at 10',
      '2 at 12',
    ])
  })
})
