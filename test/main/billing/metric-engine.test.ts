import { describe, expect, it } from 'vitest'
import { lineTotal } from '../../../src-main/billing/lines'
import {
  billMetricOrders,
  metricMode,
  UnsupportedMetricPricingError,
} from '../../../src-main/billing/metric-engine'
import { cents, money } from '../../../src-main/billing/money'
import type {
  BilledOrder,
  BilledService,
  GroupResult,
  IsoDate,
  MetricRow,
  PendingLine,
  RateRow,
} from '../../../src-main/billing/types'
import { billedService } from './fixtures/billed-service'

function service(fields: Partial<BilledService> = {}): BilledService {
  return billedService({
    id: 7,
    description: 'Mailbox disk',
    nominalPrice: money('1.00'),
    pricingPeriod: '',
    ignorePeriod: 'TEN_DAYS',
    hasMetric: true,
    ...fields,
  })
}

function order(fields: Partial<BilledOrder> = {}): BilledOrder {
  return {
    id: 1,
    accountId: 3,
    serviceId: 7,
    description: 'Disk of info@example.org',
    registeredOn: '2024-01-01',
    cancelledOn: null,
    billedOn: null,
    billedUntil: null,
    billedMetric: null,
    ignore: false,
    ...fields,
  }
}

function row(createdOn: IsoDate, value: string, updatedOn: IsoDate = createdOn): MetricRow {
  return { createdOn, updatedOn: `${updatedOn}T23:00:00+01:00`, value: money(value) }
}

interface Run {
  service: BilledService
  order: BilledOrder
  rows: MetricRow[]
  today: IsoDate
  fixedPoint?: boolean
  rates?: RateRow[]
}

function bill(run: Run): GroupResult {
  return billMetricOrders({
    service: run.service,
    orders: [run.order],
    accountOrders: [run.order],
    rates: run.rates ?? [],
    metrics: new Map([[run.order.id, run.rows]]),
    options: { billingPoint: run.today, fixedPoint: run.fixedPoint ?? false, today: run.today },
  })
}

/** The order as committing the run leaves it (spec 6.11). */
function committed(before: BilledOrder, result: GroupResult): BilledOrder {
  const update = result.orderUpdates.find((each) => each.orderId === before.id)
  return update ? { ...before, ...update } : before
}

function text(line: PendingLine): string {
  const discounts = line.discounts.map((each) => ` ${each.type} ${cents(each.amount)}`).join('')
  const period = `${line.ini}..${line.end ?? ''} ×${line.metric.toString()}`
  return `${period} ${cents(line.subtotal)}${discounts} = ${cents(lineTotal(line))}`
}

describe('billMetricOrders: postpaid traffic per month (spec 6.8, 12.6)', () => {
  const traffic = service({
    description: 'Traffic',
    billingPeriod: 'MONTHLY',
    pricingPeriod: 'BILLING_PERIOD',
    paymentStyle: 'POSTPAY',
    nominalPrice: money('2.00'),
  })
  const rows = [
    row('2024-01-15', '3', '2024-01-20'),
    row('2024-01-25', '7', '2024-01-31'),
    row('2024-03-02', '4', '2024-03-30'),
  ]
  const registered = order({ registeredOn: '2024-01-15' })

  it('prices each calendar month on its last stored value; a month without one has no line', () => {
    const result = bill({ service: traffic, order: registered, rows, today: '2024-04-10' })
    expect(result.lines.map(text)).toEqual([
      '2024-01-01..2024-02-01 ×7 14.00 = 14.00',
      '2024-03-01..2024-04-01 ×4 8.00 = 8.00',
    ])
    expect(result.orderUpdates).toEqual([
      { orderId: 1, billedOn: '2024-04-10', billedUntil: '2024-04-01', billedMetric: money(4) },
    ])
  })

  it('bills a month cut by an earlier run once, less what that run charged for it', () => {
    const early = [...rows.slice(0, 2), row('2024-03-02', '4', '2024-03-15')]
    const first = bill({
      service: traffic,
      order: registered,
      rows: early,
      today: '2024-03-16',
      fixedPoint: true,
    })
    expect(first.lines.map(text).at(-1)).toBe('2024-03-01..2024-04-01 ×4 8.00 = 8.00')

    const later = [...early, row('2024-03-25', '10', '2024-03-31')]
    const second = bill({
      service: traffic,
      order: committed(registered, first),
      rows: later,
      today: '2024-04-10',
    })
    expect(second.lines.map(text)).toEqual([
      '2024-03-01..2024-04-01 ×10 20.00 PREPAY -8.00 = 12.00',
    ])
  })
})

