import { daysBetween, maxDate, minDate } from './periods'
import type { BilledOrder, IsoDate } from './types'

/**
 * Compensation intervals (spec: billing 6.9). When an order of a COMPENSATE service is cancelled
 * before the end of its prepaid time, that time is handed to the account's new orders of the
 * same service instead of being lost: the receiver's line gets a compensation discount and the
 * giver's billed_until moves back to where the handed-over time starts.
 */

/** Days `[ini, end)`; `orderId` is the giver whose prepaid time it is. */
export interface Interval {
  ini: IsoDate
  end: IsoDate
  orderId?: number
}

/** The open end of an active receiver's demand: it can use any later prepaid time. */
export const FOREVER: IsoDate = '9999-12-31'

/** Length in days, never negative. */
export function intervalDays(interval: Interval): number {
  return Math.max(0, daysBetween(interval.ini, interval.end))
}

/** The days both cover, owned as `a` is; null when they share none. */
export function intersect(a: Interval, b: Interval): Interval | null {
  const ini = maxDate(a.ini, b.ini)
  const end = minDate(a.end, b.end)
  if (ini >= end) return null
  return a.orderId === undefined ? { ini, end } : { ini, end, orderId: a.orderId }
}

/** What is left of `a` without the days of `b`: none, one or two pieces, owned as `a` is. */
export function subtract(a: Interval, b: Interval): Interval[] {
  if (!intersect(a, b)) return intervalDays(a) > 0 ? [a] : []
  const pieces: Interval[] = []
  if (a.ini < b.ini) pieces.push({ ...a, end: b.ini })
  if (b.end < a.end) pieces.push({ ...a, ini: b.end })
  return pieces
}

/**
 * The account's orders whose unused prepaid time can be given away in a run over `[ini, end)`:
 * cancelled on or before their billed_until, billed past the run's start, registered before its
 * end (spec 6.7).
 */
export function selectGivers(accountOrders: BilledOrder[], ini: IsoDate, end: IsoDate) {
  return accountOrders.filter(
    (order) =>
      order.cancelledOn !== null &&
      order.billedUntil !== null &&
      order.cancelledOn <= order.billedUntil &&
      order.billedUntil > ini &&
      order.registeredOn < end,
  )
}

export interface CompensationReceiver {
  order: BilledOrder
  /** Where this run bills the receiver until, before any extension. */
  newBilledUntil: IsoDate
}

export interface ReceiverCompensation {
  /** The pieces of prepaid time the receiver gets, in date order. */
  pieces: Interval[]
  /** newBilledUntil, or later when a piece reaches beyond it (the line is extended). */
  billedUntil: IsoDate
}

export interface CompensationResult {
  /** Per receiver order id; receivers that get nothing are absent. */
  receivers: Map<number, ReceiverCompensation>
  /** Each giver's billed_until after giving time away; givers that gave nothing are absent. */
  giverBilledUntil: Map<number, IsoDate>
}

interface Match {
  offered: Interval
  poolIndex: number
  demandIndex: number
  overlap: Interval
}

function largestOverlap(pool: Interval[], demand: Interval[]): Match | null {
  let best: Match | null = null
  pool.forEach((offered, poolIndex) => {
    demand.forEach((wanted, demandIndex) => {
      const overlap = intersect(offered, wanted)
      if (!overlap) return
      if (!best || intervalDays(overlap) > intervalDays(best.overlap)) {
        best = { offered, poolIndex, demandIndex, overlap }
      }
    })
  })
  return best
}

/** Greedy: the pool piece covering most of what is still wanted first, until nothing overlaps. */
function takeFromPool(pool: Interval[], wanted: Interval): Interval[] {
  const offered = [...pool]
  let demand = [wanted]
  const taken: Interval[] = []
  let match = largestOverlap(offered, demand)
  while (match) {
    const { offered: source, poolIndex, demandIndex, overlap } = match
    taken.push(overlap)
    offered.splice(poolIndex, 1, ...subtract(source, overlap))
    demand = demand.flatMap((piece, index) =>
      index === demandIndex ? subtract(piece, overlap) : piece,
    )
    match = largestOverlap(offered, demand)
  }
  return taken.sort((a, b) => (a.ini < b.ini ? -1 : a.ini > b.ini ? 1 : 0))
}

/**
 * Which taken pieces the receiver really uses, and how far its billing then reaches. A piece
 * inside or touching the billed window counts and may extend it; a piece wholly beyond it is
 * used only when it is worth more than three times the days the customer must pay to reach it
 * ("extend a little to benefit from a substantial discount"). The gap is measured from the
 * window's end as extended so far, so a run of pieces is judged one after the other.
 */
export function usablePieces(pieces: Interval[], newBilledUntil: IsoDate): ReceiverCompensation {
  let billedUntil = newBilledUntil
  const used: Interval[] = []
  for (const piece of pieces) {
    const gap = intervalDays({ ini: billedUntil, end: piece.ini })
    if (gap > 0 && intervalDays(piece) <= 3 * gap) continue
    used.push(piece)
    billedUntil = maxDate(billedUntil, piece.end)
  }
  return { pieces: used, billedUntil }
}

function withoutPieces(pool: Interval[], pieces: Interval[]): Interval[] {
  return pieces.reduce(
    (rest, piece) =>
      rest.flatMap((offered) =>
        offered.orderId === piece.orderId ? subtract(offered, piece) : offered,
      ),
    pool,
  )
}

/**
 * Hands the givers' prepaid time to the receivers, in the receivers' order (spec 6.9). A receiver
 * qualifies when this run bills it further than before; it wants `[billed_until or registered_on,
 * cancelled_on or forever)`.
 *
 * Product choice: a piece the receiver does not use (wholly beyond its window and not worth the
 * extension) stays with its giver. The original assigned it anyway and so shortened the giver's
 * prepaid time for nothing.
 */
export function assignCompensations(
  givers: BilledOrder[],
  receivers: CompensationReceiver[],
): CompensationResult {
  let pool: Interval[] = givers.flatMap((giver) =>
    giver.cancelledOn && giver.billedUntil && giver.cancelledOn < giver.billedUntil
      ? [{ ini: giver.cancelledOn, end: giver.billedUntil, orderId: giver.id }]
      : [],
  )
  const result: CompensationResult = { receivers: new Map(), giverBilledUntil: new Map() }

  for (const { order, newBilledUntil } of receivers) {
    if (order.billedUntil !== null && order.billedUntil >= newBilledUntil) continue
    const wanted = {
      ini: order.billedUntil ?? order.registeredOn,
      end: order.cancelledOn ?? FOREVER,
    }
    const usable = usablePieces(takeFromPool(pool, wanted), newBilledUntil)
    if (usable.pieces.length === 0) continue

    pool = withoutPieces(pool, usable.pieces)
    result.receivers.set(order.id, usable)
    for (const piece of usable.pieces) {
      if (piece.orderId === undefined) continue
      // billed_until = min(billed_until, piece start, earlier value); a piece starts before it.
      const earlier = result.giverBilledUntil.get(piece.orderId)
      result.giverBilledUntil.set(piece.orderId, earlier ? minDate(earlier, piece.ini) : piece.ini)
    }
  }
  return result
}
