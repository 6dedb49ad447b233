import { assignCompensations, selectGivers, type CompensationResult } from './compensation'
import { withGivers } from './compensation-givers'
import {
  comparePricingOrders,
  priceCandidates,
  type Candidate,
  type CandidatePrice,
} from './counting-pricing'
import { buildLine } from './lines'
import { maxMoney, minMoney, ONE, round2, ZERO, type Money } from './money'
import { billingPoint, maxDate, minDate, size, sizeAnchor } from './periods'
import type {
  BilledCharge,
  BilledOrder,
  BilledService,
  CompensationGiver,
  GroupInput,
  GroupResult,
  OrderUpdate,
  PendingLine,
} from './types'

/**
 * The billing of orders without a metric (spec: billing 6.7): each order is one unit billed
 * from where it was billed until (or its registration) to its billing point, priced by the
 * group's mode, less the prepaid time of cancelled orders it receives (COMPENSATE).
 *
 * Cancelled prepaid time under on_cancel REFUND is given back as a negative line (a product
 * addition: the original declared REFUND and never refunded).
 */
export function billCountedOrders(group: GroupInput): GroupResult {
  const candidates = selectCandidates(group)
  const compensations = compensate(group, candidates)
  const prices =
    candidates.length > 0
      ? priceCandidates(asPriced(group, compensations), candidates)
      : new Map<number, CandidatePrice>()

  const lines: PendingLine[] = []
  const orderUpdates: OrderUpdate[] = []
  const byId = new Map(candidates.map((candidate) => [candidate.order.id, candidate]))
  const givers = giversOf(group, compensations)
  for (const order of group.orders) {
    const candidate = byId.get(order.id)
    const price = candidate && prices.get(order.id)
    const billed =
      candidate && price ? countedLine(group, candidate, price, givers) : refund(group, order)
    if (!billed) continue
    lines.push(billed.line)
    orderUpdates.push(billed.update)
  }

  for (const giver of group.accountOrders) {
    const billedUntil = compensations.giverBilledUntil.get(giver.id)
    if (!billedUntil) continue
    // The giver has no line: only its paid time shrinks to where the handed-over part starts.
    const billedOn = giver.billedOn ?? group.options.today
    orderUpdates.push({
      orderId: giver.id,
      billedOn,
      billedUntil,
      billedMetric: giver.billedMetric,
    })
  }
  return { lines, orderUpdates }
}

/**
 * Which orders have something to bill (spec 6.7 selection), with the billing point computed per
 * order: the original reused the first order's point for fixed dates, so an active order billed
 * after a cancelled one was cut at the other's cancellation date.
 */
function selectCandidates(group: GroupInput): Candidate[] {
  const { service, options } = group
  const periodic = service.billingPeriod !== ''
  return group.orders.flatMap((order): Candidate[] => {
    const { cancelledOn, billedUntil } = order
    const billedPastEnd = cancelledOn !== null && billedUntil !== null && billedUntil > cancelledOn
    if (billedPastEnd && service.onCancel !== 'REFUND') return []

    const point = billingPoint(service, order, options)
    const start = billedUntil ?? order.registeredOn
    if (billedUntil !== null && billedUntil >= point) return []
    // A periodic order registered after the point has nothing to bill yet.
    if (periodic && start >= point) return []
    return [{ order, start, newBilledUntil: point }]
  })
}

/** Prepaid COMPENSATE services hand cancelled orders' time to the orders billed now (6.9). */
function compensate(group: GroupInput, candidates: Candidate[]): CompensationResult {
  const { service } = group
  const none: CompensationResult = { receivers: new Map(), giverBilledUntil: new Map() }
  if (service.paymentStyle !== 'PREPAY' || service.onCancel !== 'COMPENSATE') return none
  if (candidates.length === 0) return none

  const ini = candidates.map((candidate) => candidate.start).reduce(minDate)
  const end = candidates.map((candidate) => candidate.newBilledUntil).reduce(maxDate)
  const accountOrders = group.accountOrders.filter((order) => !order.ignore)
  const receivers = [...candidates].sort((a, b) => comparePricingOrders(a.order, b.order))
  const result = assignCompensations(selectGivers(accountOrders, ini, end), receivers)
  for (const candidate of candidates) {
    candidate.compensation = result.receivers.get(candidate.order.id)
  }
  return result
}

