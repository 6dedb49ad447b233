import { maxDate, minDate } from './periods'
import type { IsoDate } from './types'

/**
 * Undoing a billing (spec: billing 6.12): the selected lines of open bills are removed and
 * their orders go back to the state remembered on the lines, so the next run bills that time
 * again. Pure: the caller reads the lines and orders and writes the outcome in one transaction.
 *
 * A cancelled order that handed its prepaid time to a selected line (COMPENSATE, spec 6.9) has
 * no line of its own: its billed_until is remembered on the receiver's compensation, and goes
 * back with it, so that time is not lost.
 */

export interface UndoLine {
  id: number
  /** Null when the order has been deleted since. */
  orderId: number | null
  startOn: IsoDate
  endOn: IsoDate | null
  /** The order's state before the run, remembered on the line (spec 6.11). */
  orderBilledOn: IsoDate | null
  orderBilledUntil: IsoDate | null
  /** Whether the line's bill is still open: closed bills are corrected by amendment. */
  billOpen: boolean
}

export interface UndoOrder {
  id: number
  description: string
  billedOn: IsoDate | null
  /** Every line of the order, on any bill, selected or not. */
  lines: readonly Pick<UndoLine, 'id' | 'startOn' | 'endOn'>[]
}

/** Prepaid time a selected line received from a cancelled order, remembered on its subline. */
export interface UndoGift {
  /** The receiver's line. */
  lineId: number
  /** The giver's billed_until before the run, and the one the run left it. */
  billedUntil: IsoDate
  leftUntil: IsoDate
}

export interface UndoGiver {
  id: number
  description: string
  billedUntil: IsoDate | null
  /** Every gift of the giver remembered on a line, selected or not. */
  gifts: readonly UndoGift[]
}

/** What undoing writes on a giver: its billed_until from before the runs undone. */
export interface RestoredGiver {
  orderId: number
  billedUntil: IsoDate
}

/** What undoing writes on an order. */
export interface RestoredOrder {
  orderId: number
  billedOn: IsoDate | null
  billedUntil: IsoDate | null
}

export type UndoRefusal =
  | { kind: 'BILL_CLOSED'; lineId: number }
  | { kind: 'NO_ORDER'; lineId: number }
  | { kind: 'GAP'; orderId: number; lineId: number }
  | { kind: 'BILLED_BEFORE_LINES'; orderId: number }
  | { kind: 'LATER_BILLING'; orderId: number; lineId: number }
  | { kind: 'GIVER_CHANGED'; orderId: number; lineId: number }
  | { kind: 'GIFT_SHARED'; orderId: number; lineId: number }

export type UndoResult =
  | {
      ok: true
      orders: RestoredOrder[]
      givers: RestoredGiver[]
      lineIds: number[]
      message: string
    }
  | { ok: false; refusal: UndoRefusal; message: string }

export function undoBilling(
  lines: readonly UndoLine[],
  orders: readonly UndoOrder[],
  givers: readonly UndoGiver[] = [],
): UndoResult {
  const named = [...orders, ...givers]
  const byOrder = new Map<number, UndoLine[]>()
  for (const line of lines) {
    if (!line.billOpen) return refuse({ kind: 'BILL_CLOSED', lineId: line.id }, named)
    if (line.orderId === null) return refuse({ kind: 'NO_ORDER', lineId: line.id }, named)
    byOrder.set(line.orderId, [...(byOrder.get(line.orderId) ?? []), line])
  }

  const restored: RestoredOrder[] = []
  for (const [orderId, orderLines] of byOrder) {
    const sorted = [...orderLines].sort((a, b) => a.startOn.localeCompare(b.startOn))
    const refusal = checkOrder(orderId, sorted, orders)
    if (refusal) return refuse(refusal, named)
    const order: RestoredOrder = {
      orderId,
      billedOn: earliest(sorted.map((line) => line.orderBilledOn)),
      billedUntil: earliest(sorted.map((line) => line.orderBilledUntil)),
    }
    const later = laterLine(order, sorted, orders)
    if (later) return refuse({ kind: 'LATER_BILLING', orderId, lineId: later.id }, named)
    restored.push(order)
  }

  const selected = new Set(lines.map((line) => line.id))
  const given: RestoredGiver[] = []
  for (const giver of givers) {
    const back = giveBack(giver, selected)
    if (back && 'kind' in back) return refuse(back, named)
    if (back) given.push(back)
  }

  const message =
    `${count(restored.length, 'order')} and ${count(lines.length, 'line')} undone` +
    (given.length ? `, ${givenText(given.length)}` : '')
  const lineIds = lines.map((line) => line.id)
  return { ok: true, orders: restored, givers: given, lineIds, message }
}

