import type { Language } from '../../src-shared/schemas/accounts'
import { billText, localeOf } from './bill-texts'
import { round2, type MoneyLike, money } from './money'
import type { IsoDate } from './types'

/** The texts a bill line prints besides its amounts (spec: billing 7.2 and 7.8). */

/** At most two decimals, no trailing zeros, and every meaningful zero kept: "10", "0.25". */
export function quantityText(value: MoneyLike): string {
  const fixed = round2(value).toFixed(2)
  const trimmed = fixed.includes('.') ? fixed.replace(/0+$/, '').replace(/\.$/, '') : fixed
  return trimmed === '-0' ? '0' : trimmed
}

/**
 * A line's quantity as printed: the size alone for a counted order (metric 1), the metric alone
 * for a whole period (size 1), else "metric×size", e.g. "2×0.5". The original stripped every
 * zero, printing metric 10 as "1" and size 0.25 as "25".
 */
export function verboseQuantity(metric: MoneyLike, size: MoneyLike): string {
  if (money(metric).equals(1)) return lineQuantityText(size)
  if (money(size).equals(1)) return lineQuantityText(metric)
  return `${lineQuantityText(metric)}×${lineQuantityText(size)}`
}

/**
 * A line's quantity never prints as "0" unless it is zero: a day of an annual service (1/366)
 * would read "0 × 366.00 = 1.00" on the invoice. Below a cent it keeps two significant digits
 * ("0.0027"), a deliberate exception to the spec's two decimals, which assumed sizes rounded to
 * cents and so could not bill such a line at all.
 */
function lineQuantityText(value: MoneyLike): string {
  const exact = money(value)
  if (exact.isZero() || !round2(exact).isZero()) return quantityText(exact)
  return exact.toSignificantDigits(2).toFixed()
}

// AP style, as the spec prints English: five months spelled out, the others abbreviated.
const AP_MONTHS = [
  'Jan.',
  'Feb.',
  'March',
  'April',
  'May',
  'June',
  'July',
  'Aug.',
  'Sept.',
  'Oct.',
  'Nov.',
  'Dec.',
] as const

/**
 * Spanish and Catalan month abbreviations come from Node's ICU (CLDR): Catalan's are as its
 * style guides write them ("gen.", "març", "maig"); Spanish CLDR data drops the point that an
 * abbreviation takes in Spanish ("ene" for "ene."), so a name shorter than the month's full
 * name gets one. A month short enough to be whole ("març", "juny") stays as it is.
 */
function icuMonths(language: Language): readonly string[] {
  const locale = localeOf(language)
  const short = new Intl.DateTimeFormat(locale, { month: 'short', timeZone: 'UTC' })
  const long = new Intl.DateTimeFormat(locale, { month: 'long', timeZone: 'UTC' })
  return Array.from({ length: 12 }, (_, i) => {
    const date = new Date(Date.UTC(2024, i, 15))
    const name = short.format(date)
    const abbreviated = name !== long.format(date) && !name.endsWith('.')
    return abbreviated ? `${name}.` : name
  })
}

const MONTHS: Record<Language, readonly string[]> = {
  EN: AP_MONTHS,
  ES: icuMonths('ES'),
  CA: icuMonths('CA'),
}

interface CalendarDay {
  year: number
  month: number
  day: number
}

function parts(date: IsoDate): CalendarDay {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number]
  return { year, month, day }
}

/** The month holding the day before a 1st: the last month the line covers. */
function previousMonth({ year, month }: CalendarDay): CalendarDay {
  return month === 1 ? { year: year - 1, month: 12, day: 1 } : { year, month: month - 1, day: 1 }
}

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
}

/**
 * A line's period (spec 7.8): "Jan. '24 / Dec. '24" for whole months, whose end (the first day
 * not covered) prints as the month before it; "March 15, '24 / April 15, '24" with the days as
 * stored when either date is not a 1st; the start alone for a one-time line; and one text
 * when both ends print the same.
 */
export function linePeriodText(start: IsoDate, end: IsoDate | null, language: Language): string {
  const months = MONTHS[language] ?? MONTHS.EN
  const from = parts(start)
  const to = end === null ? null : parts(end)
  const withDays = from.day !== 1 || (to !== null && to.day !== 1)
  const text = (date: CalendarDay) => {
    const values = {
      month: months[date.month - 1]!,
      day: date.day,
      year: String(date.year % 100).padStart(2, '0'),
    }
    return billText(language, withDays ? 'period.day' : 'period.month', values)
  }

  const first = text(from)
  if (to === null) return capitalised(first)
  const last = text(withDays ? to : previousMonth(to))
  return capitalised(first === last ? first : `${first} / ${last}`)
}

const longDateFormats = new Map<Language, Intl.DateTimeFormat>()

/**
 * "2024-05-31" as the language writes a date in a sentence: "May 31, 2024", "31 de mayo de
 * 2024", "31 de maig del 2024" (Catalan's "d’abril" elision included); from ICU, not tables.
 * Text that is not such a date prints as it is.
 */
export function longDateText(date: string, language: Language): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date)
  if (!match) return date
  let format = longDateFormats.get(language)
  if (!format) {
    const options = { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' } as const
    format = new Intl.DateTimeFormat(localeOf(language), options)
    longDateFormats.set(language, format)
  }
  return format.format(new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))))
}

/**
 * A period text placed inside a sentence ("Del … al …"): the capital 7.8 gives the start of a
 * table cell is taken back where the language writes its months in lower case.
 */
export function periodInSentence(period: string, language: Language): string {
  const locale = localeOf(language)
  const january = new Intl.DateTimeFormat(locale, { month: 'long', timeZone: 'UTC' }).format(0)
  if (january !== january.toLocaleLowerCase(locale)) return period
  return period.charAt(0).toLocaleLowerCase(locale) + period.slice(1)
}
