import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { billMetricOrders } from '../../../src-main/billing/metric-engine'
import { money } from '../../../src-main/billing/money'
import { addDays, compareDates } from '../../../src-main/billing/periods'
import type {
  BilledOrder,
  BilledService,
  GroupResult,
  IsoDate,
  MetricRow,
} from '../../../src-main/billing/types'
import { billedService } from './fixtures/billed-service'

// A metric history: one row per distinct day of 2024, in creation order.
const history = fc
  .uniqueArray(fc.record({ day: fc.nat(365), value: fc.nat(20) }), {
    selector: (entry) => entry.day,
    maxLength: 12,
  })
  .map((entries) =>
    entries
      .sort((a, b) => a.day - b.day)
      .map(({ day, value }): MetricRow => {
        const createdOn = addDays('2024-01-01', day)
        return { createdOn, updatedOn: `${createdOn}T12:00:00+01:00`, value: money(value) }
      }),
  )

const day2024 = fc.nat(365).map((day) => addDays('2024-01-01', day))

function service(fields: Partial<BilledService>): BilledService {
  return billedService({
    id: 7,
    description: 'Disk',
    nominalPrice: money('1.00'),
    pricingPeriod: '',
    ignorePeriod: 'TEN_DAYS',
    hasMetric: true,
    ...fields,
  })
}

/** A run sees the rows stored up to its day, as the data layer would hold them. */
function bill(billed: BilledService, order: BilledOrder, rows: MetricRow[], today: IsoDate) {
  const stored = rows.filter((row) => compareDates(row.createdOn, today) <= 0)
  return billMetricOrders({
    service: billed,
    orders: [order],
    accountOrders: [order],
    rates: [],
    metrics: new Map([[order.id, stored]]),
    options: { billingPoint: today, fixedPoint: false, today },
  })
}

function committed(before: BilledOrder, result: GroupResult): BilledOrder {
  const update = result.orderUpdates[0]
  return update ? { ...before, ...update } : before
}

const services = fc.constantFrom(
  service({}),
  service({ billingPeriod: 'MONTHLY', billingPoint: 'ON_REGISTER' }),
  service({ billingPeriod: 'MONTHLY', pricingPeriod: 'BILLING_PERIOD', paymentStyle: 'POSTPAY' }),
  service({ pricingPeriod: 'MONTHLY' }),
  service({ billingPeriod: '', pricingPeriod: 'BILLING_PERIOD' }),
)

describe('billMetricOrders over any metric history (spec 6.8)', () => {
  it('bills nothing more when run again the same day after committing', () => {
    fc.assert(
      fc.property(services, history, day2024, day2024, (billed, rows, registeredOn, today) => {
        fc.pre(compareDates(registeredOn, today) <= 0)
        const fresh: BilledOrder = {
          id: 1,
          accountId: 3,
          serviceId: 7,
          description: 'Disk',
          registeredOn,
          cancelledOn: null,
          billedOn: null,
          billedUntil: null,
          billedMetric: null,
          ignore: false,
        }
        const once = committed(fresh, bill(billed, fresh, rows, today))
        const later = addDays(today, 30)
        const twice = committed(once, bill(billed, once, rows, later))
        expect(bill(billed, twice, rows, later)).toEqual({ lines: [], orderUpdates: [] })
      }),
    )
  })

  it('gives lines of positive metric and a total never below zero', () => {
    fc.assert(
      fc.property(services, history, day2024, (billed, rows, today) => {
        const order: BilledOrder = {
          id: 1,
          accountId: 3,
          serviceId: 7,
          description: 'Disk',
          registeredOn: '2024-01-01',
          cancelledOn: null,
          billedOn: '2024-01-01',
          billedUntil: '2025-01-01',
          billedMetric: rows[0]?.value ?? null,
          ignore: false,
        }
        for (const line of bill(billed, order, rows, today).lines) {
          expect(line.metric.greaterThan(0)).toBe(true)
          const total = line.discounts.reduce((sum, each) => sum.plus(each.amount), line.subtotal)
          expect(total.isNegative()).toBe(false)
        }
      }),
    )
  })
})
