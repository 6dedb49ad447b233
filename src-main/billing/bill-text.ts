import type { Language } from '../../src-shared/schemas/accounts'
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

interface PeriodLocale {
  /** Month names as printed, January first. */
  months: readonly string[]
  month(name: string, year: string): string
  day(name: string, day: number, year: string): string
}

const PERIOD_LOCALES: Partial<Record<Language, PeriodLocale>> = {
  // AP style: five months are spelled out, the others abbreviated with a point.
  EN: {
    months: [
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
    ],
    month: (name, year) => `${name} '${year}`,
    day: (name, day, year) => `${name} ${day}, '${year}`,
  },
  // TODO(#7): Spanish and Catalan month tables; until then those accounts read English dates.
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
  const locale = PERIOD_LOCALES[language] ?? PERIOD_LOCALES.EN!
  const from = parts(start)
  const to = end === null ? null : parts(end)
  const withDays = from.day !== 1 || (to !== null && to.day !== 1)
  const text = (date: CalendarDay) => {
    const name = locale.months[date.month - 1]!
    const year = String(date.year % 100).padStart(2, '0')
    return withDays ? locale.day(name, date.day, year) : locale.month(name, year)
  }

  const first = text(from)
  if (to === null) return capitalised(first)
  const last = text(withDays ? to : previousMonth(to))
  return capitalised(first === last ? first : `${first} / ${last}`)
}
