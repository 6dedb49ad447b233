import type { FieldIssue } from '../../src-shared/errors'
import { parseEuVatNumber, type EuCountry } from '../../src-shared/vat-numbers'

/**
 * Whether a buyer's VAT number may carry a reverse charge (spec: billing 10, issue 7 item 9).
 * Two steps: the format and check digits, here and in the forms (src-shared/vat-numbers.ts),
 * then a registry lookup, which is pluggable because it needs the network.
 */

/** `unknown`: the registry could not say (offline, busy, or no lookup configured). */
export type VatVerdict = 'valid' | 'invalid' | 'unknown'

export interface VatNumber {
  country: EuCountry
  /** Prefix and number, e.g. "DE136695976". */
  vat: string
}

/** A registry lookup of a well-formed number; it must not throw for an answer it lacks. */
export type VatRegistryCheck = (vat: VatNumber) => Promise<VatVerdict>

/**
 * No registry lookup: every well-formed number is `unknown`.
 * TODO(#7): ask VIES (the European Commission's checkVatService); it needs the network, which
 * this build cannot reach or test against, so the lookup stays pluggable.
 */
export const noRegistryCheck: VatRegistryCheck = () => Promise.resolve('unknown')

export type VatCheck =
  { verdict: 'invalid'; issue: FieldIssue } | { verdict: VatVerdict; number: VatNumber }

/**
 * Checks a VAT number as typed for a buyer in `country`. A number of the wrong shape or with
 * wrong check digits is `invalid` without asking the registry. A registry that fails (throws)
 * gives `unknown`: a network error says nothing about the number.
 */
export async function checkVatNumber(
  raw: string,
  country: string,
  registry: VatRegistryCheck = noRegistryCheck,
): Promise<VatCheck> {
  const parsed = parseEuVatNumber(raw, country)
  if (!parsed.ok) return { verdict: 'invalid', issue: parsed.issue }
  const number = { country: parsed.country, vat: parsed.vat }

  const verdict = await registry(number).catch((): VatVerdict => 'unknown')
  if (verdict === 'invalid') {
    const message = `is not registered for VAT in ${number.country} (registry lookup)`
    return { verdict, issue: { field: 'vat', rule: 'vat_registry', message } }
  }
  return { verdict, number }
}