describe('billMetricOrders: prepaid disk recharges (spec 6.8 step 1, 12.7)', () => {
  const disk = service()
  const billedYear = order({
    billedOn: '2024-01-01',
    billedUntil: '2025-01-01',
    billedMetric: money(9),
  })

  it('recharges a rise mid-period net of the prepaid part', () => {
    const rows = [row('2024-01-01', '9', '2024-06-30'), row('2024-07-01', '12', '2024-07-31')]
    const result = bill({ service: disk, order: billedYear, rows, today: '2024-08-01' })
    expect(result.lines.map(text)).toEqual(['2024-07-01..2025-01-01 ×12 6.00 PREPAY -4.50 = 1.50'])
    expect(result.orderUpdates).toEqual([
      { orderId: 1, billedOn: '2024-08-01', billedUntil: '2025-01-01', billedMetric: money(12) },
    ])
  })

  it('records the recharge, so running again the same day charges nothing more', () => {
    const rows = [row('2024-01-01', '9', '2024-06-30'), row('2024-07-01', '12', '2024-07-31')]
    const first = bill({ service: disk, order: billedYear, rows, today: '2024-08-01' })
    const again = bill({
      service: disk,
      order: committed(billedYear, first),
      rows,
      today: '2024-08-01',
    })
    expect(again).toEqual({ lines: [], orderUpdates: [] })
  })

  it('never refunds a decrease', () => {
    const rows = [row('2024-01-01', '9', '2024-06-30'), row('2024-07-01', '5', '2024-07-31')]
    expect(bill({ service: disk, order: billedYear, rows, today: '2024-08-01' })).toEqual({
      lines: [],
      orderUpdates: [],
    })
  })

  it('lets the prepayment a decrease left over pay for a later rise', () => {
    const rows = [
      row('2024-01-01', '9'),
      row('2024-03-01', '3'),
      row('2024-07-01', '16', '2024-09-30'),
    ]
    // Prepaid 9.00; Jan-Feb 1.50, Mar-Jun 1.00, Jul-Dec 8.00: short by 1.50, not by 3.50.
    const result = bill({ service: disk, order: billedYear, rows, today: '2024-10-01' })
    expect(result.lines.map(text)).toEqual(['2024-07-01..2025-01-01 ×16 8.00 PREPAY -6.50 = 1.50'])
  })

  it('renews an unchanged 9 GB disk on 1 January for one year, not from the row (two)', () => {
    const rows = [row('2023-06-01', '9', '2024-12-31')]
    const renewing = order({
      billedOn: '2024-01-01',
      billedUntil: '2025-01-01',
      billedMetric: money(9),
    })
    const result = bill({ service: disk, order: renewing, rows, today: '2025-01-01' })
    expect(result.lines.map(text)).toEqual(['2025-01-01..2026-01-01 ×9 9.00 = 9.00'])
    expect(result.orderUpdates[0]).toMatchObject({
      billedUntil: '2026-01-01',
      billedMetric: money(9),
    })
  })

  it('recharges the past period and renews the next one in the same run', () => {
    const rows = [row('2024-01-01', '9', '2024-06-30'), row('2024-07-01', '12', '2024-12-31')]
    const result = bill({ service: disk, order: billedYear, rows, today: '2025-01-01' })
    expect(result.lines.map(text)).toEqual([
      '2024-07-01..2025-01-01 ×12 6.00 PREPAY -4.50 = 1.50',
      '2025-01-01..2026-01-01 ×12 12.00 = 12.00',
    ])
    expect(result.orderUpdates[0]).toMatchObject({
      billedUntil: '2026-01-01',
      billedMetric: money(12),
    })
  })

  it('bills a first period value by value, from the registration, exact by day', () => {
    const rows = [row('2024-03-15', '2'), row('2024-05-01', '4')]
    const fresh = order({ registeredOn: '2024-03-15' })
    const result = bill({ service: disk, order: fresh, rows, today: '2024-05-01' })
    // 15 March to 1 May: 1 month and 16 days of April (2 × (1/12 + 16/366) = 0.254...);
    // 1 May to 1 January: 8 months.
    expect(result.lines.map(text)).toEqual([
      '2024-03-15..2024-05-01 ×2 0.25 = 0.25',
      '2024-05-01..2025-01-01 ×4 2.67 = 2.67',
    ])
  })

  it('bills nothing more for an order billed up to its cancellation', () => {
    const rows = [row('2024-01-01', '9')]
    const cancelled = order({ ...billedYear, cancelledOn: '2024-06-01', billedMetric: money(9) })
    const nothing = service({ onCancel: 'NOTHING' })
    expect(bill({ service: nothing, order: cancelled, rows, today: '2025-01-01' }).lines).toEqual(
      [],
    )
  })

  it('bills the time before a later cancellation, to the cut when the policy shortens it', () => {
    const rows = [row('2024-01-01', '9')]
    const cancelled = order({ ...billedYear, cancelledOn: '2025-03-01' })
    const result = bill({ service: disk, order: cancelled, rows, today: '2025-01-01' })
    expect(result.lines.map(text)).toEqual(['2025-01-01..2025-03-01 ×9 1.50 = 1.50'])
  })

  it('prices a value through the rate table, the difference as a plan discount', () => {
    const plan = { id: 1, isCombinable: true }
    const rates: RateRow[] = [
      { plan, quantity: 1, price: money(0), contracts: 1 },
      { plan, quantity: 2, price: money('1.00'), contracts: 1 },
    ]
    const rows = [row('2024-01-01', '9')]
    const result = bill({ service: disk, order: order(), rows, today: '2024-01-01', rates })
    expect(result.lines.map(text)).toEqual(['2024-01-01..2025-01-01 ×9 9.00 PLAN -1.00 = 8.00'])
  })
})

