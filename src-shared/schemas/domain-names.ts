import { codePoint, findControlCharacter } from './common'

/**
 * Domain names as BIND and every server tool read them: ASCII, lower case, international
 * names in their `xn--` form. The conversion uses the WHATWG URL parser (UTS #46), which Node
 * and every browser ship, so the forms and main agree on the same name.
 */

/** Zero-width, soft-hyphen and byte-order characters a paste carries along invisibly. */
const INVISIBLE_IN_NAME =
  /\u034F|[\u00AD\u061C\u115F\u1160\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\uFEFF]/u

/** A label of the hostname rule (spec 0.3): 1 to 63 letters, digits or inner hyphens. */
const HOST_LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/

export type NameProblem = { rule: string; message: string }

/** The ASCII form of a name typed in any script, or what is wrong with it. */
export function toAsciiName(raw: string): { name: string } | NameProblem {
  const control = findControlCharacter(raw)
  if (control !== undefined) {
    return {
      rule: 'control_character',
      message: `contains a control character ${codePoint(control)}`,
    }
  }
  const invisible = INVISIBLE_IN_NAME.exec(raw)?.[0]
  if (invisible !== undefined) {
    return {
      rule: 'invisible_character',
      message: `contains an invisible character ${codePoint(invisible)}`,
    }
  }
  const trimmed = raw.trim().toLowerCase().replace(/\.$/, '')
  if (/^[\x21-\x7e]*$/.test(trimmed)) return { name: trimmed }
  if (/[\s\x21-\x29\x2b\x2c\x2f\x3a-\x40\x5b-\x5e\x60\x7b-\x7f]/.test(trimmed)) {
    return { rule: 'hostname', message: 'holds a character no domain name can have' }
  }
  try {
    return { name: new URL(`http://${trimmed}/`).hostname }
  } catch {
    return { rule: 'idn', message: 'is not a valid international domain name' }
  }
}

/**
 * The domain name rule, tightened from spec 1.2: a wildcard only as the whole first label
 * (`*.example.org`), an underscore only at the start of a label (`_sip._tcp.example.org`),
 * every label by the hostname rule, at least two labels and at most 253 characters.
 */
export function checkDomainName(name: string): NameProblem | undefined {
  if (name.length > 253) return { rule: 'hostname', message: 'is longer than 253 characters' }
  const labels = name.split('.')
  if (labels.length < 2) return { rule: 'hostname', message: 'needs at least two labels' }
  for (const [index, label] of labels.entries()) {
    if (label === '*' && index === 0) continue
    const bare = label.startsWith('_') ? label.slice(1) : label
    if (label.length > 63)
      return { rule: 'hostname', message: `has a label of ${label.length} characters (at most 63)` }
    if (!HOST_LABEL.test(bare)) {
      return { rule: 'hostname', message: `has an invalid label '${label}'` }
    }
  }
  return undefined
}

/** A host name a record points to: a full name with its final dot (`mail.example.net.`). */
export function checkTargetName(value: string): NameProblem | undefined {
  if (!value.endsWith('.')) return { rule: 'fqdn', message: 'must end with a dot' }
  const name = value.slice(0, -1)
  const labels = name.split('.')
  const valid =
    name.length <= 253 && labels.every((label) => HOST_LABEL.test(label.replace(/^_/, '')))
  return valid ? undefined : { rule: 'fqdn', message: 'is not a host name' }
}
