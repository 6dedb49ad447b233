import { intersect, type Interval, type ReceiverCompensation } from './compensation'
import { countEvents, eventDates } from './counting-events'
import { money, sum, type Money } from './money'
import { effectivePricingPeriod, maxDate, minDate, minusPeriod, size, sizeAnchor } from './periods'
import { rateSteps, unitPriceAt } from './rating'
import type { BilledOrder, BilledService, GroupInput, IsoDate, RateStep } from './types'

/**
 * Pricing of orders without a metric (spec: billing 6.6 and 6.7): each order is one unit, and
 * its unit price depends on its place among the account's orders of the service.
 */

/** An order this run bills, from `start` to `newBilledUntil`. */
export interface Candidate {
  order: BilledOrder
  start: IsoDate
  newBilledUntil: IsoDate
  compensation?: ReceiverCompensation
}

export interface CandidatePrice {
  /** Where the line ends: newBilledUntil, or later when a compensation extends it. */
  end: IsoDate
  /** A unit price for the line's size, or the line's whole price when `computed`. */
  price: Money
  computed: boolean
  /** What the compensation pieces are worth, zero or positive; given as a discount. */
  compensation: Money
}

export type CountingMode = 'CONCURRENT' | 'REGISTER_OR_RENEW' | 'NOMINAL'

export function countingMode(group: Pick<GroupInput, 'service' | 'rates'>): CountingMode {
  const pricingPeriod = effectivePricingPeriod(group.service)
  const periodic = group.service.billingPeriod !== ''
  if (group.rates.length === 0 || (!periodic && pricingPeriod === '')) return 'NOMINAL'
  return pricingPeriod === '' ? 'CONCURRENT' : 'REGISTER_OR_RENEW'
}

/**
 * The order in which the account's orders take rate positions: billed orders first, the one
 * paid furthest ahead first; then unbilled ones by registration; ties by id. The original's
 * comparison also let a billed order follow an unbilled one registered after its billed_until,
 * which is not a consistent order; the two only differ for orders never alive at the same time.
 */
export function comparePricingOrders(a: BilledOrder, b: BilledOrder): number {
  if (a.billedUntil !== b.billedUntil) {
    if (a.billedUntil === null) return 1
    if (b.billedUntil === null) return -1
    return a.billedUntil > b.billedUntil ? -1 : 1
  }
  if (a.registeredOn !== b.registeredOn) return a.registeredOn < b.registeredOn ? -1 : 1
  return a.id - b.id
}

/**
 * The size of [ini, end) measured from `origin`, the start of the order's line. Sizes count
 * whole months from their own start, so they add up only along one start's grid: parts of one
 * line measured this way add up exactly to the line's size, whatever the cuts.
 */
export function span(
  service: BilledService,
  origin: IsoDate,
  ini: IsoDate,
  end: IsoDate,
  anchor?: IsoDate,
): Money {
  return size(service, origin, end, anchor).minus(size(service, origin, ini, anchor))
}

function unitPricer(group: GroupInput): (position: number, count: number) => Money {
  const { service, rates } = group
  const stepsByCount = new Map<number, RateStep[]>()
  return (position, count) => {
    let steps = stepsByCount.get(count)
    if (!steps) {
      steps = rateSteps(rates, money(count), service.nominalPrice, service.rateAlgorithm)
      stepsByCount.set(count, steps)
    }
    return unitPriceAt(steps, position)
  }
}

interface PricingOrder {
  order: BilledOrder
  /** The end of its paid time once this run is committed. */
  until: IsoDate
  candidate?: Candidate
}

/**
 * The orders billed now and the account's other orders paid past `ini` and registered before
 * `end`, in pricing order. Ignored orders (trials, staff) hold no position unless billed now.
 */
function pricingOrders(
  group: GroupInput,
  candidates: Candidate[],
  ini: IsoDate,
  end: IsoDate,
): PricingOrder[] {
  const billed = new Map(candidates.map((candidate) => [candidate.order.id, candidate]))
  const others = group.accountOrders.flatMap((order): PricingOrder[] =>
    !billed.has(order.id) &&
    !order.ignore &&
    order.billedUntil !== null &&
    order.billedUntil > ini &&
    order.registeredOn < end
      ? [{ order, until: order.billedUntil }]
      : [],
  )
  const current = candidates.map((candidate) => ({
    order: candidate.order,
    until: candidate.newBilledUntil,
    candidate,
  }))
  return [...current, ...others].sort((a, b) => comparePricingOrders(a.order, b.order))
}

function compensationValue(
  service: BilledService,
  candidate: Candidate,
  within: Interval,
  unit: Money,
): Money {
  const parts = (candidate.compensation?.pieces ?? []).flatMap((piece) => {
    const part = intersect(piece, within)
    const anchor = sizeAnchor(service, candidate.order)
    return part ? [span(service, candidate.start, part.ini, part.end, anchor)] : []
  })
  return sum(parts).times(unit)
}

function lineEnd(candidate: Candidate): IsoDate {
  return candidate.compensation?.billedUntil ?? candidate.newBilledUntil
}

function runWindow(candidates: Candidate[]): Interval {
  return {
    ini: candidates.map((candidate) => candidate.start).reduce(minDate),
    end: candidates.map((candidate) => candidate.newBilledUntil).reduce(maxDate),
  }
}

// ---------------------------------------------------------------------------------------------
// Concurrent orders

