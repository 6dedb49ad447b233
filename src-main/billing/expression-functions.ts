import type { Environment } from '@marcbachmann/cel-js'
import { Money, money, ZERO } from './money'

/**
 * The decimal arithmetic of billing expressions. CEL's own fractional type is a binary double,
 * which cannot hold most cent amounts, so it takes no part here: fractions are `Decimal` values
 * (the same decimal.js Money the engine uses), made by resource fields or `decimal("1.5")`, and
 * mixed freely with CEL integers. A result is never rounded here; pricing rounds once.
 */

type Operand = 'Decimal' | 'int'
const OPERAND_PAIRS: readonly [Operand, Operand][] = [
  ['Decimal', 'Decimal'],
  ['Decimal', 'int'],
  ['int', 'Decimal'],
]

/** A CEL integer (BigInt) or a Decimal, as a Decimal. */
function dec(value: Money | bigint): Money {
  return typeof value === 'bigint' ? new Money(value.toString()) : value
}

/** A decimal literal, written as text so that it never passes through a binary double. */
const DECIMAL_TEXT = /^-?\d{1,30}(\.\d{1,20})?$/

function parseDecimal(text: string): Money {
  if (!DECIMAL_TEXT.test(text.trim())) throw new Error(`decimal(): "${text}" is not a decimal`)
  return money(text.trim())
}

function divide(a: Money, b: Money): Money {
  if (b.isZero()) throw new Error('division by zero')
  return a.dividedBy(b)
}

/**
 * `logsteps(n, size)`: n rounded, half up, to a multiple of `size` times the power of ten of n
 * (spec billing 2.1): logsteps(1234) = 1000, logsteps(1500) = 2000, logsteps(1234, 5) = 0 as
 * 1234 is nearer 0 than 5000. Zero stays zero; a negative n mirrors its positive value.
 */
export function logsteps(n: Money, size: Money = new Money(1)): Money {
  if (!size.isInteger() || size.lessThan(1)) throw new Error('logsteps(): size must be 1 or more')
  if (n.isZero()) return ZERO
  const step = size.times(new Money(10).pow(n.abs().e))
  const steps = n.abs().dividedBy(step).toDecimalPlaces(0, Money.ROUND_HALF_UP)
  return steps.times(step).times(n.isNegative() ? -1 : 1)
}

const INT64_MIN = -(2n ** 63n)
const INT64_MAX = 2n ** 63n - 1n

/**
 * A Decimal back to a CEL integer, which must be whole and in CEL's 64-bit range: CEL checks
 * its own arithmetic for overflow, but not a value a function hands it.
 */
function toInt(value: Money): bigint {
  if (!value.isInteger()) throw new Error(`${value.toString()} is not a whole number`)
  const whole = BigInt(value.toFixed(0))
  if (whole < INT64_MIN || whole > INT64_MAX) {
    throw new Error(`integer overflow: ${whole} is not a 64-bit integer`)
  }
  return whole
}

function registerArithmetic(env: Environment): void {
  for (const [left, right] of OPERAND_PAIRS) {
    const pair = (op: string) => `${left} ${op} ${right}`
    env.registerOperator(`${pair('+')}: Decimal`, (a, b) => dec(a).plus(dec(b)))
    env.registerOperator(`${pair('-')}: Decimal`, (a, b) => dec(a).minus(dec(b)))
    env.registerOperator(`${pair('*')}: Decimal`, (a, b) => dec(a).times(dec(b)))
    env.registerOperator(`${pair('/')}: Decimal`, (a, b) => divide(dec(a), dec(b)))
    env.registerOperator(pair('<'), (a, b) => dec(a).lessThan(dec(b)))
    env.registerOperator(pair('<='), (a, b) => dec(a).lessThanOrEqualTo(dec(b)))
    env.registerOperator(pair('>'), (a, b) => dec(a).greaterThan(dec(b)))
    env.registerOperator(pair('>='), (a, b) => dec(a).greaterThanOrEqualTo(dec(b)))
  }
  // CEL derives != from ==, and int == Decimal from Decimal == int.
  env.registerOperator('Decimal == Decimal', (a: Money, b: Money) => a.equals(b))
  env.registerOperator('Decimal == int', (a: Money, b: bigint) => a.equals(dec(b)))
  env.registerOperator('-Decimal: Decimal', (a: Money) => a.negated())
}

function registerFunctions(env: Environment): void {
  env.registerFunction('decimal(string): Decimal', parseDecimal)
  env.registerFunction('decimal(int): Decimal', (n: bigint) => dec(n))
  env.registerFunction('int(Decimal): int', toInt)
  env.registerFunction('string(Decimal): string', (a: Money) => a.toString())

  env.registerFunction('max(int, int): int', (a: bigint, b: bigint) => (a > b ? a : b))
  env.registerFunction('min(int, int): int', (a: bigint, b: bigint) => (a < b ? a : b))
  for (const [left, right] of OPERAND_PAIRS) {
    env.registerFunction(`max(${left}, ${right}): Decimal`, (a, b) => Money.max(dec(a), dec(b)))
    env.registerFunction(`min(${left}, ${right}): Decimal`, (a, b) => Money.min(dec(a), dec(b)))
  }

  env.registerFunction('logsteps(int): int', (n: bigint) => toInt(logsteps(dec(n))))
  env.registerFunction('logsteps(int, int): int', (n: bigint, size: bigint) =>
    toInt(logsteps(dec(n), dec(size))),
  )
  env.registerFunction('logsteps(Decimal): Decimal', (n: Money) => logsteps(n))
  env.registerFunction('logsteps(Decimal, int): Decimal', (n: Money, size: bigint) =>
    logsteps(n, dec(size)),
  )

  // The original's `(value or 0)`: an unmeasured resource counts as nothing used.
  env.registerFunction('orZero(optional<Decimal>): Decimal', (value: OptionalValue<Money>) =>
    value.hasValue() ? value.value() : ZERO,
  )
  env.registerFunction('orZero(optional<int>): int', (value: OptionalValue<bigint>) =>
    value.hasValue() ? value.value() : 0n,
  )
}

interface OptionalValue<T> {
  hasValue(): boolean
  value(): T
}

/** Declares the Decimal type with its operators and billing's functions on an environment. */
export function registerBillingFunctions(env: Environment): void {
  env.registerType('Decimal', { ctor: Money })
  registerArithmetic(env)
  registerFunctions(env)
}
