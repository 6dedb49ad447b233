import { sqliteTable, text } from 'drizzle-orm/sqlite-core'

/**
 * The daily tasks of spec billing 4.5, one row per task: when it last ran and who holds it.
 * Workstations on a shared database claim a task by a conditional update of its row, so one
 * runs it while the others skip; a claim lapses at `claimedUntil` should its holder die.
 */
export const periodicTaskRuns = sqliteTable('periodic_task_runs', {
  task: text('task').primaryKey(),
  /** When the last successful run started (an ISO instant). */
  lastRunAt: text('last_run_at'),
  /** What the last run did or why it failed, for the log and the command line. */
  lastOutcome: text('last_outcome'),
  claimedBy: text('claimed_by'),
  claimedUntil: text('claimed_until'),
})
