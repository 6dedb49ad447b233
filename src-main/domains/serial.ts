import { AppError } from '../../src-shared/errors'

/** `YYYYMMDD` of an ISO timestamp, in UTC like every time the app stores. */
export function serialDay(now: string): number {
  return Number(now.slice(0, 10).replaceAll('-', ''))
}

/**
 * The next zone serial (spec 1.5): today's `YYYYMMDD00`, or one more than the current one when
 * that is not lower. A day has 99 versions (00 to 98): the 100th change is refused rather than
 * spill into a date that has not come yet, which slaves could never be brought back from.
 */
export function nextSerial(current: number, now: string): number {
  const candidate = serialDay(now) * 100
  if (candidate > current) return candidate
  const next = current + 1
  if (next % 100 === 99) {
    throw AppError.validation([
      { field: 'serial', rule: 'serial', message: 'has no more serial numbers for today' },
    ])
  }
  return next
}
