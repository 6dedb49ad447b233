import { toUnicode } from 'punycode/'

/**
 * Shows stored `xn--` names in the script they were typed in. Browsers convert to ASCII (the
 * URL parser) but not back, so Punycode (RFC 3492) is decoded with the `punycode` package; the
 * form that is stored and written to servers stays the ASCII one.
 */

/** One `xn--` label in Unicode, or as stored when it is not valid Punycode. */
function decodeLabel(label: string): string {
  // `xn--` alone decodes to nothing: not a name anyone typed, so it stays as stored.
  if (label === 'xn--') return label
  try {
    return toUnicode(label)
  } catch {
    return label
  }
}

/** `xn--bckerei-beispiel-2nb.de` → `bäckerei-beispiel.de`; other names come back as they are. */
export function toUnicodeName(name: string): string {
  return name
    .split('.')
    .map((label) => (label.startsWith('xn--') ? decodeLabel(label) : label))
    .join('.')
}

/** Whether a stored name reads differently in Unicode, so its ASCII form is worth a hint. */
export function isInternationalName(name: string): boolean {
  return name.split('.').some((label) => label.startsWith('xn--'))
}
