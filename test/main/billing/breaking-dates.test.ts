import { describe, expect, it } from 'vitest'
import { billOrders, type BillingRun } from '../../../src-main/billing/engine'
import { addDays, clampedDate, compareDates } from '../../../src-main/billing/periods'
import type {
  BilledOrder,
  BilledService,
  BillingPeriod,
  BillingPointKind,
  PaymentStyle,
  PendingLine,
} from '../../../src-main/billing/types'
import { commit, order, service } from './counting-fixtures'

/**
 * Every day of 2024-2029 as a registration, cancellation and run date (spec 6.2, 6.3, 6.7),
 * for each billing period, billing point and payment style. Runs come at uneven, late dates
 * (a deterministic sequence, so a failure repeats), and each run is committed before the next.
 */

const FIRST_DAY = '2024-01-01'
const DAYS = 2192 // 2024-01-01 to 2029-12-31

interface Config {
  billingPeriod: Exclude<BillingPeriod, ''>
  billingPoint: BillingPointKind
  paymentStyle: PaymentStyle
}

const CONFIGS: Config[] = (['MONTHLY', 'ANUAL'] as const).flatMap((billingPeriod) =>
  (['ON_REGISTER', 'ON_FIXED_DATE'] as const).flatMap((billingPoint) =>
    (['PREPAY', 'POSTPAY'] as const).map((paymentStyle) => ({
      billingPeriod,
      billingPoint,
      paymentStyle,
    })),
  ),
)

const name = (c: Config) => `${c.billingPeriod} ${c.billingPoint} ${c.paymentStyle}`

/** A small linear congruential sequence: uneven gaps between runs, the same on every run. */
function gaps(seed: number, max: number): () => number {
  let state = seed * 7919 + 13
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648
    return 1 + (state % max)
  }
}

/** The grid of period ends an order's billed_until must stay on. */
function onGrid(s: BilledService, registeredOn: string, date: string): boolean {
  const [, month] = date.split('-').map(Number) as [number, number, number]
  const year = Number(date.slice(0, 4))
  const [, regMonth, regDay] = registeredOn.split('-').map(Number) as [number, number, number]
  const anchorDay = s.billingPoint === 'ON_REGISTER' ? regDay : 1
  if (s.billingPeriod === 'MONTHLY') return date === clampedDate(year, month, anchorDay)
  const anchorMonth = s.billingPoint === 'ON_REGISTER' ? regMonth : s.annualBillingMonth
  return date === clampedDate(year, anchorMonth, anchorDay)
}

interface History {
  lines: PendingLine[]
  final: BilledOrder
}

/** Runs billing on one order at each date in turn, committing every run. */
function simulate(s: BilledService, start: BilledOrder, runDates: string[]): History {
  let current = start
  const lines: PendingLine[] = []
  for (const date of runDates) {
    const run: BillingRun = {
      orders: [current],
      services: new Map([[s.id, s]]),
      accountOrders: [current],
      ratesFor: () => [],
      metrics: new Map(),
      options: { billingPoint: date, fixedPoint: false, today: date },
    }
    const result = billOrders(run)
    lines.push(...result.lines)
    current = commit([current], result.orderUpdates)[0]!
  }
  return { lines, final: current }
}

function runDates(registeredOn: string, seed: number, s: BilledService): string[] {
  const next = gaps(seed, s.billingPeriod === 'MONTHLY' ? 75 : 500)
  const dates: string[] = []
  for (
    let date = addDays(registeredOn, next() - 20);
    dates.length < 6;
    date = addDays(date, next())
  ) {
    dates.push(date)
  }
  return dates
}

describe('billing every day of 2024-2029 in successive late runs (spec 6.2, 6.3, 6.7)', () => {
  for (const config of CONFIGS) {
    it(`bills ${name(config)} contiguously, forward, on the anchor's grid`, () => {
      const s = service({ ...config, onCancel: 'NOTHING', annualBillingMonth: 3 })
      let count = 0
      for (let n = 0; n < DAYS; n++) {
        const registeredOn = addDays(FIRST_DAY, n)
        const { lines, final } = simulate(
          s,
          order(1, { registeredOn }),
          runDates(registeredOn, n, s),
        )

        let until = registeredOn
        for (const line of lines) {
          // Each run starts where the last stopped: no day billed twice, none skipped.
          expect(line.ini, `${registeredOn}: ${line.ini}`).toBe(until)
          expect(compareDates(line.end!, line.ini), `${registeredOn}`).toBeGreaterThan(0)
          expect(onGrid(s, registeredOn, line.end!), `${registeredOn} -> ${line.end}`).toBe(true)
          // After the first period, every line is a whole number of periods: nothing drifts.
          if (line.ini !== registeredOn) expect(line.size.isInteger(), line.ini).toBe(true)
          until = line.end!
        }
        expect(final.billedUntil ?? registeredOn).toBe(until)
        count += lines.length
      }
      expect(count).toBeGreaterThan(DAYS * 2)
    })
  }
})

describe('billing every day of 2024-2029 cancelled at any day (spec 6.2, 6.7)', () => {
  for (const config of CONFIGS) {
    it(`stops ${name(config)} at the cancellation, or refunds back to it`, () => {
      // Postpaid time is billed once used, so it has nothing to refund: it stops there.
      const prepay = config.paymentStyle === 'PREPAY'
      const onCancel = prepay ? 'REFUND' : 'DISCOUNT'
      const s = service({ ...config, onCancel, annualBillingMonth: 3 })
      const period = config.billingPeriod === 'MONTHLY' ? 2 : 14
      let refunds = 0
      for (let n = 0; n < DAYS; n += 1) {
        const registeredOn = addDays(FIRST_DAY, n)
        const cancelledOn = addDays(registeredOn, (n * 37) % (period * 31))
        const dates = runDates(registeredOn, n, s)
        // Billed first, then cancelled (maybe before a later run), then billed on.
        const first = simulate(s, order(1, { registeredOn }), dates.slice(0, 2)).final
        const { lines, final } = simulate(s, { ...first, cancelledOn }, dates.slice(2))

        const billedPast = prepay && first.billedUntil !== null && first.billedUntil > cancelledOn
        expect(lines.filter((line) => line.refund)).toHaveLength(billedPast ? 1 : 0)
        for (const line of lines) {
          if (line.refund) {
            refunds += 1
            expect(line.ini).toBe(cancelledOn)
            expect(line.end).toBe(first.billedUntil)
            expect(line.subtotal.isNegative() || line.subtotal.isZero()).toBe(true)
          } else {
            expect(compareDates(line.end!, cancelledOn)).toBeLessThanOrEqual(0)
          }
        }
        // Postpaid time billed before a backdated cancellation was used: it stays billed.
        const usedPast = !prepay && first.billedUntil !== null && first.billedUntil > cancelledOn
        const billed = usedPast ? first.billedUntil : final.billedUntil
        if (usedPast) expect(final.billedUntil).toBe(first.billedUntil)
        else if (billed !== null)
          expect(compareDates(billed, cancelledOn), registeredOn).toBeLessThanOrEqual(0)
      }
      expect(refunds).toBeGreaterThan(prepay ? DAYS / 4 : -1)
    })
  }
})
