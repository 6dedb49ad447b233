import { describe, expect, it } from 'vitest'
import { cents, money } from '../../../src-main/billing/money'
import { rateSteps, totalPrice, unitPriceAt } from '../../../src-main/billing/rating'
import { plan, rows, shown } from './rating-support'

const nominal = money('10')

describe('step_price for one plan (spec billing 5.1, 5.2)', () => {
  it('prices every unit at nominal when no rate applies', () => {
    expect(shown(rateSteps([], money('7'), nominal))).toEqual(['7 at 10'])
  })

  it('has no steps for a metric of 0, and a total of 0.00', () => {
    const steps = rateSteps(rows(plan(1), [1, '0'], [5, '10']), money('0'), nominal)
    expect(steps).toEqual([])
    expect(cents(totalPrice(steps, money('0')))).toBe('0.00')
  })

  it('gives units 1-4 free and 5 on at 10 for rows (1→0), (5→10)', () => {
    const table = rows(plan(1), [1, '0'], [5, '10'])
    expect(shown(rateSteps(table, money('7'), nominal))).toEqual(['4 at 0', '3 at 10'])
  })

  it('prices the units before a table starting above 1 at nominal: (3→8), (6→5)', () => {
    const table = rows(plan(1), [3, '8'], [6, '5'])
    expect(shown(rateSteps(table, money('8'), nominal))).toEqual(['2 at 10', '3 at 8', '3 at 5'])
    expect(cents(totalPrice(rateSteps(table, money('8'), nominal), money('8')))).toBe('59.00')
  })

  it('stops the steps once the metric is covered', () => {
    const table = rows(plan(1), [3, '8'], [6, '5'])
    expect(shown(rateSteps(table, money('4'), nominal))).toEqual(['2 at 10', '2 at 8'])
  })

  it('reads quantity 0, 1 and none alike as the first unit', () => {
    for (const first of [0, 1, null]) {
      const table = rows(plan(1), [first, '2'], [4, '1'])
      expect(shown(rateSteps(table, money('5'), nominal))).toEqual(['3 at 2', '2 at 1'])
    }
  })

  it('prices domain-like registrations 0, 10, 10, 9, 9, 6, 6, 6 (spec 12.3)', () => {
    const table = rows(plan(1), [0, '0'], [2, '10'], [4, '9'], [6, '6'])
    const steps = rateSteps(table, money('8'), nominal)
    const prices = [1, 2, 3, 4, 5, 6, 7, 8].map((position) => unitPriceAt(steps, position))
    expect(prices.map((price) => price.toString())).toEqual([
      '0',
      '10',
      '10',
      '9',
      '9',
      '6',
      '6',
      '6',
    ])
  })
})

describe('step_price folding of multiple contracts (spec billing 5.1, 5.2)', () => {
  const table = (contracts: number) => rows(plan(1, { contracts }), [1, '0'], [3, '9'])

  it('gives one contract of (1→0), (3→9) 2 free units and 28 at 9 for metric 30', () => {
    expect(shown(rateSteps(table(1), money('30'), nominal))).toEqual(['2 at 0', '28 at 9'])
  })

  it('gives two contracts 4 free units and 26 at 9, not the original 1 free', () => {
    expect(shown(rateSteps(table(2), money('30'), nominal))).toEqual(['4 at 0', '26 at 9'])
  })

  it('gives three contracts 6 free units and 24 at 9', () => {
    expect(shown(rateSteps(table(3), money('30'), nominal))).toEqual(['6 at 0', '24 at 9'])
  })

  it('keeps the width of a tier not cheaper than the next one', () => {
    const dearFirst = rows(plan(1, { contracts: 2 }), [1, '8'], [3, '2'])
    expect(shown(rateSteps(dearFirst, money('10'), nominal))).toEqual(['2 at 8', '8 at 2'])
  })

  it('lets a cheaper tier behind an enlarged allowance start at its own threshold', () => {
    const table = (contracts: number) => rows(plan(1, { contracts }), [1, '1'], [5, '2'], [6, '0'])
    const once = rateSteps(table(1), money('9'), nominal)
    const twice = rateSteps(table(2), money('9'), nominal)
    expect(shown(once)).toEqual(['4 at 1', '1 at 2', '4 at 0'])
    expect(cents(totalPrice(once, money('9')))).toBe('6.00')
    // Walking the tiers in order, two contracts gave 8 at 1 and 1 at 2: 10.00.
    expect(shown(twice)).toEqual(['5 at 1', '4 at 0'])
    expect(cents(totalPrice(twice, money('9')))).toBe('5.00')
  })

  it('does not fold the implicit nominal units before a later table', () => {
    const late = rows(plan(1, { contracts: 3 }), [3, '12'])
    expect(shown(rateSteps(late, money('5'), nominal))).toEqual(['2 at 10', '3 at 12'])
  })
})

describe('step_price across plans (spec billing 5.2)', () => {
  it('pools combinable plans unit by unit: X 1→5 with Y 1→9, 3→1, metric 10 is 18.00', () => {
    const table = [...rows(plan(1), [1, '5']), ...rows(plan(2), [1, '9'], [3, '1'])]
    const steps = rateSteps(table, money('10'), nominal)
    expect(shown(steps)).toEqual(['2 at 5', '8 at 1'])
    expect(cents(totalPrice(steps, money('10')))).toBe('18.00')
  })

  it('keeps the cheapest non-combinable plan as a whole', () => {
    const table = [
      ...rows(plan(1, { combinable: false }), [1, '4']),
      ...rows(plan(2, { combinable: false }), [1, '9'], [3, '1']),
    ]
    expect(shown(rateSteps(table, money('10'), nominal))).toEqual(['2 at 9', '8 at 1'])
  })

  it("uses the one combinable plan's steps beside non-combinable ones, not the last plan's", () => {
    const table = [
      ...rows(plan(1), [1, '2']),
      ...rows(plan(2, { combinable: false }), [1, '5'], [4, '3']),
    ]
    const steps = rateSteps(table, money('10'), nominal)
    expect(shown(steps)).toEqual(['10 at 2'])
    expect(cents(totalPrice(steps, money('10')))).toBe('20.00')
  })

  it('takes a non-combinable plan cheaper than the pooled result', () => {
    const table = [
      ...rows(plan(1), [1, '6']),
      ...rows(plan(2), [1, '7'], [5, '5']),
      ...rows(plan(3, { combinable: false }), [1, '3']),
    ]
    expect(shown(rateSteps(table, money('6'), nominal))).toEqual(['6 at 3'])
  })

  it('pools whole allowances, so a larger metric never costs less', () => {
    // Cut at 9 units, plan 2 would be 8 at 1 (two contracts) and 1 at 2, without its free tier.
    const table = [
      ...rows(plan(1), [7, '0']),
      ...rows(plan(2, { contracts: 2 }), [1, '1'], [5, '2'], [6, '0']),
    ]
    const nine = rateSteps(table, money('9'), nominal)
    expect(shown(nine)).toEqual(['5 at 1', '4 at 0'])
    expect(cents(totalPrice(nine, money('9')))).toBe('5.00')
    expect(cents(totalPrice(rateSteps(table, money('10'), nominal), money('10')))).toBe('5.00')
  })
})
