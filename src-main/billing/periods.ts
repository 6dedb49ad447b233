import { Money } from './money'
import type {
  BilledOrder,
  BilledService,
  BillingOptions,
  BillingPeriod,
  IgnorePeriod,
  IsoDate,
} from './types'

/**
 * Calendar arithmetic for billing (spec: billing conventions, 4.1, 6.2, 6.3, 6.10). Dates are
 * `YYYY-MM-DD` text and intervals are half open. Everything is computed on UTC day numbers, so
 * neither the machine's time zone nor a summer-time change can shift a day.
 */

// ---------------------------------------------------------------------------------------------
// Dates

const DAY_MS = 86_400_000
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/

interface Ymd {
  year: number
  month: number
  day: number
}

function parse(date: IsoDate): Readonly<Ymd> {
  let known = parsedDates.get(date)
  if (known === undefined) {
    known = parseDate(date)
    if (parsedDates.size >= KNOWN_DATES_LIMIT) parsedDates.clear()
    parsedDates.set(date, known)
  }
  return known
}

/**
 * Dates already parsed. A run reads the same few hundred dates thousands of times (every order
 * of a service shares its billing point), and a parsed date is never changed by its readers.
 */
const parsedDates = new Map<IsoDate, Readonly<Ymd>>()
const KNOWN_DATES_LIMIT = 100_000

function parseDate(date: IsoDate): Ymd {
  const match = ISO_DATE.exec(date)
  if (!match) throw new RangeError(`Not a calendar date: ${date}`)
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])]
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    throw new RangeError(`Not a calendar date: ${date}`)
  }
  return { year, month, day }
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0')
}

function format(year: number, month: number, day: number): IsoDate {
  // The same few hundred dates are written over and over, as they are parsed.
  const key = (year * 100 + month) * 100 + day
  let text = formattedDates.get(key)
  if (text === undefined) {
    text = `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`
    if (formattedDates.size >= KNOWN_DATES_LIMIT) formattedDates.clear()
    formattedDates.set(key, text)
  }
  return text
}

const formattedDates = new Map<number, IsoDate>()

function dayNumber(date: IsoDate): number {
  const { year, month, day } = parse(date)
  return Date.UTC(year, month - 1, day) / DAY_MS
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]

export function daysInMonth(year: number, month: number): number {
  return month === 2 && isLeapYear(year) ? 29 : MONTH_DAYS[month - 1]!
}

export function daysInYear(year: number): number {
  return isLeapYear(year) ? 366 : 365
}

/** The date `year-month-day`, the day cut to the month's last one (31 April is 30 April). */
export function clampedDate(year: number, month: number, day: number): IsoDate {
  return format(year, month, Math.min(day, daysInMonth(year, month)))
}

export function addDays(date: IsoDate, days: number): IsoDate {
  const moved = new Date((dayNumber(date) + days) * DAY_MS)
  return format(moved.getUTCFullYear(), moved.getUTCMonth() + 1, moved.getUTCDate())
}

/** Whole calendar months later (or earlier), keeping the day or the month's last day. */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const { year, month, day } = parse(date)
  const index = year * 12 + (month - 1) + months
  return clampedDate(Math.floor(index / 12), (index % 12) + 1, day)
}

/** Days from `ini` to `end`: negative when `end` comes first. */
export function daysBetween(ini: IsoDate, end: IsoDate): number {
  return dayNumber(end) - dayNumber(ini)
}

export function compareDates(a: IsoDate, b: IsoDate): number {
  return Math.sign(dayNumber(a) - dayNumber(b))
}

export function minDate(a: IsoDate, b: IsoDate): IsoDate {
  return compareDates(a, b) <= 0 ? a : b
}

export function maxDate(a: IsoDate, b: IsoDate): IsoDate {
  return compareDates(a, b) >= 0 ? a : b
}

// ---------------------------------------------------------------------------------------------
// Calendar difference

export interface Rdelta {
  years: number
  months: number
  days: number
}

/**
 * Calendar difference by the relativedelta rule: as many whole months from `ini` (clamped to
 * month end) as stay at or before `end`, then the remaining days. Months are always counted
 * from `ini` itself, so 29 February plus 12 months is 28 February, one year and no day.
 */
