import { and, asc, eq } from 'drizzle-orm'
import type { OrderUpdateJob } from '../../src-shared/schemas/billing-orders'
import { services } from '../db/schema'
import type { Tx } from '../db/store'
import {
  orderUpdateFinished,
  previewServiceOrders,
  startServiceOrderUpdate,
  type JobRunner,
} from './order-update-job'

/**
 * The daily "update orders" (spec billing 4.5) of every active service with periodicUpdate:
 * for matches that depend on other objects (an account's type, a plan, a domain list), which
 * no write of the object itself resynchronises. Each service runs as the job an operator
 * starts from its page, one after another, so the batches stay short.
 */

export interface PeriodicOrderUpdate {
  services: number
  created: number
  updated: number
  cancelled: number
  errors: number
  /** Services whose job stopped, with why. */
  failed: { serviceId: number; message: string }[]
}

export async function periodicServiceIds(tx: Tx): Promise<number[]> {
  const rows = await tx
    .select({ id: services.id })
    .from(services)
    .where(and(eq(services.isActive, true), eq(services.periodicUpdate, true)))
    .orderBy(asc(services.id))
  return rows.map((row) => row.id)
}

function emptyUpdate(count: number): PeriodicOrderUpdate {
  return { services: count, created: 0, updated: 0, cancelled: 0, errors: 0, failed: [] }
}

function add(total: PeriodicOrderUpdate, job: OrderUpdateJob) {
  total.created += job.created
  total.updated += job.updated
  total.cancelled += job.cancelled
  total.errors += job.errors
  if (job.state === 'failed') {
    total.failed.push({ serviceId: job.serviceId, message: job.message ?? 'failed' })
  }
}

/** What the update would do, changing nothing, in the caller's unit of work. */
export async function previewPeriodicOrders(tx: Tx, now: string): Promise<PeriodicOrderUpdate> {
  const ids = await periodicServiceIds(tx)
  const total = emptyUpdate(ids.length)
  for (const serviceId of ids) {
    const decisions = await previewServiceOrders(tx, serviceId, now)
    for (const { action } of decisions) {
      if (action === 'create') total.created++
      else if (action === 'update') total.updated++
      else if (action === 'cancel') total.cancelled++
      else total.errors++
    }
  }
  return total
}

/** Updates the orders of every periodic service, a job per service, and sums what they did. */
export async function updatePeriodicOrders(runner: JobRunner): Promise<PeriodicOrderUpdate> {
  const ids = await runner.write(({ tx }) => periodicServiceIds(tx))
  const total = emptyUpdate(ids.length)
  for (const serviceId of ids) {
    try {
      const started = await startServiceOrderUpdate(runner, serviceId)
      add(total, await orderUpdateFinished(started.jobId))
    } catch (error) {
      // Disabled or deleted since the list was read: the others still run.
      const message = error instanceof Error ? error.message : String(error)
      total.failed.push({ serviceId, message })
    }
  }
  return total
}
