import type { BilledOrder, IsoDate } from './types'

/**
 * The events register-or-renew pricing counts (spec: billing 6.7): registrations and renewals
 * of the account's orders, sorted once so that each order's trailing window is two searches.
 */

export interface EventSource {
  order: BilledOrder
  /** The end of the order's paid time once the run is committed. */
  until: IsoDate
}

/**
 * The dates of the pricing orders' registrations and renewals, sorted: a registration; the end
 * of the paid time (new if billed now) unless it is the registration; the old end when billing
 * now moved it, unless it is the registration.
 */
export function eventDates(pricing: readonly EventSource[]): IsoDate[] {
  const dates = pricing.flatMap(({ order, until }) => {
    const events = [order.registeredOn]
    if (until !== order.registeredOn) events.push(until)
    const old = order.billedUntil
    if (old !== null && old !== until && old !== order.registeredOn) events.push(old)
    return events
  })
  return dates.sort()
}

/** How many of the sorted dates are on or before `date`. */
function countUpTo(sorted: IsoDate[], date: IsoDate): number {
  let low = 0
  let high = sorted.length
  while (low < high) {
    const middle = (low + high) >> 1
    if ((sorted[middle] as IsoDate) <= date) low = middle + 1
    else high = middle
  }
  return low
}

/** Registrations and renewals in (after, until]: the events that set a unit's position. */
export function countEvents(sorted: IsoDate[], after: IsoDate, until: IsoDate): number {
  // The order's own event is always in its window; the floor keeps a position valid regardless.
  return Math.max(countUpTo(sorted, until) - countUpTo(sorted, after), 1)
}
