import type { Money } from '../billing/money'

/**
 * The stored text of a decimal, printed once per value. A run's lines share their sizes,
 * metrics, rates and taxes (the same Money objects, see billing/periods.ts `size`), and
 * printing a size's 40 digits costs more than inserting them. Money is immutable, so a text
 * stays true of its value; entries go with the values.
 */

const exactTexts = new WeakMap<Money, string>()
const centsTexts = new WeakMap<Money, string>()

function textOf(texts: WeakMap<Money, string>, value: Money, print: (value: Money) => string) {
  let text = texts.get(value)
  if (text === undefined) {
    text = print(value)
    texts.set(value, text)
  }
  return text
}

/** Every digit, as size, metric, quantity and tax rate are stored. */
export const exactText = (value: Money) => textOf(exactTexts, value, (v) => v.toString())

/** Two decimals, for a value already rounded to cents (a nominal price). */
export const centsText = (value: Money) => textOf(centsTexts, value, (v) => v.toFixed(2))
