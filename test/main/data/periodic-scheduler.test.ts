import { afterEach, describe, expect, it } from 'vitest'
import { getTaskRun } from '../../../src-main/data/periodic-task-runs'
import type { SchedulerTimer } from '../../../src-main/core/periodic-scheduler'
import { periodicTaskRuns } from '../../../src-main/db/schema'
import { makeCore, type TestCore } from '../../support/core'

// Spec billing 4.5: the app runs the daily tasks at 04:30 and 05:30 in the installation's zone,
// catching up at start. A hand-driven clock and timer stand in for time.

let now = new Date('2026-07-01T10:00:00Z')

/** Timers that fire only when a test moves the clock past them. */
class FakeTimer implements SchedulerTimer {
  private next = 1
  readonly pending = new Map<number, { at: number; callback: () => void }>()

  setTimeout(callback: () => void, ms: number) {
    const id = this.next++
    this.pending.set(id, { at: now.getTime() + ms, callback })
    return id
  }

  clearTimeout(handle: unknown) {
    this.pending.delete(handle as number)
  }

  /** Moves the clock to `to`, firing each timer due on the way and letting its run end. */
  async advanceTo(to: string, settled: () => Promise<void>) {
    const end = Date.parse(to)
    for (;;) {
      const due = [...this.pending].sort((a, b) => a[1].at - b[1].at)[0]
      if (!due || due[1].at > end) break
      this.pending.delete(due[0])
      now = new Date(due[1].at)
      due[1].callback()
      await settled()
    }
    now = new Date(end)
  }
}

let core: TestCore
let timer: FakeTimer

async function open(at: string, seed?: string) {
  now = new Date(at)
  timer = new FakeTimer()
  const setup = await makeCore({ clock: () => now })
  await setup.dispatcher.dispatch('settings:update', {
    name: 'ORDERS_TIME_ZONE',
    value: 'Europe/Madrid',
  })
  if (seed) {
    await setup.store.write((tx) =>
      tx.insert(periodicTaskRuns).values([
        { task: 'metrics-cleanup', lastRunAt: seed },
        { task: 'update-orders', lastRunAt: seed },
      ]),
    )
  }
  // The same database, opened again as the app opens it.
  const app = await makeCore({
    clock: () => now,
    database: setup.info.database.location,
    periodicTasks: { timer },
  })
  let appOpen = true
  core = {
    ...app,
    close: async () => {
      appOpen = false
      await app.close()
    },
    dispose: async () => {
      if (appOpen) await app.close()
      await setup.dispose()
    },
  }
  await core.periodicTasks!.settled()
}

const lastRuns = async () =>
  core.store.read(async (tx) => [
    (await getTaskRun(tx, 'metrics-cleanup'))?.lastRunAt,
    (await getTaskRun(tx, 'update-orders'))?.lastRunAt,
  ])

const advanceTo = (to: string) => timer.advanceTo(to, () => core.periodicTasks!.settled())

afterEach(() => core.dispose())

describe('PeriodicScheduler', () => {
  it('catches up at start on tasks never run, then runs each at its local time', async () => {
    await open('2026-07-01T10:00:00Z')
    expect(await lastRuns()).toEqual(['2026-07-01T10:00:00.000Z', '2026-07-01T10:00:00.000Z'])

    // 04:30 and 05:30 in Madrid in summer are 02:30 and 03:30 UTC.
    await advanceTo('2026-07-02T03:00:00Z')
    expect(await lastRuns()).toEqual(['2026-07-02T02:30:00.000Z', '2026-07-01T10:00:00.000Z'])
    await advanceTo('2026-07-02T04:00:00Z')
    expect(await lastRuns()).toEqual(['2026-07-02T02:30:00.000Z', '2026-07-02T03:30:00.000Z'])
  })

  it('does not catch up on a run less than a day old', async () => {
    await open('2026-07-01T10:00:00Z', '2026-06-30T12:00:00.000Z')
    expect(await lastRuns()).toEqual(['2026-06-30T12:00:00.000Z', '2026-06-30T12:00:00.000Z'])
  })

  it('counts a catch-up shortly before a task time as that day’s run', async () => {
    // Started at 04:00 in Madrid after two days off: the 04:30 cleanup is not run again.
    await open('2026-07-01T02:00:00Z', '2026-06-29T02:30:00.000Z')
    await advanceTo('2026-07-01T04:00:00Z')
    expect(await lastRuns()).toEqual(['2026-07-01T02:00:00.000Z', '2026-07-01T02:00:00.000Z'])
  })

  it('stops with the core: no timer is left', async () => {
    await open('2026-07-01T10:00:00Z')
    expect(timer.pending.size).toBe(1)
    await core.close()
    expect(timer.pending.size).toBe(0)
  })
})
