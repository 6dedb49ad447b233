import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { billCountedOrders } from '../../../src-main/billing/counting-engine'
import { addDays } from '../../../src-main/billing/periods'
import type { BilledOrder, BilledService } from '../../../src-main/billing/types'
import { group, order, rates, service } from './counting-fixtures'

/** Any day from 1900 to 2100. */
const day = fc.integer({ min: 0, max: 73_000 }).map((n) => addDays('1900-01-01', n))

const anyService = fc
  .record({
    billingPeriod: fc.constantFrom('', 'MONTHLY', 'ANUAL'),
    billingPoint: fc.constantFrom('ON_REGISTER', 'ON_FIXED_DATE'),
    pricingPeriod: fc.constantFrom('', 'BILLING_PERIOD', 'MONTHLY', 'ANUAL'),
    onCancel: fc.constantFrom('NOTHING', 'DISCOUNT', 'COMPENSATE', 'REFUND'),
    paymentStyle: fc.constantFrom('PREPAY', 'POSTPAY'),
    annualBillingMonth: fc.integer({ min: 1, max: 12 }),
  })
  .map((fields) => service(fields as Partial<BilledService>))

/** An order registered on `registeredOn`, maybe billed some days on, maybe cancelled. */
const anyOrder = (id: number) =>
  fc
    .record({
      registeredOn: day,
      billedDays: fc.option(fc.integer({ min: 0, max: 800 })),
      cancelledDays: fc.option(fc.integer({ min: 0, max: 800 })),
    })
    .map(({ registeredOn, billedDays, cancelledDays }): BilledOrder => {
      const billedUntil = billedDays === null ? null : addDays(registeredOn, billedDays)
      return order(id, {
        registeredOn,
        billedOn: billedUntil === null ? null : registeredOn,
        billedUntil,
        cancelledOn: cancelledDays === null ? null : addDays(registeredOn, cancelledDays),
      })
    })

const someOrders = fc.tuple(anyOrder(1), anyOrder(2), anyOrder(3))

describe('billCountedOrders properties (spec billing 6.7)', () => {
  it('bills any dates from 1900 to 2100 without failing, each line forward in time', () => {
    const withRates = fc.constantFrom(
      [],
      rates([
        [1, '0.00'],
        [2, '7.50'],
      ]),
    )
    fc.assert(
      fc.property(
        anyService,
        someOrders,
        withRates,
        day,
        fc.boolean(),
        (s, orders, r, at, fixed) => {
          const { lines } = billCountedOrders(
            group(orders, {
              service: s,
              rates: r,
              options: { billingPoint: at, fixedPoint: fixed },
            }),
          )
          for (const line of lines) {
            expect(line.size.isNegative()).toBe(false)
            if (line.end !== null) expect(line.ini <= line.end).toBe(true)
          }
        },
      ),
      { numRuns: 300 },
    )
  })

  it('gives no plan discount when every position costs the nominal price', () => {
    // The chunks of concurrent pricing cut a line anywhere; their sizes must still add up to the
    // line's own size exactly, or a rounding gap would show as a discount or be ignored.
    const nominalRates = rates([[1, '10.00']])
    const concurrent = service({ pricingPeriod: '', billingPeriod: 'MONTHLY' })
    fc.assert(
      fc.property(someOrders, day, (orders, at) => {
        const { lines } = billCountedOrders(
          group(orders, {
            service: concurrent,
            rates: nominalRates,
            options: { billingPoint: at },
          }),
        )
        for (const line of lines) expect(line.discounts).toEqual([])
      }),
      { numRuns: 300 },
    )
  })
})
