import type { CountryCode } from './countries'
import type { FieldIssue } from './errors'
import { codePoint } from './schemas/common'
import { VAT_RULES } from './vat-number-rules'

/** The 27 member states of the European Union, by ISO code. */
// prettier-ignore
export const EU_COUNTRIES = [
  'AT', 'BE', 'BG', 'CY', 'CZ', 'DE', 'DK', 'EE', 'ES', 'FI', 'FR', 'GR', 'HR', 'HU',
  'IE', 'IT', 'LT', 'LU', 'LV', 'MT', 'NL', 'PL', 'PT', 'RO', 'SE', 'SI', 'SK',
] as const satisfies readonly CountryCode[]
export type EuCountry = (typeof EU_COUNTRIES)[number]

export function isEuCountry(country: string): country is EuCountry {
  return (EU_COUNTRIES as readonly string[]).includes(country)
}

/** The prefix VAT numbers of a member state carry: its ISO code, except Greece's EL. */
export function vatPrefixOf(country: EuCountry): string {
  return country === 'GR' ? 'EL' : country
}

const countryOfPrefix = (prefix: string): EuCountry | undefined =>
  prefix === 'EL' ? 'GR' : EU_COUNTRIES.find((country) => country === prefix)

/** The member state whose VAT prefix `text` starts with, as typed (any case, GR or EL). */
export function euVatPrefixCountry(text: string): EuCountry | undefined {
  return countryOfPrefix(text.normalize('NFKC').trimStart().slice(0, 2).toUpperCase())
}

export type VatParse =
  | { ok: true; country: EuCountry; /** Prefix and number, e.g. "DE136695976". */ vat: string }
  | { ok: false; issue: FieldIssue }

// Longer than any VAT number written with generous spacing: past it, the input is not one.
const MAX_INPUT = 40

/**
 * Reads an EU VAT number as people type it: spaces, dots and hyphens go, full-width letters
 * and digits become ASCII (NFKC), lower case is raised, and a number without its prefix takes
 * the country's. Anything else (digits of other scripts, control or invisible characters) is
 * refused with a field issue rather than silently dropped, so what is stored is what was read.
 * Greece's numbers are accepted with GR as well as EL and stored with EL.
 */
export function parseEuVatNumber(raw: string, country?: string, field = 'vat'): VatParse {
  const refuse = (rule: string, message: string): VatParse => ({
    ok: false,
    issue: { field, rule, message },
  })
  if (raw.length > MAX_INPUT) return refuse('max', `must be at most ${MAX_INPUT} characters`)

  const compact = raw.normalize('NFKC').replace(/[\s.-]/gu, '')
  const foreign = [...compact].find((char) => !/^[A-Za-z0-9+*]$/.test(char))
  if (foreign !== undefined) {
    return refuse('vat_format', `contains ${codePoint(foreign)}, not a letter A-Z or digit 0-9`)
  }
  const text = compact.toUpperCase()
  if (!text) return refuse('required', 'is required')

  // An explicit prefix wins; it must agree with the country when both are given.
  const typedPrefix = /^[A-Z]{2}/.test(text) ? text.slice(0, 2) : ''
  const typedCountry = countryOfPrefix(typedPrefix)
  const home = country && isEuCountry(country) ? country : undefined
  if (typedCountry && home && typedCountry !== home) {
    return refuse('vat_country', `is a ${typedCountry} VAT number, but the country is ${home}`)
  }
  const vatCountry = typedCountry ?? home
  if (!vatCountry) return refuse('vat_format', 'must start with an EU country prefix such as DE')

  const prefix = vatPrefixOf(vatCountry)
  const bare = typedCountry ? text.slice(2) : text
  // Belgian numbers of nine digits date from before the leading 0 was added to all of them.
  const number = prefix === 'BE' && /^\d{9}$/.test(bare) ? `0${bare}` : bare
  const rule = VAT_RULES[prefix]!
  if (!rule.pattern.test(number)) {
    return refuse('vat_format', `is not a ${prefix} VAT number (wrong length or characters)`)
  }
  if (rule.check && !rule.check(number)) {
    return refuse('vat_check', `is not a ${prefix} VAT number (its check digits do not match)`)
  }
  return { ok: true, country: vatCountry, vat: prefix + number }
}
