/**
 * Identifiers of SEPA files: the bank's BIC and the creditor identifier the bank gave the
 * provider for direct debits. Both are checked here, once, for the settings form and for the
 * file builders.
 */

/** ISO 9362 as the ISO 20022 schemas write it: bank, country, location, optional branch. */
const BIC = /^[A-Z]{6}[A-Z2-9][A-NP-Z0-9]([A-Z0-9]{3})?$/

export function isBic(value: string): boolean {
  return BIC.test(value)
}

/**
 * The IBAN countries of the SEPA schemes (EPC409-09): the EU, the EEA, and the other states and
 * territories the EPC admitted. An IBAN of elsewhere passes its check digits yet no SEPA bank
 * debits or credits it. Jersey, Guernsey and Man bank with GB IBANs, French overseas with FR.
 */
const SEPA_COUNTRIES = new Set(
  (
    'AT BE BG CY CZ DE DK EE ES FI FR GR HR HU IE IT LT LU LV MT NL PL PT RO SE SI SK ' +
    'IS LI NO CH GB MC SM VA AD GI AL MD ME MK'
  ).split(' '),
)

/** Whether an IBAN (compact, capitals) is of a country inside the SEPA schemes. */
export function isSepaCountryIban(iban: string): boolean {
  return SEPA_COUNTRIES.has(iban.slice(0, 2))
}

/** ISO 7064 mod 97-10 over letters and digits, letters counting A = 10 … Z = 35. */
function mod97(text: string): number {
  let rest = 0
  for (const char of text) {
    const digits = /[A-Z]/.test(char) ? String(char.charCodeAt(0) - 55) : char
    for (const digit of digits) rest = (rest * 10 + Number(digit)) % 97
  }
  return rest
}

/**
 * A SEPA creditor identifier (EPC262-08): country, two check digits, a three-character business
 * code the creditor may choose (ignored by the check), and the national identifier. The check
 * digits make the national identifier followed by country and check digits give 1 mod 97.
 */
export function isCreditorId(value: string): boolean {
  const match = /^([A-Z]{2})([0-9]{2})[A-Z0-9]{3}([A-Z0-9]{1,28})$/.exec(value)
  if (!match) return false
  const [, country, check, national] = match
  return mod97(`${national}${country}${check}`) === 1
}
