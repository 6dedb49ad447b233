import type { IsoDate } from '../billing/types'
import type { MetricMoment } from '../billing/metric-storage'
import type { Tx } from '../db/store'
import { settingValue } from './settings'

/**
 * "Today" for orders (spec billing 4): the calendar date in the installation's time zone, the
 * ORDERS_TIME_ZONE setting or else this workstation's. An order registered at 00:30 in Madrid
 * is registered that day, not the day before as UTC would have it. The instant itself is the
 * unit of work's `now`, which tests pin through the core's clock.
 */

export function systemTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone
}

export async function orderTimeZone(tx: Tx): Promise<string> {
  return (await settingValue(tx, 'ORDERS_TIME_ZONE')) || systemTimeZone()
}

/** The local date and the instant with its local offset, e.g. `2024-05-01T10:00:00+02:00`. */
export function localMoment(instant: string | Date, timeZone: string): MetricMoment {
  const at = typeof instant === 'string' ? new Date(instant) : instant
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    })
      .formatToParts(at)
      .map((part) => [part.type, part.value]),
  ) as Record<string, string>
  const today: IsoDate = `${parts.year}-${parts.month}-${parts.day}`
  const local = `${today}T${parts.hour}:${parts.minute}:${parts.second}`
  const offsetMinutes = Math.round((Date.parse(`${local}Z`) - at.getTime()) / 60_000)
  return { today, instant: `${local}${formatOffset(offsetMinutes)}` }
}

function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+'
  const abs = Math.abs(minutes)
  const hh = String(Math.floor(abs / 60)).padStart(2, '0')
  const mm = String(abs % 60).padStart(2, '0')
  return `${sign}${hh}:${mm}`
}

/** The moment of a unit of work in the installation's zone. */
export async function orderMoment(tx: Tx, now: string): Promise<MetricMoment> {
  return localMoment(now, await orderTimeZone(tx))
}
