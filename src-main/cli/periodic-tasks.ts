import { openCore, type CoreOptions } from '../core/core'
import {
  PERIODIC_TASKS,
  performTask,
  reportText,
  runClaimedTask,
  type PeriodicTaskName,
  type TaskReport,
} from '../core/periodic-tasks'

export interface PeriodicTasksOptions extends CoreOptions {
  only?: string
  dryRun: boolean
}

const isTask = (name: string): name is PeriodicTaskName =>
  (PERIODIC_TASKS as readonly string[]).includes(name)

/** A run that finished but left work undone: a service's update stopped. */
const incomplete = (report: TaskReport) =>
  report.task === 'update-orders' && report.update.failed.length > 0

/**
 * `orchestra periodic-tasks [--only <task>] [--dry-run]`: the daily tasks of spec billing 4.5
 * for a system timer, one line each. A run is recorded like the app's, so the workstations do
 * not run it again that day; a task another workstation is running is skipped. Exit 0 when all
 * ran, 1 when one failed or was skipped, 2 for an unknown task.
 */
export async function periodicTasksCommand(options: PeriodicTasksOptions): Promise<number> {
  const out = (text: string) => process.stdout.write(`${text}\n`)
  if (options.only !== undefined && !isTask(options.only)) {
    process.stderr.write(`--only takes one of: ${PERIODIC_TASKS.join(', ')}\n`)
    return 2
  }
  const tasks = options.only ? [options.only as PeriodicTaskName] : PERIODIC_TASKS

  const core = await openCore({ ...options, quietLogs: true })
  const owner = `${core.info.operator} (command line)`
  let code = 0
  try {
    for (const task of tasks) {
      const now = new Date()
      if (options.dryRun) {
        const report = await performTask(core, task, { dryRun: true, now })
        out(`${task}: ${reportText(report, true)}`)
        continue
      }
      const run = await runClaimedTask(core, task, { owner, now })
      if (run.state === 'done') out(`${task}: ${reportText(run.report)}`)
      else if (run.state === 'failed') out(`${task}: failed: ${run.message}`)
      else out(`${task}: skipped, ${run.heldBy ?? 'another workstation'} is running it`)
      if (run.state !== 'done' || incomplete(run.report)) code = 1
    }
    if (options.dryRun) out('Dry run: nothing was written.')
    return code
  } finally {
    await core.close()
  }
}
