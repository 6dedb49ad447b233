import { COUNTRY_CODES } from '../../../src-shared/countries'
import { i18next } from '../i18n'

const cache = new Map<string, Intl.DisplayNames>()

function displayNames(language: string): Intl.DisplayNames {
  let names = cache.get(language)
  if (!names) {
    names = new Intl.DisplayNames([language], { type: 'region' })
    cache.set(language, names)
  }
  return names
}

export function countryName(code: string, language = i18next.language): string {
  if (!code) return ''
  return displayNames(language || 'en').of(code) ?? code
}

/** Select options sorted by the name the user reads, not by code. */
export function countryOptions(language = i18next.language): { value: string; label: string }[] {
  return COUNTRY_CODES.map((code) => ({ value: code, label: countryName(code, language) })).sort(
    (a, b) => a.label.localeCompare(b.label, language),
  )
}