/**
 * Where a giver goes back to: the billed_until before the earliest run undone, when it is still
 * where the latest one left it. Refused when it moved since (billed again, edited), or when a
 * line left selected also received time that this would give back: it would be given twice.
 */
function giveBack(giver: UndoGiver, selected: Set<number>): RestoredGiver | UndoRefusal | null {
  const undone = giver.gifts.filter((gift) => selected.has(gift.lineId))
  const first = undone[0]
  if (!first) return null
  const left = undone.map((gift) => gift.leftUntil).reduce(minDate)
  const until = undone.map((gift) => gift.billedUntil).reduce(maxDate)
  if (giver.billedUntil !== left) {
    return { kind: 'GIVER_CHANGED', orderId: giver.id, lineId: first.lineId }
  }

  const kept = giver.gifts.find(
    (gift) => !selected.has(gift.lineId) && gift.billedUntil > left && gift.leftUntil < until,
  )
  if (kept) return { kind: 'GIFT_SHARED', orderId: giver.id, lineId: kept.lineId }
  return { orderId: giver.id, billedUntil: until }
}

/**
 * An order's lines must follow each other without gap or overlap, and the order must not have
 * been billed before they start (the original's checks, kept as the spec states them: a run
 * dated before the period it billed in advance cannot be undone this way, only removed).
 */
function checkOrder(
  orderId: number,
  sorted: UndoLine[],
  orders: readonly UndoOrder[],
): UndoRefusal | null {
  const first = sorted[0]
  const billedOn = orders.find((order) => order.id === orderId)?.billedOn ?? null
  if (!first || billedOn === null || billedOn < first.startOn) {
    return { kind: 'BILLED_BEFORE_LINES', orderId }
  }
  for (let index = 1; index < sorted.length; index++) {
    const line = sorted[index] as UndoLine
    if (line.startOn !== sorted[index - 1]?.endOn) return { kind: 'GAP', orderId, lineId: line.id }
  }
  return null
}

/**
 * A line the selection leaves that bills time after the point the order goes back to. Undoing
 * an older run alone would move billed_until under it and bill that time twice (a product
 * check; the original had none). Without a remembered billed_until any other line is later.
 */
function laterLine(
  restored: RestoredOrder,
  selected: UndoLine[],
  orders: readonly UndoOrder[],
): Pick<UndoLine, 'id'> | undefined {
  const chosen = new Set(selected.map((line) => line.id))
  const others = orders.find((order) => order.id === restored.orderId)?.lines ?? []
  return others.find((line) => {
    if (chosen.has(line.id)) return false
    const until = restored.billedUntil
    return until === null || (line.endOn ?? line.startOn) > until
  })
}

/** The earliest remembered date; null when any line remembers none (never billed before). */
function earliest(dates: (IsoDate | null)[]): IsoDate | null {
  if (dates.some((date) => date === null)) return null
  return (dates as IsoDate[]).reduce(minDate)
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`
}

/** "1 cancelled order given its time back", for the result and the bills' history. */
export function givenText(n: number): string {
  return `${count(n, 'cancelled order')} given ${n === 1 ? 'its' : 'their'} time back`
}

function refuse(
  refusal: UndoRefusal,
  orders: readonly Pick<UndoOrder, 'id' | 'description'>[],
): UndoResult {
  const name = (id: number) => orders.find((order) => order.id === id)?.description ?? `#${id}`
  const message = ((): string => {
    switch (refusal.kind) {
      case 'BILL_CLOSED':
        return `Line ${refusal.lineId} is on a closed bill: amend the bill instead`
      case 'NO_ORDER':
        return `Line ${refusal.lineId} has no order left to give its billing back to`
      case 'GAP':
        return `The selected lines of ${name(refusal.orderId)} leave a gap: select those between`
      case 'BILLED_BEFORE_LINES':
        return `${name(refusal.orderId)} was billed before its first selected line starts`
      case 'LATER_BILLING':
        return `${name(refusal.orderId)} was billed again later: undo line ${refusal.lineId} too`
      case 'GIVER_CHANGED':
        return (
          `${name(refusal.orderId)} gave its prepaid time to line ${refusal.lineId} and was ` +
          `billed or changed since: its time cannot be given back`
        )
      case 'GIFT_SHARED':
        return `${name(refusal.orderId)} also gave time to line ${refusal.lineId}: undo it too`
    }
  })()
  return { ok: false, refusal, message }
}
