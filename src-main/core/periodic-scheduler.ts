import { addDays } from '../billing/periods'
import { localMoment } from '../data/order-clock'
import { scopedLogger } from './logger'
import { PERIODIC_TASKS, TASK_TIMES, type PeriodicTaskName } from './periodic-tasks'

/**
 * Runs the daily tasks in a running app: each at its local time of day in the installation's
 * zone, and once at start for a task whose last run is more than a day old (the workstation
 * was off at its time). The clock and the timer are the caller's, so tests drive it without
 * waiting. The timer wakes it at least hourly, so a laptop that slept or a zone that changed
 * is noticed within the hour.
 */

const log = scopedLogger('periodic')

const HOUR_MS = 3600_000
const DAY_MS = 24 * HOUR_MS
/** A run this long before a slot counts as the slot's (a catch-up, another workstation's). */
const SLOT_MARGIN_MS = 12 * HOUR_MS

export interface SchedulerTimer {
  setTimeout(callback: () => void, ms: number): unknown
  clearTimeout(handle: unknown): void
}

/** Node's timer, not keeping the process alive on its own. */
export const systemTimer: SchedulerTimer = {
  setTimeout: (callback, ms) => setTimeout(callback, ms).unref(),
  clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
}

export interface SchedulerOptions {
  clock: () => Date
  timer: SchedulerTimer
  /** The installation's zone, read at each wake-up (a setting that may change). */
  timeZone: () => Promise<string>
  /** Runs a task unless it has run since `notRunSince`; never throws for a failed task. */
  run: (task: PeriodicTaskName, notRunSince: Date) => Promise<unknown>
}

// --- Local times of day ------------------------------------------------------------------------

/** The zone's offset from UTC at an instant, in milliseconds. */
function offsetMs(at: Date, zone: string): number {
  const local = localMoment(at, zone).instant.slice(0, 19)
  return Date.parse(`${local}Z`) - Math.floor(at.getTime() / 1000) * 1000
}

/** The instant the zone's clocks show `time` (HH:MM) on `date`; a time skipped by DST moves on. */
export function zonedInstant(date: string, time: string, zone: string): Date {
  const wall = Date.parse(`${date}T${time}:00Z`)
  const first = wall - offsetMs(new Date(wall), zone)
  return new Date(wall - offsetMs(new Date(first), zone))
}

/** The last time the zone's clocks showed `time`, at or before `now`. */
export function latestSlot(now: Date, time: string, zone: string): Date {
  const today = localMoment(now, zone).today
  const slot = zonedInstant(today, time, zone)
  return slot <= now ? slot : zonedInstant(addDays(today, -1), time, zone)
}

/** The next time the zone's clocks show `time`, after `now`. */
export function nextSlot(now: Date, time: string, zone: string): Date {
  const today = localMoment(now, zone).today
  const slot = zonedInstant(today, time, zone)
  return slot > now ? slot : zonedInstant(addDays(today, 1), time, zone)
}

// --- The scheduler -----------------------------------------------------------------------------

export class PeriodicScheduler {
  private handle: unknown = undefined
  private lastCheck = new Date(0)
  private work: Promise<void> = Promise.resolve()
  private stopped = false

  constructor(private readonly options: SchedulerOptions) {}

  /** Catches up on tasks last run over a day ago, then waits for their times. */
  start(): void {
    this.enqueue(() => this.catchUp())
  }

  /** Resolves once the runs started so far have ended: for closing, and for tests. */
  settled(): Promise<void> {
    return this.work
  }

  /** No new run starts; resolves when the one under way has ended. */
  async stop(): Promise<void> {
    this.stopped = true
    if (this.handle !== undefined) this.options.timer.clearTimeout(this.handle)
    this.handle = undefined
    await this.work
  }

  private enqueue(step: () => Promise<void>) {
    this.work = this.work
      .then(step)
      .catch((error: unknown) => log.error(`Periodic tasks check failed: ${String(error)}`))
  }

  private async catchUp() {
    const now = this.options.clock()
    try {
      for (const task of PERIODIC_TASKS) {
        if (this.stopped) return
        await this.options.run(task, new Date(now.getTime() - DAY_MS))
      }
      this.lastCheck = now
    } finally {
      await this.arm(now)
    }
  }

  /** Runs each task whose time came since the last check. */
  private async check() {
    const now = this.options.clock()
    try {
      const zone = await this.options.timeZone()
      for (const task of PERIODIC_TASKS) {
        const slot = latestSlot(now, TASK_TIMES[task], zone)
        if (this.stopped || slot <= this.lastCheck) continue
        await this.options.run(task, new Date(slot.getTime() - SLOT_MARGIN_MS))
      }
      this.lastCheck = now
    } finally {
      await this.arm(now)
    }
  }

  private async arm(now: Date) {
    if (this.stopped) return
    let delay = HOUR_MS
    try {
      const zone = await this.options.timeZone()
      const times = PERIODIC_TASKS.map((task) => nextSlot(now, TASK_TIMES[task], zone).getTime())
      delay = Math.min(Math.max(Math.min(...times) - now.getTime(), 1000), HOUR_MS)
    } catch (error) {
      // The database may be switching; the next wake-up tries again.
      log.warn(`Periodic tasks: no time zone, checking again in an hour: ${String(error)}`)
    }
    if (this.stopped) return
    this.handle = this.options.timer.setTimeout(() => this.enqueue(() => this.check()), delay)
  }
}
