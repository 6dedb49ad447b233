import { buildLine } from './lines'
import { changes, valueAt, valueInSlot } from './metric-storage'
import { rechargeLines, type MetricContext } from './metric-engine-recharge'
import { ZERO, type Money } from './money'
import {
  addDays,
  billingPoint,
  compareDates,
  effectivePricingPeriod,
  maxDate,
  minDate,
  pricingSlots,
  size,
  sizeAnchor,
} from './periods'
import { rateSteps, totalPrice } from './rating'
import type {
  BilledOrder,
  BilledService,
  Discount,
  GroupInput,
  GroupResult,
  IsoDate,
  PendingLine,
} from './types'

/**
 * Billing of orders with a metric (spec: billing 6.8): the quantity comes from the order's
 * stored metric history rather than from counting orders.
 */

/** A service whose metric and periods ask for pricing the engine does not do (spec 6.6). */
export class UnsupportedMetricPricingError extends Error {
  readonly serviceId: number

  constructor(service: BilledService, combination: string) {
    super(`Service "${service.description}" cannot be billed: ${combination} is not supported`)
    this.name = 'UnsupportedMetricPricingError'
    this.serviceId = service.id
  }
}

/**
 * - value-changes: each value over the billed time, at its own size (mailbox disk);
 * - slot-values: postpaid, each pricing slot at its last value (monthly traffic);
 * - prepaid-slots: prepaid, today's value for every slot of the period (a traffic pack);
 * - last-value: one-time, the value in force when billed (one-off work).
 */
export type MetricMode = 'value-changes' | 'slot-values' | 'prepaid-slots' | 'last-value'

/** The mode of a metric service; the service form can call it to refuse what cannot be billed. */
export function metricMode(service: BilledService): MetricMode {
  const pricing = effectivePricingPeriod(service)
  const prepay = service.paymentStyle === 'PREPAY'
  if (service.billingPeriod === '') {
    if (pricing !== '')
      throw new UnsupportedMetricPricingError(service, 'a one-time metric priced per period')
    return 'last-value'
  }
  if (pricing === '') return 'value-changes'
  if (pricing === service.billingPeriod) {
    if (prepay)
      throw new UnsupportedMetricPricingError(service, 'a prepaid metric priced per billing period')
    return 'slot-values'
  }
  if (!prepay) {
    throw new UnsupportedMetricPricingError(service, 'a postpaid metric priced per another period')
  }
  return 'prepaid-slots'
}

export function billMetricOrders(group: GroupInput): GroupResult {
  const mode = metricMode(group.service)
  const { service, rates, options } = group
  const priceOf = (value: Money): Money =>
    totalPrice(rateSteps(rates, value, service.nominalPrice, service.rateAlgorithm), value)

  const result: GroupResult = { lines: [], orderUpdates: [] }
  for (const order of group.orders) {
    const context: MetricContext = {
      service,
      order,
      rows: group.metrics.get(order.id) ?? [],
      options,
      priceOf,
    }
    const billed = billOrder(context, mode)
    // An order is marked billed only when it produced a line (spec 13: not for a value of 0).
    if (billed.lines.length === 0) continue
    result.lines.push(...billed.lines)
    result.orderUpdates.push({
      orderId: order.id,
      billedOn: options.today,
      billedUntil: billed.billedUntil ?? order.billedUntil,
      billedMetric: billed.metric,
    })
  }
  return result
}

interface OrderBilling {
  lines: PendingLine[]
  /** Null when the run did not move the billed period (a recharge alone). */
  billedUntil: IsoDate | null
  /** The last value used. */
  metric: Money | null
}

function billOrder(context: MetricContext, mode: MetricMode): OrderBilling {
  const { service, order, options } = context
  const bp = billingPoint(service, order, options)
  const billing: OrderBilling = { lines: [], billedUntil: null, metric: null }

  if (mode === 'value-changes' && service.paymentStyle === 'PREPAY') {
    const recharge = rechargeLines(context, bp)
    billing.lines.push(...recharge.lines)
    if (recharge.lines.length > 0) billing.metric = recharge.metric
  }

  // Billed up to its cancellation: nothing more, whatever the cancel policy. The spec's step
  // reads cancelled_on ≥ billed_until, which would leave the time before a later cancellation
  // unbilled; a cancelled order billed past its end is what has nothing left.
  const { cancelledOn, billedUntil } = order
  if (cancelledOn && billedUntil && compareDates(cancelledOn, billedUntil) <= 0) return billing

  const renewal = mode === 'last-value' ? lastValue(context) : periodic(context, mode, bp)
  if (renewal.lines.length > 0) {
    billing.lines.push(...renewal.lines)
    billing.billedUntil = renewal.billedUntil
    billing.metric = renewal.metric
  }
  return billing
}

function periodic(context: MetricContext, mode: MetricMode, bp: IsoDate): OrderBilling {
  const { order } = context
  const start = order.billedUntil ?? order.registeredOn
  if (compareDates(bp, start) <= 0) return { lines: [], billedUntil: null, metric: null }
  if (mode === 'value-changes') return valueChanges(context, start, bp)
  if (mode === 'slot-values') return slotValues(context, start, bp)
  return prepaidSlots(context, start, bp)
}

