import Decimal from 'decimal.js'

/**
 * Money and quantities are decimal, never binary floating point. One rounding rule holds
 * everywhere in billing: half up (away from zero) to cents, as EN 16931 expects of line and
 * document totals. The original mixed half-even storage with ad hoc roundings.
 *
 * A private Decimal class keeps this precision and rounding from leaking into other modules
 * that might configure decimal.js differently.
 */
export const Money = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP })
export type Money = InstanceType<typeof Money>

export const ZERO = new Money(0)
export const ONE = new Money(1)

/** Accepts what a row or a form holds: decimal text, an integer, or a Money. */
export type MoneyLike = Money | string | number

export function money(value: MoneyLike): Money {
  // A Money is immutable and a copy keeps every digit, so the value itself is the same money.
  if (value instanceof Money) return value
  if (typeof value === 'number' && !Number.isInteger(value)) {
    // A fractional JavaScript number has already lost the exact value: refuse it loudly.
    throw new TypeError(`money() needs decimal text for a fraction, not the number ${value}`)
  }
  return new Money(value)
}

/** Rounds half up to two places: the only rounding applied to amounts. */
export function round2(value: MoneyLike): Money {
  const amount = money(value)
  // Already in cents (most amounts a run adds up are): rounding would copy the same value.
  if (amount.decimalPlaces() <= 2) return amount
  return amount.toDecimalPlaces(2, Money.ROUND_HALF_UP)
}

interface ProductNode {
  next: WeakMap<Money, ProductNode>
  rounded?: Money
}

const products: ProductNode = { next: new WeakMap() }

/**
 * round2(a × b × …), multiplied left to right as written, worked out once per the very Money
 * values given. A run prices thousands of lines from a few prices and a few hundred sizes,
 * which are shared values (see periods.ts `size`), and a product of 40-digit sizes is the
 * dearest step of pricing. A Money is immutable, so a remembered product is the same money;
 * the weak maps forget it with its factors.
 */
export function roundedProduct(factors: readonly Money[]): Money {
  let node = products
  for (const factor of factors) {
    let next = node.next.get(factor)
    if (!next) {
      next = { next: new WeakMap() }
      node.next.set(factor, next)
    }
    node = next
  }
  if (node.rounded === undefined) {
    const [first = ONE, ...rest] = factors
    node.rounded = round2(rest.reduce((product, factor) => product.times(factor), first))
  }
  return node.rounded
}

/** Fixed two-decimal text, as stored and printed: "1.00", "-5.50". */
export function cents(value: MoneyLike): string {
  return round2(value).toFixed(2)
}

export function sum(values: readonly MoneyLike[]): Money {
  return values.reduce<Money>((total, value) => total.plus(money(value)), ZERO)
}

export function minMoney(a: Money, b: Money): Money {
  return a.lessThan(b) ? a : b
}

export function maxMoney(a: Money, b: Money): Money {
  return a.greaterThan(b) ? a : b
}
