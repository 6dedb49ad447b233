import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { billOrders, type BillingRun } from '../../../src-main/billing/engine'
import { lineTotal } from '../../../src-main/billing/lines'
import { addDays, compareDates } from '../../../src-main/billing/periods'
import type { BilledOrder, BilledService, PendingLine } from '../../../src-main/billing/types'
import { commit, order, rates, service } from './counting-fixtures'

/**
 * Successive committed runs over an account's orders of one service, with cancellations
 * between runs, under every cancel policy (spec 6.2, 6.7, 6.9): what each run may do to an
 * order's billed period and money, whatever the dates.
 */

const day = (from: string, max: number) => fc.integer({ min: 0, max }).map((n) => addDays(from, n))

const anyService = fc
  .record({
    billingPeriod: fc.constantFrom('MONTHLY', 'ANUAL'),
    billingPoint: fc.constantFrom('ON_REGISTER', 'ON_FIXED_DATE'),
    pricingPeriod: fc.constantFrom('', 'BILLING_PERIOD'),
    onCancel: fc.constantFrom('NOTHING', 'DISCOUNT', 'COMPENSATE', 'REFUND'),
    paymentStyle: fc.constantFrom('PREPAY', 'POSTPAY'),
    annualBillingMonth: fc.integer({ min: 1, max: 12 }),
  })
  .map((fields) => service(fields as Partial<BilledService>))

const plan = fc.constantFrom(
  [],
  rates([
    [1, '0.00'],
    [2, '7.50'],
  ]),
)

/** Orders registered in 2027-2028, each maybe cancelled after some run. */
const orderPlans = fc.array(
  fc.record({ registeredOn: day('2027-01-01', 730), cancelAfterRun: fc.option(fc.nat(5)) }),
  { minLength: 1, maxLength: 4 },
)

const runGaps = fc.array(fc.integer({ min: 1, max: 200 }), { minLength: 3, maxLength: 6 })

const isCovering = (line: PendingLine) => !line.refund

describe('successive runs with cancellations (spec 6.2, 6.7, 6.9)', () => {
  it('never bills a day twice nor leaves money outside 0..subtotal, refunds alone negative', () => {
    const seen = { lines: 0, refunds: 0, backwards: 0 }
    fc.assert(
      fc.property(anyService, plan, orderPlans, runGaps, (s, r, plans, gaps) => {
        let orders: BilledOrder[] = plans.map((p, i) =>
          order(i + 1, { registeredOn: p.registeredOn }),
        )
        let date = '2027-01-01'
        for (const [runIndex, gap] of gaps.entries()) {
          date = addDays(date, gap)
          // Cancellations between runs: on the run's day or a little before.
          orders = orders.map((o, i) => {
            const after = plans[i]!.cancelAfterRun
            if (o.cancelledOn !== null || after === null || after !== runIndex) return o
            const cancelledOn = addDays(date, -(gap % 40))
            return compareDates(cancelledOn, o.registeredOn) < 0 ? o : { ...o, cancelledOn }
          })
          const run: BillingRun = {
            orders,
            services: new Map([[s.id, s]]),
            accountOrders: orders,
            ratesFor: () => r,
            metrics: new Map(),
            options: { billingPoint: date, fixedPoint: false, today: date },
          }
          const { lines, orderUpdates } = billOrders(run)

          seen.lines += lines.length
          for (const line of lines) {
            const before = orders.find((o) => o.id === line.orderId)!
            const total = lineTotal(line)
            if (line.refund) {
              seen.refunds += 1
              expect(line.ini).toBe(before.cancelledOn)
              expect(line.end).toBe(before.billedUntil)
              expect(total.isPositive() && !total.isZero()).toBe(false)
              continue
            }
            expect(line.ini).toBe(before.billedUntil ?? before.registeredOn)
            expect(compareDates(line.end!, line.ini)).toBeGreaterThan(0)
            expect(total.isNegative()).toBe(false)
            expect(total.greaterThan(line.subtotal)).toBe(false)
          }
          for (const update of orderUpdates) {
            const before = orders.find((o) => o.id === update.orderId)!
            if (update.billedUntil === null || before.billedUntil === null) continue
            if (compareDates(update.billedUntil, before.billedUntil) >= 0) continue
            seen.backwards += 1
            // Backwards only by a refund or a handed-over part, never before the cancellation.
            expect(before.cancelledOn).not.toBeNull()
            expect(compareDates(update.billedUntil, before.cancelledOn!)).toBeGreaterThanOrEqual(0)
          }
          expect(lines.filter(isCovering).length).toBeLessThanOrEqual(orders.length)
          orders = commit(orders, orderUpdates)
        }
      }),
      { numRuns: 400, seed: 7 },
    )
    // The runs did bill, refund and hand over time: the checks above were exercised.
    expect(seen.lines).toBeGreaterThan(500)
    expect(seen.refunds).toBeGreaterThan(5)
    expect(seen.backwards).toBeGreaterThanOrEqual(seen.refunds)
  })
})