export function rdelta(end: IsoDate, ini: IsoDate): Rdelta {
  if (compareDates(end, ini) < 0) throw new RangeError(`Interval ends before it starts: ${ini}`)
  const total = wholeMonths(ini, end)
  return {
    years: Math.floor(total / 12),
    months: total % 12,
    days: daysBetween(addMonths(ini, total), end),
  }
}

function wholeMonths(ini: IsoDate, end: IsoDate, day = parse(ini).day): number {
  const from = parse(ini)
  const to = parse(end)
  let months = (to.year - from.year) * 12 + (to.month - from.month)
  if (compareDates(stepMonths(ini, months, day), end) > 0) months -= 1
  return months
}

/** `months` calendar months after `ini`, on `day` of that month or its last day. */
function stepMonths(ini: IsoDate, months: number, day: number): IsoDate {
  const { year, month } = parse(ini)
  const index = year * 12 + (month - 1) + months
  return clampedDate(Math.floor(index / 12), (index % 12) + 1, day)
}

/**
 * The day whole months step to from `ini`. It is ini's own day, except where `ini` is the
 * order's anchor day cut short by a short month: an order renewed on the 31st runs from
 * 29 February to 31 March, and that is one month, not a month and two days.
 */
function stepDay(ini: IsoDate, anchor: IsoDate | undefined): number {
  const from = parse(ini)
  const anchorDay = anchor === undefined ? from.day : parse(anchor).day
  const cut = anchorDay > from.day && from.day === daysInMonth(from.year, from.month)
  return cut ? anchorDay : from.day
}

// ---------------------------------------------------------------------------------------------
// Size: the pro-rata factor (spec 6.3)

/** Sizes are kept as whole multiples of these, so that they add up without any rounding. */
const MONTHLY_UNIT = 377_580 // lcm(28, 29, 30, 31): a day of any month is a whole number
const ANNUAL_UNIT = 267_180 // lcm(12, 365, 366): a month or a day of any year likewise

export interface SizeFraction {
  numerator: number
  denominator: number
}

/** The period a size is counted in: months, years, or once for one-time services. */
export type SizeForm = 'MONTHLY' | 'ANUAL' | 'ONCE'

export function sizeForm(service: Pick<BilledService, BillingPeriodFields>): SizeForm {
  if (service.billingPeriod === '') return 'ONCE'
  if (service.billingPeriod === 'MONTHLY') return 'MONTHLY'
  // A prepaid annual service priced per month (a monthly pack paid a year ahead) is a number of
  // months, since its rated price is a monthly one.
  const monthlyPricing = effectivePricingPeriod(service) === 'MONTHLY'
  return service.paymentStyle === 'PREPAY' && monthlyPricing ? 'MONTHLY' : 'ANUAL'
}

/**
 * The exact size of [ini, end) as a fraction. Whole months by the relativedelta rule count
 * exactly (a month is 1, or 1/12 of a year, whatever its length); each remaining day counts in
 * its own calendar month (1/28 to 1/31) or its own year (1/365 or 1/366). The original divided
 * every remaining day by the length of the END month or year, and rounded the size to cents.
 *
 * Because whole months count from `ini`, sizes add up over intervals split on `ini`'s monthly
 * grid or within a month, not over any split: 15 January to 15 February is exactly 1, while
 * 15 January to 1 February (17/31) plus 1 to 15 February (14/28) is more. For the same reason
 * 15 January to 14 February (17/31 + 13/28) counts a little more than the whole month.
 */
export function sizeFraction(
  form: SizeForm,
  ini: IsoDate,
  end: IsoDate,
  anchor?: IsoDate,
): SizeFraction {
  if (form === 'ONCE') return { numerator: 1, denominator: 1 }
  const unit = form === 'MONTHLY' ? MONTHLY_UNIT : ANNUAL_UNIT
  const day = stepDay(ini, anchor)
  const months = wholeMonths(ini, end, day)
  if (months < 0) throw new RangeError(`Interval ends before it starts: ${ini} to ${end}`)

  const whole = form === 'MONTHLY' ? months * unit : (months * unit) / 12
  const share = (year: number, month: number, days: number) =>
    (days * unit) / (form === 'MONTHLY' ? daysInMonth(year, month) : daysInYear(year))

  // Less than a month remains, so it lies in one calendar month or in two consecutive ones.
  const from = parse(stepMonths(ini, months, day))
  const to = parse(end)
  let numerator = whole
  if (from.year === to.year && from.month === to.month) {
    numerator += share(from.year, from.month, to.day - from.day)
  } else {
    numerator += share(from.year, from.month, daysInMonth(from.year, from.month) - from.day + 1)
    numerator += share(to.year, to.month, to.day - 1)
  }
  return { numerator, denominator: unit }
}

