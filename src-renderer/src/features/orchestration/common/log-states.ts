import type { LogState } from '../../../../../src-shared/schemas/orchestration'

/** Colours operators read at a glance: waiting orange, running blue, done green, failed red. */
export const LOG_STATE_COLORS: Record<LogState, string> = {
  RECEIVED: 'orange',
  STARTED: 'blue',
  SUCCESS: 'teal',
  NOTHING: 'green',
  FAILURE: 'red',
  ERROR: 'red',
  TIMEOUT: 'red',
  ABORTED: 'gray',
  REVOKED: 'grape',
}

const RUNNING: readonly LogState[] = ['RECEIVED', 'STARTED']
const FAILED: readonly LogState[] = ['FAILURE', 'ERROR', 'TIMEOUT']

/** Not finished yet: waiting for its turn or running on the server. */
export function isRunning(state: LogState): boolean {
  return RUNNING.includes(state)
}

/** Ended badly: the operator must look at it. */
export function isFailed(state: LogState): boolean {
  return FAILED.includes(state)
}
