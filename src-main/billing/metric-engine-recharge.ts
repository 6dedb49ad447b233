import { buildLine } from './lines'
import { changes, valueAt } from './metric-storage'
import { maxMoney, minMoney, round2, sum, ZERO, type Money } from './money'
import { compareDates, minDate, size, sizeAnchor } from './periods'
import type {
  BillingOptions,
  BilledOrder,
  BilledService,
  IsoDate,
  MetricRow,
  PendingLine,
} from './types'

/** What pricing one metric order needs. */
export interface MetricContext {
  service: BilledService
  order: BilledOrder
  rows: readonly MetricRow[]
  options: BillingOptions
  /** The rated total for a value over one whole period. */
  priceOf: (value: Money) => Money
}

export interface Recharge {
  lines: PendingLine[]
  /** The value at the end of the recharged window, the new billed metric. */
  metric: Money
}

/**
 * A prepaid order whose value rose after it was billed pays the rise (spec 6.8 step 1): over
 * the already billed window [billedOn, min(bp, billedUntil)) what was prepaid at the billed
 * metric pays each value segment in turn; once it runs out, the segments left are charged, each
 * less the part the prepayment still covered. A fall is never refunded, and the prepayment a
 * fall leaves over goes towards later rises.
 *
 * The new billed metric is returned and committed with billedOn = today, so running again the
 * same day finds nothing to recharge (the original kept the old metric and charged it again).
 *
 * The prepayment is measured on the segments' own sizes rather than the window's: sizes are
 * exact by day but whole months count from each start, so the two can differ by a fraction of
 * a day, and an unchanged value must never owe anything. A shortfall under half a cent is none.
 */
export function rechargeLines(context: MetricContext, bp: IsoDate): Recharge {
  const { service, order, rows, priceOf } = context
  const none: Recharge = { lines: [], metric: ZERO }
  if (order.billedOn === null || order.billedUntil === null) return none
  const end = minDate(bp, order.billedUntil)
  if (compareDates(order.billedOn, end) >= 0) return none

  const segments = changes(rows, order.billedOn, end)
  const anchor = sizeAnchor(service, order)
  const sizes = segments.map((segment) => size(service, segment.ini, segment.end, anchor))
  const billedPrice = priceOf(order.billedMetric ?? valueAt(rows, order.billedOn))
  let prepaid = sum(sizes.map((each) => billedPrice.times(each)))

  const charged = segments.map((segment, index) => {
    const price = priceOf(segment.value).times(sizes[index]!)
    const covered = minMoney(price, maxMoney(prepaid, ZERO))
    prepaid = prepaid.minus(price)
    return { segment, size: sizes[index]!, price, covered }
  })
  if (!round2(prepaid).lessThan(0)) return none

  const lines = charged
    .filter(({ price, covered }) => round2(price.minus(covered)).greaterThan(0))
    .map(({ segment, size: segmentSize, price, covered }) =>
      buildLine({
        order,
        service,
        ini: segment.ini,
        end: segment.end,
        size: segmentSize,
        metric: segment.value,
        price,
        computed: true,
        extraDiscounts: [{ type: 'PREPAY', amount: covered.negated() }],
      }),
    )
  return { lines, metric: segments.at(-1)?.value ?? ZERO }
}