function line(
  context: MetricContext,
  ini: IsoDate,
  end: IsoDate | null,
  metric: Money,
  extraDiscounts: Discount[] = [],
): PendingLine {
  const { service, order, priceOf } = context
  const anchor = sizeAnchor(service, order)
  const lineSize = end === null ? size(service, ini, ini) : size(service, ini, end, anchor)
  const price = priceOf(metric)
  return buildLine({
    order,
    service,
    ini,
    end,
    size: lineSize,
    metric,
    price,
    computed: false,
    extraDiscounts,
  })
}

/**
 * Each value in force over [start, bp), clipped to that window: a renewal bills only its own
 * period (the original started an unchanged window at the row's creation, so a 9 GB disk
 * renewed on 1 January paid two years).
 */
function valueChanges(context: MetricContext, start: IsoDate, bp: IsoDate): OrderBilling {
  const segments = changes(context.rows, start, bp)
  const lines = segments
    .filter((segment) => segment.value.greaterThan(0))
    .map((segment) => line(context, segment.ini, segment.end, segment.value))
  return { lines, billedUntil: bp, metric: segments.at(-1)?.value ?? null }
}

/**
 * Postpaid slots, each at its last value; a slot with no value has no line. A slot that a
 * previous run billed in part (its billing point fell inside it) is billed again at its whole
 * value, less what that run charged for it at the value it used: the same consumption is
 * never billed twice.
 */
function slotValues(context: MetricContext, start: IsoDate, bp: IsoDate): OrderBilling {
  const { service, order, rows, priceOf } = context
  const lines: PendingLine[] = []
  let metric: Money = ZERO
  for (const slot of pricingSlots(service, start, bp, order.registeredOn)) {
    metric = valueInSlot(rows, slot.ini, slot.end)
    const partlyBilled = order.billedUntil !== null && compareDates(slot.ini, start) < 0
    const billedBefore = partlyBilled ? (order.billedMetric ?? ZERO) : ZERO
    if (!metric.greaterThan(billedBefore)) continue
    const before = priceOf(billedBefore)
      .times(size(service, slot.ini, slot.end))
      .negated()
    const discounts: Discount[] = billedBefore.isZero() ? [] : [{ type: 'PREPAY', amount: before }]
    lines.push(line(context, slot.ini, slot.end, metric, discounts))
  }
  return { lines, billedUntil: bp, metric }
}

/**
 * A prepaid pack: today's value for every pricing slot of [start, bp), each slot clipped to
 * that window (the spec's whole calendar slots would charge again the time before `start`).
 *
 * TODO(#7): a MONTHLY service priced per ANUAL slot sizes each month in months, so an annual
 * rated price counts per month; the spec defines no size for it and no service uses it yet.
 */
function prepaidSlots(context: MetricContext, start: IsoDate, bp: IsoDate): OrderBilling {
  const { service, order, rows, options } = context
  const value = valueAt(rows, options.today)
  if (!value.greaterThan(0)) return { lines: [], billedUntil: null, metric: null }
  const lines = pricingSlots(service, start, bp, order.registeredOn).map((slot) =>
    line(context, maxDate(slot.ini, start), minDate(slot.end, bp), value),
  )
  return { lines, billedUntil: bp, metric: value }
}

/** One-time: billed once, on the value in force today; a value of 0 bills nothing. */
function lastValue(context: MetricContext): OrderBilling {
  const { order, rows, options } = context
  if (order.billedUntil !== null) return { lines: [], billedUntil: null, metric: null }
  const value = valueAt(rows, options.today)
  if (!value.greaterThan(0)) return { lines: [], billedUntil: null, metric: null }
  return {
    lines: [line(context, options.today, null, value)],
    billedUntil: options.today,
    metric: value,
  }
}

// --- What a later billing reads (for the metric cleanup, spec 4.3) ----------------------------

/** An order's billing state: its present one, or one undoing an open bill's line restores. */
export type BillingState = Pick<BilledOrder, 'billedOn' | 'billedUntil'>

/**
 * The earliest date a later billing from any of `states` reads the metric at or after: a
 * recharge reads from billedOn, a renewal from billedUntil (registration if never billed), and a
 * pricing slot from the start of the slot holding that date. Prepaid slots and one-time orders
 * read the value of the billing day, later than all of these.
 */
export function metricReadsFrom(
  service: BilledService,
  registeredOn: IsoDate,
  states: readonly BillingState[],
): IsoDate {
  const dates = states.map((state) => {
    const start = state.billedUntil ?? registeredOn
    const slot = pricingSlots(service, start, addDays(start, 1), registeredOn)[0]?.ini ?? start
    return state.billedOn === null ? slot : minDate(slot, state.billedOn)
  })
  return dates.length ? dates.reduce((a, b) => minDate(a, b)) : registeredOn
}
