import { format, formatDistanceToNow, isValid, parseISO } from 'date-fns'
import { enUS, type Locale } from 'date-fns/locale'
import { i18next } from '../i18n'

// date-fns locales by interface language; es and ca join when their resource files do.
const LOCALES: Record<string, Locale> = { en: enUS }

function locale(): Locale {
  return LOCALES[i18next.language] ?? enUS
}

function toDate(value: string): Date | null {
  const date = parseISO(value)
  return isValid(date) ? date : null
}

/** "3 minutes ago"; the exact time goes in a tooltip beside it. */
export function formatRelative(value: string): string {
  const date = toDate(value)
  return date ? formatDistanceToNow(date, { addSuffix: true, locale: locale() }) : value
}

/** Date and time in the interface language, e.g. "Dec 3, 2026, 7:58:12 PM". */
export function formatDateTime(value: string): string {
  const date = toDate(value)
  return date ? format(date, 'PPpp', { locale: locale() }) : value
}

export function formatDay(value: string): string {
  const date = toDate(value)
  return date ? format(date, 'PP', { locale: locale() }) : value
}
