import { intersect, intervalDays, type Interval } from './compensation'
import { Money } from './money'
import type { CompensationGiver, Discount } from './types'

/**
 * Which cancelled orders a receiver's compensation discount comes from (spec: billing 6.9), so
 * undoing the receiver's line can give each its prepaid time back (6.12). The giver's
 * billed_until before the run and the one the run leaves it are remembered on the discount.
 */

/** Days of each giver's pieces within the line, by giver order id, in giver order. */
function daysByGiver(pieces: readonly Interval[], within: Interval): Map<number, number> {
  const days = new Map<number, number>()
  for (const piece of pieces) {
    const part = piece.orderId === undefined ? null : intersect(piece, within)
    if (!part || piece.orderId === undefined) continue
    days.set(piece.orderId, (days.get(piece.orderId) ?? 0) + intervalDays(part))
  }
  return new Map([...days].filter(([, count]) => count > 0).sort(([a], [b]) => a - b))
}

/**
 * Cents shared by days, the cents left over going to the largest remainders (then the lower
 * giver id): the shares always add up to the whole.
 */
function shareCents(cents: number, days: Map<number, number>): Map<number, number> {
  const total = [...days.values()].reduce((a, b) => a + b, 0)
  const shares = [...days].map(([orderId, count]) => ({
    orderId,
    cents: Math.floor((cents * count) / total),
    remainder: (cents * count) % total,
  }))
  let left = cents - shares.reduce((a, share) => a + share.cents, 0)
  for (const share of [...shares].sort((a, b) => b.remainder - a.remainder)) {
    if (left-- <= 0) break
    share.cents += 1
  }
  return new Map(shares.map((share) => [share.orderId, share.cents]))
}

/**
 * The line's discounts with its compensation marked by giver. Several givers split the priced
 * amount by the days each gave within the line, one discount each; the total stays the same.
 */
export function withGivers(
  discounts: readonly Discount[],
  pieces: readonly Interval[],
  within: Interval,
  givers: ReadonlyMap<number, CompensationGiver>,
): Discount[] {
  const days = daysByGiver(pieces, within)
  const known = new Map([...days].filter(([orderId]) => givers.has(orderId)))
  if (known.size === 0 || known.size !== days.size) return [...discounts]

  return discounts.flatMap((discount): Discount[] => {
    if (discount.type !== 'COMPENSATION') return [discount]
    const cents = discount.amount.negated().times(100).toNumber()
    return [...shareCents(cents, known)].flatMap(([orderId, share]) =>
      share === 0
        ? []
        : [{ ...discount, amount: new Money(-share).dividedBy(100), giver: givers.get(orderId) }],
    )
  })
}
