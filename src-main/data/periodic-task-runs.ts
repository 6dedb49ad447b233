import { and, eq, isNull, lt, lte, or } from 'drizzle-orm'
import { periodicTaskRuns } from '../db/schema'
import type { Tx } from '../db/store'

/**
 * The record of the daily tasks (spec billing 4.5): when each last ran, and the claim that
 * lets one workstation of a shared database run a task while the others skip it. A claim is a
 * conditional update, so two workstations racing for it on PostgreSQL find one winner (the
 * loser's update sees the winner's row, or its serializable write is retried and then does).
 */

export type PeriodicTaskRun = typeof periodicTaskRuns.$inferSelect

export interface TaskClaim {
  task: string
  /** Who runs it: a workstation's operator and session. */
  owner: string
  now: string
  /** When the claim lapses if its holder never finishes (a crash, a closed laptop). */
  until: string
  /** Claim only if the task has not run successfully since this instant. */
  notRunSince?: string
}

export async function getTaskRun(tx: Tx, task: string): Promise<PeriodicTaskRun | undefined> {
  const [row] = await tx.select().from(periodicTaskRuns).where(eq(periodicTaskRuns.task, task))
  return row
}

/** Takes the task for `owner`; false when another holds it or it ran recently enough. */
export async function claimTask(tx: Tx, claim: TaskClaim): Promise<boolean> {
  await tx.insert(periodicTaskRuns).values({ task: claim.task }).onConflictDoNothing()
  const free = or(
    isNull(periodicTaskRuns.claimedUntil),
    lte(periodicTaskRuns.claimedUntil, claim.now),
  )
  const due = claim.notRunSince
    ? or(isNull(periodicTaskRuns.lastRunAt), lt(periodicTaskRuns.lastRunAt, claim.notRunSince))
    : undefined
  const taken = await tx
    .update(periodicTaskRuns)
    .set({ claimedBy: claim.owner, claimedUntil: claim.until })
    .where(and(eq(periodicTaskRuns.task, claim.task), free, due))
    .returning({ task: periodicTaskRuns.task })
  return taken.length === 1
}

export interface TaskFinish {
  task: string
  owner: string
  /** When the run started; recorded as the last run when it succeeded. */
  startedAt: string
  ok: boolean
  outcome: string
}

/** Records how the owner's run went and lets the claim go. */
export async function finishTask(tx: Tx, finish: TaskFinish): Promise<void> {
  await tx
    .update(periodicTaskRuns)
    .set({
      ...(finish.ok && { lastRunAt: finish.startedAt }),
      lastOutcome: finish.outcome,
      claimedBy: null,
      claimedUntil: null,
    })
    .where(
      and(eq(periodicTaskRuns.task, finish.task), eq(periodicTaskRuns.claimedBy, finish.owner)),
    )
}