describe('billMetricOrders: prepaid traffic pack per month (spec 6.8)', () => {
  const pack = service({ description: 'Traffic pack', pricingPeriod: 'MONTHLY' })

  it("charges today's value for every month of the year, the first month from the start", () => {
    const rows = [row('2024-01-15', '2')]
    const fresh = order({ registeredOn: '2024-01-15' })
    const result = bill({ service: pack, order: fresh, rows, today: '2024-01-15' })
    expect(result.lines).toHaveLength(12)
    expect(text(result.lines[0]!)).toBe('2024-01-15..2024-02-01 ×2 1.10 = 1.10')
    expect(text(result.lines[11]!)).toBe('2024-12-01..2025-01-01 ×2 2.00 = 2.00')
    expect(cents(result.lines.reduce((total, each) => total.plus(lineTotal(each)), money(0)))).toBe(
      '23.10',
    )
  })

  it('bills nothing and leaves the order untouched for a value of 0', () => {
    const result = bill({ service: pack, order: order(), rows: [], today: '2024-01-01' })
    expect(result).toEqual({ lines: [], orderUpdates: [] })
  })
})

describe('billMetricOrders: one-time metric (spec 6.8 step 4, 12.8)', () => {
  const work = service({
    description: 'Hours of work',
    billingPeriod: '',
    nominalPrice: money('30.00'),
  })
  const rows = [row('2024-03-01', '3'), row('2024-05-02', '5')]

  it('bills once, on the value in force when billed', () => {
    const result = bill({ service: work, order: order(), rows, today: '2024-05-01' })
    expect(result.lines.map(text)).toEqual(['2024-05-01.. ×3 90.00 = 90.00'])
    expect(result.orderUpdates[0]).toMatchObject({
      billedUntil: '2024-05-01',
      billedMetric: money(3),
    })
    const again = bill({
      service: work,
      order: committed(order(), result),
      rows,
      today: '2024-06-01',
    })
    expect(again.lines).toEqual([])
  })

  it('emits no line and does not mark the order billed for a value of 0', () => {
    const result = bill({
      service: work,
      order: order(),
      rows: [row('2024-03-01', '0')],
      today: '2024-05-01',
    })
    expect(result).toEqual({ lines: [], orderUpdates: [] })
  })
})

describe('metricMode (spec 6.6)', () => {
  it('names the service whose combination is not supported', () => {
    const unsupported = [
      service({ billingPeriod: '', pricingPeriod: 'MONTHLY' }),
      service({ pricingPeriod: 'BILLING_PERIOD', paymentStyle: 'PREPAY' }),
      service({ pricingPeriod: 'MONTHLY', paymentStyle: 'POSTPAY' }),
    ]
    for (const each of unsupported) {
      expect(() => metricMode(each)).toThrow(UnsupportedMetricPricingError)
      expect(() => metricMode(each)).toThrow('Service "Mailbox disk" cannot be billed')
    }
  })

  it('throws from a run over such a service', () => {
    const broken = service({ pricingPeriod: 'BILLING_PERIOD' })
    expect(() => bill({ service: broken, order: order(), rows: [], today: '2024-01-01' })).toThrow(
      UnsupportedMetricPricingError,
    )
  })

  it('chooses the mode of each supported combination', () => {
    expect(metricMode(service())).toBe('value-changes')
    expect(metricMode(service({ pricingPeriod: 'BILLING_PERIOD', paymentStyle: 'POSTPAY' }))).toBe(
      'slot-values',
    )
    expect(metricMode(service({ pricingPeriod: 'MONTHLY' }))).toBe('prepaid-slots')
    expect(metricMode(service({ billingPeriod: '', pricingPeriod: 'BILLING_PERIOD' }))).toBe(
      'last-value',
    )
  })
})
