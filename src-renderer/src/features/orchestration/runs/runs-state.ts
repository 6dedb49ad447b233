import type { LogState, RunSummary } from '../../../../../src-shared/schemas/orchestration'
import { isFailed, isRunning } from '../common/log-states'

/** Runs kept in the panel, newest first; older ones are in the backend logs. */
const KEPT = 5

export function addRun(runs: RunSummary[], run: RunSummary): RunSummary[] {
  const others = runs.filter((known) => known.runId !== run.runId)
  return [run, ...others].slice(0, KEPT)
}

/** A log's new state, in whichever run holds it. */
export function setLogState(runs: RunSummary[], id: number, state: LogState): RunSummary[] {
  if (!runs.some((run) => run.logs.some((log) => log.id === id))) return runs
  return runs.map((run) => ({
    ...run,
    logs: run.logs.map((log) => (log.id === id ? { ...log, state } : log)),
  }))
}

/**
 * Done and nothing failed: the panel may go by itself. What no route took is only news (an
 * installation without servers has no routes at all); a failure stays until it is closed.
 */
export function allSettledWell(runs: RunSummary[]): boolean {
  return runs.every((run) => run.logs.every((log) => !isRunning(log.state) && !isFailed(log.state)))
}
