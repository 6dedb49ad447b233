import { toUnicodeName } from '../../lib/domain-unicode'

/** `info@xn--bcher-kva.de` as `info@bücher.de`; a catch-all keeps its leading `@`. */
export function toUnicodeEmail(email: string): string {
  const at = email.lastIndexOf('@')
  return `${email.slice(0, at)}@${toUnicodeName(email.slice(at + 1))}`
}
