import { randomUUID } from 'node:crypto'
import { and, asc, eq, gt, isNull, or } from 'drizzle-orm'
import { AppError } from '../../src-shared/errors'
import type { OrderUpdateJob } from '../../src-shared/schemas/billing-orders'
import type { BillableModel } from '../../src-shared/schemas/billing-services'
import { scopedLogger } from '../core/logger'
import { orders, services } from '../db/schema'
import type { Tx } from '../db/store'
import type { WriteContext } from './context'
import { loadBillableObjects } from './billable-objects'
import { orderMoment } from './order-clock'
import { syncOrdersForObjects, type ServiceRecord, type SyncDecision } from './order-sync'

/**
 * "Update orders" of one service (spec billing 2.3 and 13): a dry run that lists what each
 * object's order would do, and an apply that runs as a background job, a batch of objects per
 * unit of work, reporting progress after each, so no request waits on thousands of objects.
 */

const log = scopedLogger('orders')

/** Objects per unit of work: short transactions that leave the database to others between. */
export const ORDER_UPDATE_BATCH = 200

async function serviceRecord(tx: Tx, serviceId: number): Promise<ServiceRecord> {
  const [service] = await tx.select().from(services).where(eq(services.id, serviceId))
  if (!service) throw AppError.notFound('Service', serviceId)
  return service
}

/** The service's objects, and the objects of its active orders that no longer exist. */
async function targetIds(tx: Tx, service: ServiceRecord, today: string): Promise<number[]> {
  const model = service.contentType as BillableModel
  const objects = await loadBillableObjects(tx, model)
  const ordered = await tx
    .select({ objectId: orders.objectId })
    .from(orders)
    .where(
      and(
        eq(orders.serviceId, service.id),
        or(isNull(orders.cancelledOn), gt(orders.cancelledOn, today)),
      ),
    )
    .orderBy(asc(orders.objectId))
  const ids = new Set([...objects.map((object) => object.id), ...ordered.map((o) => o.objectId)])
  return [...ids].sort((a, b) => a - b)
}

/** What "update orders" would do, per object, changing nothing. */
export async function previewServiceOrders(
  tx: Tx,
  serviceId: number,
  now: string,
): Promise<SyncDecision[]> {
  const service = await serviceRecord(tx, serviceId)
  if (!service.isActive) return []
  const today = (await orderMoment(tx, now)).today
  const ids = await targetIds(tx, service, today)
  const model = service.contentType as BillableModel
  return syncOrdersForObjects(tx, model, ids, now, { dryRun: true, services: [service] })
}

// --- The job -----------------------------------------------------------------------------------

/**
 * What the job needs of the core: a unit of work of its own per batch (its `now` is the
 * core's clock), and a way to report progress.
 */
export interface JobRunner {
  write<T>(work: (ctx: WriteContext) => Promise<T>): Promise<T>
  progress(job: OrderUpdateJob): void
}

const jobs = new Map<string, OrderUpdateJob>()
const running = new Map<string, Promise<OrderUpdateJob>>()

export function orderUpdateJob(jobId: string): OrderUpdateJob {
  const job = jobs.get(jobId)
  if (!job) throw AppError.notFound('Order update', jobId)
  return { ...job }
}

/** Resolves when the job has ended; for tools and tests that must wait. */
export function orderUpdateFinished(jobId: string): Promise<OrderUpdateJob> {
  const job = running.get(jobId)
  if (!job) throw AppError.notFound('Order update', jobId)
  return job
}

function tally(job: OrderUpdateJob, decisions: readonly SyncDecision[]) {
  for (const decision of decisions) {
    if (decision.action === 'create') job.created++
    else if (decision.action === 'update') job.updated++
    else if (decision.action === 'cancel') job.cancelled++
    else job.errors++
  }
}

/**
 * Starts the job and answers at once with its id and size; progress follows as events. The
 * objects are those of the moment it starts; each batch reads them afresh, so an object
 * changed meanwhile is synchronised as it is then.
 */
export async function startServiceOrderUpdate(
  runner: JobRunner,
  serviceId: number,
  batchSize = ORDER_UPDATE_BATCH,
): Promise<OrderUpdateJob> {
  const { service, ids } = await runner.write(async ({ tx, now }) => {
    const found = await serviceRecord(tx, serviceId)
    if (!found.isActive) {
      throw AppError.validation([
        { field: 'serviceId', rule: 'inactive', message: `${found.description} is disabled` },
      ])
    }
    const today = (await orderMoment(tx, now)).today
    return { service: found, ids: await targetIds(tx, found, today) }
  })
  const job: OrderUpdateJob = {
    jobId: randomUUID(),
    serviceId,
    state: 'running',
    done: 0,
    total: ids.length,
    created: 0,
    updated: 0,
    cancelled: 0,
    errors: 0,
  }
  jobs.set(job.jobId, job)
  running.set(job.jobId, runBatches(runner, job, service, ids, batchSize))
  return { ...job }
}

async function runBatches(
  runner: JobRunner,
  job: OrderUpdateJob,
  service: ServiceRecord,
  ids: readonly number[],
  batchSize: number,
): Promise<OrderUpdateJob> {
  const model = service.contentType as BillableModel
  try {
    for (let at = 0; at < ids.length; at += batchSize) {
      const batch = ids.slice(at, at + batchSize)
      const decisions = await runner.write(async (ctx) => {
        const [current] = await ctx.tx.select().from(services).where(eq(services.id, service.id))
        if (!current) throw AppError.notFound('Service', service.id)
        return syncOrdersForObjects(ctx.tx, model, batch, ctx.now, { services: [current] })
      })
      tally(job, decisions)
      job.done += batch.length
      runner.progress({ ...job })
    }
    job.state = 'done'
  } catch (error) {
    job.state = 'failed'
    job.message = error instanceof Error ? error.message : String(error)
    log.error(`Updating the orders of service ${service.id} failed: ${job.message}`)
  }
  runner.progress({ ...job })
  return { ...job }
}
