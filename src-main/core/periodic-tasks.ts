import { cleanupMetricRows, type MetricCleanup } from '../data/order-metrics'
import {
  previewPeriodicOrders,
  updatePeriodicOrders,
  type PeriodicOrderUpdate,
} from '../data/periodic-order-updates'
import { claimTask, finishTask, getTaskRun } from '../data/periodic-task-runs'
import type { Core } from './core'
import { scopedLogger } from './logger'

/**
 * The daily tasks of spec billing 4.5, as the scheduler of a running app and the command line
 * run them: the metric cleanup (spec 4.3) and "update orders" of the periodic services. A run
 * claims its task first, so two workstations on one database never run it together.
 */

const log = scopedLogger('periodic')

export const PERIODIC_TASKS = ['metrics-cleanup', 'update-orders'] as const
export type PeriodicTaskName = (typeof PERIODIC_TASKS)[number]

/** The local time of day each task runs at, in the installation's zone. */
export const TASK_TIMES: Record<PeriodicTaskName, string> = {
  'metrics-cleanup': '04:30',
  'update-orders': '05:30',
}

/** A claim lapses after this, should its workstation stop in the middle of a run. */
const CLAIM_MS = 6 * 3600_000

export type TaskReport =
  | { task: 'metrics-cleanup'; cleanup: MetricCleanup }
  | { task: 'update-orders'; update: PeriodicOrderUpdate }

export type TaskRun =
  | { state: 'done'; report: TaskReport }
  | { state: 'failed'; message: string }
  /** Another workstation holds the task, or it ran recently enough. */
  | { state: 'skipped'; heldBy: string | null }

/** What a run did, in one line: for the log, the record and the command line. */
export function reportText(report: TaskReport, dryRun = false): string {
  if (report.task === 'metrics-cleanup') {
    const { rows, orders } = report.cleanup
    return `${dryRun ? 'would delete' : 'deleted'} ${rows} metric rows of ${orders} orders`
  }
  const { services, created, updated, cancelled, errors, failed } = report.update
  const stopped = failed.length ? `, ${failed.length} services failed` : ''
  return (
    `${services} periodic services: ${created} orders ${dryRun ? 'to create' : 'created'}, ` +
    `${updated} updated, ${cancelled} cancelled, ${errors} errors${stopped}`
  )
}

/** Runs one task now, without claiming it; a dry run changes nothing. */
export async function performTask(
  core: Core,
  task: PeriodicTaskName,
  options: { dryRun?: boolean; now: Date },
): Promise<TaskReport> {
  const now = options.now.toISOString()
  if (task === 'metrics-cleanup') {
    const cleanup = options.dryRun
      ? await core.store.read((tx) => cleanupMetricRows(tx, { dryRun: true }))
      : await core.dispatcher.write(({ tx }) => cleanupMetricRows(tx))
    return { task, cleanup }
  }
  const update = options.dryRun
    ? await core.store.read((tx) => previewPeriodicOrders(tx, now))
    : await updatePeriodicOrders({
        write: (work) => core.dispatcher.write((scope) => work(scope)),
        progress: (job) => core.events.emit('orders:updateProgress', job),
      })
  return { task, update }
}

export interface ClaimedRunOptions {
  /** Who runs it, as the record names the holder. */
  owner: string
  now: Date
  /** Run only if the task has not run since; none: run whenever no one else is running it. */
  notRunSince?: Date
}

/** Claims the task, runs it and records the outcome; failures come back as data. */
export async function runClaimedTask(
  core: Core,
  task: PeriodicTaskName,
  options: ClaimedRunOptions,
): Promise<TaskRun> {
  const startedAt = options.now.toISOString()
  const claimed = await core.store.write((tx) =>
    claimTask(tx, {
      task,
      owner: options.owner,
      now: startedAt,
      until: new Date(options.now.getTime() + CLAIM_MS).toISOString(),
      notRunSince: options.notRunSince?.toISOString(),
    }),
  )
  if (!claimed) {
    const record = await core.store.read((tx) => getTaskRun(tx, task))
    const held = record?.claimedUntil && record.claimedUntil > startedAt
    return { state: 'skipped', heldBy: held ? record.claimedBy : null }
  }

  let run: TaskRun
  try {
    run = { state: 'done', report: await performTask(core, task, { now: options.now }) }
  } catch (error) {
    run = { state: 'failed', message: error instanceof Error ? error.message : String(error) }
  }
  const outcome = run.state === 'done' ? reportText(run.report) : `failed: ${run.message}`
  if (run.state === 'done') log.info(`Ran ${task}: ${outcome}`)
  else log.error(`Running ${task} failed: ${run.message}`)
  await core.store.write((tx) =>
    finishTask(tx, { task, owner: options.owner, startedAt, ok: run.state === 'done', outcome }),
  )
  return run
}
