import { toUnicodeName } from '../../lib/domain-unicode'
import { searchForName } from '../../lib/domain-search'

/** `info@xn--bcher-kva.de` as `info@bücher.de`; a catch-all keeps its leading `@`. */
export function toUnicodeEmail(email: string): string {
  const at = email.lastIndexOf('@')
  return `${email.slice(0, at)}@${toUnicodeName(email.slice(at + 1))}`
}

/** A search typed with a Unicode domain (`info@bücher.de`) sent in the stored `xn--` form. */
export function searchForEmail(q: string): string {
  return q
    .split(/\s+/)
    .filter(Boolean)
    .map((word) => {
      const at = word.lastIndexOf('@')
      if (at < 0) return searchForName(word)
      const domain = word.slice(at + 1)
      return `${word.slice(0, at)}@${domain && searchForName(domain)}`
    })
    .join(' ')
}
