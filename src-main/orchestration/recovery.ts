import { randomUUID } from 'node:crypto'
import { hostname } from 'node:os'
import { and, eq, inArray } from 'drizzle-orm'
import { AppError } from '../../src-shared/errors'
import { backendLogs, backendOperations } from '../db/schema'
import type { Store } from '../db/store'
import { getLogRecord, operationRecords } from '../data/backend-logs'
import type { RunPlan } from './plan'

/** Whether a process of this machine still runs. */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/**
 * A log whose process is gone: its claim expired, or it was claimed on this machine by a
 * process that no longer exists (the app was killed). Logs of another live workstation keep
 * their claim as long as it renews it.
 */
function orphaned(claimedBy: string | null, leaseUntil: string | null, now: string): boolean {
  if (!claimedBy || !leaseUntil || leaseUntil < now) return true
  const [host, pid] = claimedBy.split(':')
  return host === hostname() && Number(pid) !== process.pid && !alive(Number(pid))
}

/**
 * At start: logs left RECEIVED or STARTED by a process that died are marked ABORTED, with
 * what is known, and offered for retry. Returns their ids.
 */
export async function sweepOrphanedLogs(store: Store, now: string): Promise<number[]> {
  return store.write(async (tx) => {
    const open = await tx
      .select()
      .from(backendLogs)
      .where(inArray(backendLogs.state, ['RECEIVED', 'STARTED']))
    const lost = open.filter((row) => orphaned(row.claimedBy, row.leaseUntil, now))
    for (const row of lost) {
      const when =
        row.state === 'STARTED' ? `after it started at ${row.startedAt}` : 'before it started'
      await tx
        .update(backendLogs)
        .set({
          state: 'ABORTED',
          error:
            `Orchestra Desktop stopped ${when}; what ran on ${row.serverName} is not known ` +
            'past the saved output. Retry it to run the script again.',
          finishedAt: now,
          updatedAt: now,
          leaseUntil: null,
        })
        .where(and(eq(backendLogs.id, row.id), eq(backendLogs.state, row.state)))
      await tx
        .update(backendOperations)
        .set({ state: 'ABORTED' })
        .where(eq(backendOperations.logId, row.id))
    }
    return lost.map((row) => row.id)
  })
}

/**
 * A retry runs the recorded script again on the recorded server, as a new log that points to
 * the old one; so a delete can be retried after its object is gone.
 */
export async function planRetry(
  store: Store,
  logId: number,
  options: { actor: string; now: string; claimedBy: string; leaseUntil: string },
): Promise<RunPlan> {
  return store.write(async (tx) => {
    const original = await getLogRecord(tx, logId)
    if (original.state === 'RECEIVED' || original.state === 'STARTED') {
      throw new AppError({ code: 'CONFLICT', message: `Log ${logId} is still running` })
    }
    if (!original.retryable) {
      throw new AppError({
        code: 'FORBIDDEN',
        message:
          `Log ${logId} held secrets that were not stored, so its script cannot be sent ` +
          'again: make the change again instead',
      })
    }
    if (original.serverId === null) {
      throw new AppError({
        code: 'FORBIDDEN',
        message: `The server ${original.serverName} of log ${logId} was deleted`,
      })
    }
    if (!original.script) {
      throw new AppError({ code: 'FORBIDDEN', message: `Log ${logId} has no script to run again` })
    }
    const runId = randomUUID()
    const [log] = await tx
      .insert(backendLogs)
      .values({
        backend: original.backend,
        serverId: original.serverId,
        serverName: original.serverName,
        serverAddress: original.serverAddress,
        state: 'RECEIVED',
        isAsync: false,
        script: original.script,
        retryable: true,
        runId,
        retryOf: original.id,
        actor: options.actor,
        claimedBy: options.claimedBy,
        leaseUntil: options.leaseUntil,
        createdAt: options.now,
        updatedAt: options.now,
      })
      .returning({ id: backendLogs.id })
    const operations = await operationRecords(tx, logId)
    if (operations.length) {
      await tx.insert(backendOperations).values(
        operations.map(({ id: _id, ...operation }) => ({
          ...operation,
          logId: log!.id,
          state: 'PENDING',
          runId,
          createdAt: options.now,
        })),
      )
    }
    return {
      runId,
      logs: [
        {
          id: log!.id,
          serverId: original.serverId,
          backend: original.backend,
          serverName: original.serverName,
          isAsync: false,
          state: 'RECEIVED',
          operations: operations.map((op) => `${op.action} ${op.objectRepr}`),
        },
      ],
      notRouted: [],
      secretScripts: new Map(),
    }
  })
}