/** Each giver's billed_until before the run and after it, remembered on its receivers' lines. */
function giversOf(group: GroupInput, compensations: CompensationResult) {
  const givers = new Map<number, CompensationGiver>()
  for (const order of group.accountOrders) {
    const leftUntil = compensations.giverBilledUntil.get(order.id)
    if (!leftUntil || !order.billedUntil) continue
    givers.set(order.id, { orderId: order.id, billedUntil: order.billedUntil, leftUntil })
  }
  return givers
}

/**
 * The group as pricing sees it: a giver holds a rate position only until the time it handed
 * over (the original saved the givers before pricing), and a REFUND order only until its
 * cancellation, as that time is given back. Otherwise a replaced order and its replacement
 * would both count over the same days.
 */
function asPriced(group: GroupInput, compensations: CompensationResult): GroupInput {
  const accountOrders = group.accountOrders.map((order) => {
    const given = compensations.giverBilledUntil.get(order.id)
    if (given) return { ...order, billedUntil: given }
    return refundable(group.service, order) ? { ...order, billedUntil: order.cancelledOn } : order
  })
  return { ...group, accountOrders }
}

interface Billed {
  line: PendingLine
  update: OrderUpdate
}

function countedLine(
  group: GroupInput,
  candidate: Candidate,
  price: CandidatePrice,
  givers: ReadonlyMap<number, CompensationGiver>,
): Billed {
  const { service, options } = group
  const { order, start } = candidate
  const periodic = service.billingPeriod !== ''
  const priced = buildLine({
    order,
    service,
    ini: start,
    end: periodic ? price.end : null,
    size: size(service, start, price.end, sizeAnchor(service, order)),
    metric: ONE,
    price: price.price,
    computed: price.computed,
    extraDiscounts: [{ type: 'COMPENSATION', amount: price.compensation.negated() }],
  })
  const within = { ini: start, end: price.end }
  const pieces = candidate.compensation?.pieces ?? []
  const line = pieces.length
    ? { ...priced, discounts: withGivers(priced.discounts, pieces, within, givers) }
    : priced
  const update = {
    orderId: order.id,
    billedOn: options.today,
    billedUntil: price.end,
    billedMetric: order.billedMetric,
  }
  return { line, update }
}

/**
 * A REFUND order cancelled before the end of its paid time gets that time back: one negative
 * line for [cancelled_on, billed_until), then billed_until = cancelled_on. 10.00 paid for 2024
 * and cancelled on 1 July gives back July to December, six whole months: size 0.5, −5.00.
 *
 * The refund is at the unit price the order's latest line was billed at (the spec's "as
 * originally billed": a price raised since would give back more than was paid), in the
 * proportion that line was charged after its plan discount: an order that was free gets
 * nothing back, one at half price half. Without a known latest line it is the nominal price.
 */
function refund(group: GroupInput, order: BilledOrder): Billed | null {
  const { options } = group
  const { cancelledOn, billedUntil } = order
  if (!refundable(group.service, order) || !cancelledOn || !billedUntil) return null

  const charge = group.lastCharges?.get(order.id)
  const service = { ...group.service, nominalPrice: charge?.rate ?? group.service.nominalPrice }
  const lineSize = size(service, cancelledOn, billedUntil, sizeAnchor(service, order))
  const given = buildLine({
    order,
    service,
    ini: cancelledOn,
    end: billedUntil,
    size: lineSize,
    metric: ONE,
    price: service.nominalPrice,
    computed: false,
    refund: true,
  })
  const share = chargedShare(charge)
  const subtotal = round2(service.nominalPrice.times(lineSize).times(share)).negated()
  const update = {
    orderId: order.id,
    billedOn: options.today,
    billedUntil: cancelledOn,
    billedMetric: order.billedMetric,
  }
  return { line: { ...given, subtotal }, update }
}

/** A REFUND order of a periodic service cancelled before the end of its paid time. */
function refundable(service: BilledService, order: BilledOrder): boolean {
  const { cancelledOn, billedUntil } = order
  if (service.onCancel !== 'REFUND' || service.billingPeriod === '') return false
  return cancelledOn !== null && billedUntil !== null && cancelledOn < billedUntil
}

/**
 * The part of the nominal price a line charged in the end, from none to all of it:
 * (subtotal + plan discount + credit notes) / subtotal. A line a credit note gave back whole
 * has nothing left to refund; without that, a customer got the same money back twice.
 */
function chargedShare(charge: BilledCharge | undefined): Money {
  if (!charge || charge.subtotal.isZero()) return ONE
  const charged = charge.subtotal.plus(charge.planDiscount).plus(charge.credited ?? ZERO)
  return maxMoney(ZERO, minMoney(ONE, charged.dividedBy(charge.subtotal)))
}
