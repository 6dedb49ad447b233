import type { RunSummary } from '../../../../../src-shared/schemas/orchestration'
import { isFailed, isRunning } from '../common/log-states'

export type RunStatus = 'running' | 'failed' | 'notRouted' | 'sent'

/**
 * What the header says: the latest run's state, the most urgent first. Older failures keep
 * their red notifications; the header follows what was sent last.
 */
export function runStatus(runs: RunSummary[]): { status: RunStatus; count: number } {
  const latest = runs.slice(0, 1)
  const logs = latest.flatMap((run) => run.logs)
  const running = logs.filter((log) => isRunning(log.state)).length
  if (running) return { status: 'running', count: running }
  const failed = logs.filter((log) => isFailed(log.state)).length
  if (failed) return { status: 'failed', count: failed }
  const notRouted = latest.reduce((sum, run) => sum + run.notRouted.length, 0)
  if (notRouted) return { status: 'notRouted', count: notRouted }
  return { status: 'sent', count: logs.length }
}
