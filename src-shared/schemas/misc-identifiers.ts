import { z } from 'zod'
import { checkDomainName, toAsciiName } from './domain-names'
import type { IdentifierValidator } from './other-service-settings'

/** A label of the hostname rule (spec 0.3), lower case as identifiers are stored. */
const HOST_LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/

/** Spec 0.3's hostname rule: at most 255 characters, one trailing dot ignored. */
export function isHostname(value: string): boolean {
  const name = value.endsWith('.') ? value.slice(0, -1) : value
  if (!name || name.length > 255) return false
  return name.split('.').every((label) => HOST_LABEL.test(label))
}

/** ISO 13616: two letters, two check digits, up to 30 letters or digits; mod 97 gives 1. */
function isIban(value: string): boolean {
  const iban = value.toUpperCase()
  if (!/^[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}$/.test(iban)) return false
  const digits = [...(iban.slice(4) + iban.slice(0, 4))]
    .map((char) => (/[A-Z]/.test(char) ? String(char.charCodeAt(0) - 55) : char))
    .join('')
  let rest = 0
  for (const digit of digits) rest = (rest * 10 + Number(digit)) % 97
  return rest === 1
}

const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/

function isIpv6(value: string): boolean {
  if (!/^[0-9a-f:.]+$/.test(value) || !value.includes(':')) return false
  try {
    return new URL(`http://[${value}]/`).hostname.length > 2
  } catch {
    return false
  }
}

function isDomain(value: string): boolean {
  const ascii = toAsciiName(value)
  return 'name' in ascii && ascii.name === value && checkDomainName(value) === undefined
}

const email = z.email()

/** What each named check accepts, with the words an error shows. */
const CHECKS: Record<IdentifierValidator, { test(value: string): boolean; message: string }> = {
  domain: { test: isDomain, message: 'is not a domain name' },
  email: { test: (value) => email.safeParse(value).success, message: 'is not an e-mail address' },
  hostname: { test: isHostname, message: 'is not a host name' },
  iban: { test: isIban, message: 'is not an IBAN (ISO 13616, without spaces)' },
  ipv4: { test: (value) => IPV4.test(value), message: 'is not an IPv4 address' },
  ipv6: { test: isIpv6, message: 'is not an IPv6 address' },
}

/** What is wrong with `identifier` (already trimmed and lower case) under `check`, if anything. */
export function identifierProblem(
  check: IdentifierValidator,
  identifier: string,
): string | undefined {
  const { test, message } = CHECKS[check]
  return test(identifier) ? undefined : message
}

/** The check of each service by the `<service>=<check>` items of the setting. */
export function validatorsByService(entries: readonly string[]): Map<string, IdentifierValidator> {
  const map = new Map<string, IdentifierValidator>()
  for (const entry of entries) {
    const [service, check] = entry.split('=')
    if (service && check) map.set(service, check as IdentifierValidator)
  }
  return map
}
