import { describe, expect, it } from 'vitest'
import { billOrders } from '../../../src-main/billing/engine'
import { money } from '../../../src-main/billing/money'
import { addDays, compareDates } from '../../../src-main/billing/periods'
import type { BilledOrder, BilledService, MetricRow } from '../../../src-main/billing/types'
import { commit, order, service } from './counting-fixtures'

/**
 * Metric services over every fourth day of 2024-2029 as registration, with late successive runs
 * (spec 6.8, 6.10): no crash, billed_until never goes back, a slot is billed once, or again
 * only net of what was billed for it.
 */

const FIRST_DAY = '2024-01-01'
const DAYS = 2192

/** A value every 9 days, rising and falling, from the registration on. */
function rowsFrom(registeredOn: string): MetricRow[] {
  return Array.from({ length: 260 }, (_, i) => {
    const createdOn = addDays(registeredOn, i * 9)
    return { createdOn, updatedOn: `${createdOn}T10:00:00Z`, value: money(1 + ((i * 7) % 5)) }
  })
}

function runAll(s: BilledService, registeredOn: string, seed: number) {
  let current: BilledOrder = order(1, { registeredOn })
  const rows = rowsFrom(registeredOn)
  const seen = new Map<string, number>()
  let date = registeredOn
  for (let run = 0; run < 5; run++) {
    date = addDays(date, 20 + ((seed * 31 + run * 97) % 170))
    // What storage holds on the run's day: no value is known before it is measured.
    const metrics = new Map([[1, rows.filter((row) => compareDates(row.createdOn, date) <= 0)]])
    const { lines, orderUpdates } = billOrders({
      orders: [current],
      services: new Map([[s.id, s]]),
      accountOrders: [current],
      ratesFor: () => [],
      metrics,
      options: { billingPoint: date, fixedPoint: false, today: date },
    })
    for (const line of lines) {
      const key = `${line.ini}/${line.end}`
      const again = (seen.get(key) ?? 0) + 1
      seen.set(key, again)
      // Billed a second time only as a top-up, less what was already billed for it.
      if (again > 1)
        expect(
          line.discounts.map((d) => d.type),
          key,
        ).toContain('PREPAY')
      expect(line.metric.greaterThan(0)).toBe(true)
    }
    const before = current.billedUntil
    current = commit([current], orderUpdates)[0]!
    if (before && current.billedUntil) {
      expect(compareDates(current.billedUntil, before), registeredOn).toBeGreaterThanOrEqual(0)
    }
  }
  return seen.size
}

const CASES: [string, Partial<BilledService>][] = [
  ['postpaid monthly traffic', { billingPeriod: 'MONTHLY', paymentStyle: 'POSTPAY' }],
  ['postpaid annual traffic', { billingPeriod: 'ANUAL', paymentStyle: 'POSTPAY' }],
  ['prepaid annual disk', { billingPeriod: 'ANUAL', paymentStyle: 'PREPAY', pricingPeriod: '' }],
  ['prepaid monthly pack', { billingPeriod: 'ANUAL', pricingPeriod: 'MONTHLY' }],
]

describe('metric billing on every fourth day of 2024-2029 (spec 6.8, 6.10)', () => {
  for (const [name, fields] of CASES) {
    for (const point of ['ON_REGISTER', 'ON_FIXED_DATE'] as const) {
      it(`bills ${name} ${point} once per slot, forward`, () => {
        const s = service({
          ...fields,
          billingPoint: point,
          hasMetric: true,
          annualBillingMonth: 4,
        })
        let periods = 0
        for (let n = 0; n < DAYS; n += 4) periods += runAll(s, addDays(FIRST_DAY, n), n)
        expect(periods).toBeGreaterThan(DAYS / 8)
      })
    }
  }
})