/** Consecutive days an order is charged at one unit price. */
interface PricedRun {
  ini: IsoDate
  end: IsoDate
  unit: Money
}

/** Appends a run, merged into the previous one when it continues it at the same price. */
function addRun(runs: PricedRun[], next: PricedRun): void {
  const last = runs[runs.length - 1]
  if (last && last.end === next.ini && last.unit.equals(next.unit)) last.end = next.end
  else runs.push({ ...next })
}

/**
 * Concurrent mode (mail accounts): the run is cut into chunks wherever an order starts or its
 * paid time ends, and in each chunk the n-th alive order pays the n-th unit's price.
 *
 * Product fix: an order is charged only for the chunks inside its own [start, new billed_until).
 * The original charged it from the run's start, so an order billed until October was charged
 * from July when billed with an order starting in July (capped only by its nominal price).
 */
function concurrentPrices(group: GroupInput, candidates: Candidate[]): Map<number, CandidatePrice> {
  const { service } = group
  const unitAt = unitPricer(group)
  const window = runWindow(candidates)
  const pricing = pricingOrders(group, candidates, window.ini, window.end)
  const cuts = pricing.flatMap((entry) => [entry.order.registeredOn, entry.until])
  const inside = cuts.filter((date) => date > window.ini && date < window.end)
  const bounds = [...new Set([window.ini, ...inside, window.end])].sort()

  const runs = new Map<number, PricedRun[]>(candidates.map((candidate) => [candidate.order.id, []]))
  for (let index = 1; index < bounds.length; index++) {
    const chunk = { ini: bounds[index - 1] as IsoDate, end: bounds[index] as IsoDate }
    const alive = pricing.filter(
      (entry) => entry.order.registeredOn <= chunk.ini && entry.until >= chunk.end,
    )
    alive.forEach(({ candidate }, position) => {
      const own =
        candidate && intersect(chunk, { ini: candidate.start, end: candidate.newBilledUntil })
      if (!candidate || !own) return
      const charged = runs.get(candidate.order.id) as PricedRun[]
      addRun(charged, { ...own, unit: unitAt(position + 1, alive.length) })
    })
  }

  return new Map(
    candidates.map((candidate) => {
      const charged = runs.get(candidate.order.id) as PricedRun[]
      // Time beyond the run that a compensation brings in is priced at the order's last unit
      // price (the original multiplied it by the whole price accumulated so far).
      const end = lineEnd(candidate)
      const lastUnit = charged[charged.length - 1]?.unit ?? service.nominalPrice
      const anchor = sizeAnchor(service, candidate.order)
      if (end > candidate.newBilledUntil) {
        addRun(charged, { ini: candidate.newBilledUntil, end, unit: lastUnit })
      }
      const price: CandidatePrice = {
        end,
        price: sum(
          charged.map((run) =>
            run.unit.times(span(service, candidate.start, run.ini, run.end, anchor)),
          ),
        ),
        computed: true,
        compensation: sum(
          charged.map((run) => compensationValue(service, candidate, run, run.unit)),
        ),
      }
      return [candidate.order.id, price]
    }),
  )
}

// ---------------------------------------------------------------------------------------------
// Register or renew

/**
 * Register-or-renew mode (domains): an order's unit price depends on how many registrations
 * and renewals the account made in the pricing period before the order's own event, the n-th
 * event paying the n-th unit's price.
 */
function registerOrRenewPrices(
  group: GroupInput,
  candidates: Candidate[],
): Map<number, CandidatePrice> {
  const { service } = group
  const period = effectivePricingPeriod(service)
  if (period === '') throw new Error('Register-or-renew pricing needs a pricing period')
  const unitAt = unitPricer(group)
  const window = runWindow(candidates)
  const pricing = pricingOrders(group, candidates, minusPeriod(window.ini, period), window.end)

  const events = eventDates(pricing)
  const prices = new Map<number, CandidatePrice>()
  pricing.forEach(({ order, candidate }, index) => {
    if (!candidate) return
    const eventOn = order.billedUntil ?? order.registeredOn
    const count = countEvents(events, minusPeriod(eventOn, period), eventOn)
    const unit = unitAt(Math.min(index + 1, count), count)
    const end = lineEnd(candidate)
    const compensation = compensationValue(service, candidate, { ini: candidate.start, end }, unit)
    prices.set(order.id, { end, price: unit, computed: false, compensation })
  })
  return prices
}

// ---------------------------------------------------------------------------------------------
// Nominal

function nominalPrices(group: GroupInput, candidates: Candidate[]): Map<number, CandidatePrice> {
  const unit = group.service.nominalPrice
  return new Map(
    candidates.map((candidate) => {
      const end = lineEnd(candidate)
      const within = { ini: candidate.start, end }
      const compensation = compensationValue(group.service, candidate, within, unit)
      return [candidate.order.id, { end, price: unit, computed: false, compensation }]
    }),
  )
}

/** Prices every candidate by the group's mode; candidates must not be empty. */
export function priceCandidates(
  group: GroupInput,
  candidates: Candidate[],
): Map<number, CandidatePrice> {
  switch (countingMode(group)) {
    case 'CONCURRENT':
      return concurrentPrices(group, candidates)
    case 'REGISTER_OR_RENEW':
      return registerOrRenewPrices(group, candidates)
    case 'NOMINAL':
      return nominalPrices(group, candidates)
  }
}