/**
 * The size of [ini, end) for a service (spec 6.3), exact: never rounded before pricing. The
 * `anchor` is the date an order's periods repeat from (see `sizeAnchor`), so that a period
 * starting on a month-end cut short by a short month still counts as whole months.
 */
export function size(service: BilledService, ini: IsoDate, end: IsoDate, anchor?: IsoDate): Money {
  const form = sizeForm(service)
  const key = `${form} ${ini} ${end} ${anchor ?? ''}`
  let known = knownSizes.get(key)
  if (known === undefined) {
    const { numerator, denominator } = sizeFraction(form, ini, end, anchor)
    known = new Money(numerator).dividedBy(denominator)
    if (knownSizes.size >= KNOWN_SIZES_LIMIT) knownSizes.clear()
    knownSizes.set(key, known)
  }
  return known
}

/**
 * Sizes already computed, by form and dates. A run prices thousands of orders over far fewer
 * distinct intervals (orders share registration and billing dates), and a size is a pure
 * function of them; a Money is immutable, so one value can be handed out many times. Emptied
 * when it reaches its bound: it only saves work, so forgetting costs nothing but time.
 */
const knownSizes = new Map<string, Money>()
const KNOWN_SIZES_LIMIT = 100_000

/** The date an order's periods repeat from: its registration on ON_REGISTER, else none. */
export function sizeAnchor(
  service: Pick<BilledService, 'billingPoint'>,
  order: Pick<BilledOrder, 'registeredOn'>,
): IsoDate | undefined {
  return service.billingPoint === 'ON_REGISTER' ? order.registeredOn : undefined
}

// ---------------------------------------------------------------------------------------------
// Periods

type BillingPeriodFields = 'billingPeriod' | 'pricingPeriod' | 'paymentStyle'

/** The pricing period in force: BILLING_PERIOD stands for the billing period ('' if one-time). */
export function effectivePricingPeriod(
  service: Pick<BilledService, 'billingPeriod' | 'pricingPeriod'>,
): BillingPeriod {
  return service.pricingPeriod === 'BILLING_PERIOD' ? service.billingPeriod : service.pricingPeriod
}

function periodMonths(period: Exclude<BillingPeriod, ''>): number {
  return period === 'MONTHLY' ? 1 : 12
}

/** One period earlier: the start of the trailing window register-or-renew counts events in. */
export function minusPeriod(date: IsoDate, period: Exclude<BillingPeriod, ''>): IsoDate {
  return addMonths(date, -periodMonths(period))
}

// ---------------------------------------------------------------------------------------------
// Billing point: the end of the period a run bills (spec 6.2)

/**
 * Where an order's billing stops in a run, computed per order (the original reused the first
 * order's point, cancellation cut included, for the orders after it).
 *
 * Renewal dates come from the order's anchor, never from its last billed date, so a date cut to
 * a short month's end (31st to 30 April) does not drift. Product choices where the original
 * crashed or ignored the run's date:
 * - annual POSTPAY bills up to the anchor at or before the run's date;
 * - monthly POSTPAY does likewise: it honours the chosen date (the original took today's month)
 *   and, like annual, never bills time after that date that has not been consumed yet.
 */
export function billingPoint(
  service: BilledService,
  order: Pick<BilledOrder, 'registeredOn' | 'cancelledOn'>,
  options: Pick<BillingOptions, 'billingPoint' | 'fixedPoint'>,
): IsoDate {
  const point = options.fixedPoint ? options.billingPoint : periodEnd(service, order, options)
  const cancelled = order.cancelledOn
  const cut = service.onCancel !== 'NOTHING' && cancelled && compareDates(cancelled, point) < 0
  return cut ? cancelled : point
}

