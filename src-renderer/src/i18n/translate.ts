import { i18next } from './index'

/**
 * Translates a key built at run time (a rule code from the server, a field name from a history
 * entry), falling back to the given text when the resource file has no such key.
 */
export function translateOr(key: string, fallback: string): string {
  return i18next.exists(key) ? String(i18next.t(key as never)) : fallback
}
