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
 * The IBAN countries of the SEPA schemes' geographical scope, as the EPC's register of them
 * (EPC409-09, "EPC list of SEPA scheme countries") stands in May 2025: the 27 EU states, the
 * other EEA states (IS, LI, NO), CH, GB, MC, SM, VA, AD, Gibraltar with its own GI IBANs, and
 * the enlargement states admitted since November 2024 (AL, ME, then MD, MK, then RS, whose
 * banks reach SEPA from May 2026). Territories bank with their state's IBANs: Jersey, Guernsey
 * and Man with GB, Åland with FI, the Canaries with ES, the Azores and Madeira with PT, the
 * French overseas departments with FR (which also covers New Caledonia, French Polynesia and
 * Wallis and Futuna, outside SEPA: a prefix cannot tell those apart). An IBAN of elsewhere
 * passes its check digits yet no SEPA bank debits or credits it.
 * Review this list whenever the EPC publishes a new version of EPC409-09 (it does when its
 * Board admits a country, usually at its March, May or November meetings).
 */
const SEPA_COUNTRIES = new Set(
  (
    'AT BE BG CY CZ DE DK EE ES FI FR GR HR HU IE IT LT LU LV MT NL PL PT RO SE SI SK ' +
    'IS LI NO CH GB MC SM VA AD GI AL ME MD MK RS'
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