function periodEnd(
  service: BilledService,
  order: Pick<BilledOrder, 'registeredOn'>,
  options: Pick<BillingOptions, 'billingPoint'>,
): IsoDate {
  if (service.billingPeriod === '') return order.registeredOn
  const run = parse(options.billingPoint)
  const registered = parse(order.registeredOn)
  const onRegister = service.billingPoint === 'ON_REGISTER'
  const prepay = service.paymentStyle === 'PREPAY'

  if (service.billingPeriod === 'MONTHLY') {
    const day = onRegister ? registered.day : 1
    if (prepay) {
      const next = parse(addMonths(options.billingPoint, 1))
      return clampedDate(next.year, next.month, day)
    }
    const candidate = clampedDate(run.year, run.month, day)
    if (compareDates(candidate, options.billingPoint) <= 0) return candidate
    const previous = parse(addMonths(format(run.year, run.month, 1), -1))
    return clampedDate(previous.year, previous.month, day)
  }

  const month = onRegister ? registered.month : service.annualBillingMonth
  const day = onRegister ? registered.day : 1
  if (prepay) return clampedDate(run.month >= month ? run.year + 1 : run.year, month, day)
  const candidate = clampedDate(run.year, month, day)
  const before = compareDates(candidate, options.billingPoint) <= 0
  return before ? candidate : clampedDate(run.year - 1, month, day)
}

// ---------------------------------------------------------------------------------------------
// Pricing slots (spec 6.10)

export interface Slot {
  ini: IsoDate
  end: IsoDate
}

/**
 * The calendar-aligned pricing periods that cover [start, bp): a traffic order registered on
 * the 15th is priced on its whole first month. Slots lie on a grid of anchors: day 1 (and the
 * annual billing month) for fixed dates, the day (and month) of `anchor` for ON_REGISTER. The
 * spec anchors ON_REGISTER on the slot's start date; the engine passes the registration date
 * instead, so that a start cut to a month's end does not move later slots.
 *
 * The first slot starts at the last anchor at or before `start`. The spec takes the anchor of
 * start's year, which for an annual grid can fall after `start` and leave its first months out.
 * Without a pricing period there is one slot, [start, bp).
 */
export function pricingSlots(
  service: BilledService,
  start: IsoDate,
  bp: IsoDate,
  anchor: IsoDate = start,
): Slot[] {
  if (compareDates(start, bp) >= 0) return []
  const period = effectivePricingPeriod(service)
  if (period === '') return [{ ini: start, end: bp }]

  const step = periodMonths(period)
  const origin = slotOrigin(service, period, start, anchor)
  const slots: Slot[] = []
  let index = Math.floor(wholeMonths(origin, start) / step)
  for (let end = start; compareDates(end, bp) < 0; index++) {
    end = addMonths(origin, (index + 1) * step)
    slots.push({ ini: addMonths(origin, index * step), end })
  }
  return slots
}

/** A date on the slots' grid: months counted from it land on every anchor. */
function slotOrigin(
  service: BilledService,
  period: Exclude<BillingPeriod, ''>,
  start: IsoDate,
  anchor: IsoDate,
): IsoDate {
  if (service.billingPoint === 'ON_REGISTER') return anchor
  const year = parse(start).year
  return format(year, period === 'ANUAL' ? service.annualBillingMonth : 1, 1)
}

// ---------------------------------------------------------------------------------------------
// Trial (spec 4.1)

/**
 * Whether an order cancelled on `cancelledOn` (by default its own date) was still in its trial:
 * `cancelledOn − period ≤ registeredOn`. ONE_MONTH is one calendar month back, cut to the end
 * of a shorter month (the original crashed building a time delta of months).
 */
export function inTrial(
  order: Pick<BilledOrder, 'registeredOn' | 'cancelledOn'>,
  ignorePeriod: IgnorePeriod,
  cancelledOn: IsoDate | null = order.cancelledOn,
): boolean {
  if (ignorePeriod === '' || cancelledOn === null) return false
  return compareDates(trialStart(cancelledOn, ignorePeriod), order.registeredOn) <= 0
}

function trialStart(cancelledOn: IsoDate, ignorePeriod: Exclude<IgnorePeriod, ''>): IsoDate {
  switch (ignorePeriod) {
    case 'ONE_DAY':
      return addDays(cancelledOn, -1)
    case 'TWO_DAYS':
      return addDays(cancelledOn, -2)
    case 'TEN_DAYS':
      return addDays(cancelledOn, -10)
    case 'ONE_MONTH':
      return addMonths(cancelledOn, -1)
  }
}
