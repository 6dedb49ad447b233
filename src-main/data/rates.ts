import { and, asc, eq, isNull, type SQL } from 'drizzle-orm'
import type { z } from 'zod'
import { AppError, type FieldIssue } from '../../src-shared/errors'
import type {
  Rate,
  rateCreateSchema,
  rateUpdateSchema,
} from '../../src-shared/schemas/billing-services'
import type { RateSaved } from '../../src-shared/contract/services/billing'
import { money } from '../billing/money'
import { serviceWarnings } from '../billing/service-rules'
import { plans, rates } from '../db/schema'
import type { Tx } from '../db/store'
import { getService } from './billing-services'
import type { WriteContext } from './context'
import { recordHistory } from './history'
import { getPlan } from './plans'

/**
 * A service's rate table (spec billing 3 and 5): one row per plan and starting quantity. A
 * save answers with the warnings of the whole table (rates above the nominal price, rows that
 * start at the same unit), which do not refuse it.
 */

type RateCreate = z.output<typeof rateCreateSchema>
type RateUpdate = z.output<typeof rateUpdateSchema>

/** By plan (creation order) then quantity, as rating reads them (spec 3.1). */
export async function listRates(tx: Tx, serviceId: number): Promise<Rate[]> {
  const rows = await tx
    .select({ rate: rates })
    .from(rates)
    .innerJoin(plans, eq(plans.id, rates.planId))
    .where(eq(rates.serviceId, serviceId))
    .orderBy(asc(plans.id), asc(rates.quantity), asc(rates.id))
  // Null (the first unit) sorts first on either dialect.
  const all = rows.map((row) => row.rate)
  return all.sort((a, b) => a.planId - b.planId || (a.quantity ?? -1) - (b.quantity ?? -1))
}

export async function rateWarningsOf(tx: Tx, serviceId: number): Promise<FieldIssue[]> {
  const service = await getService(tx, serviceId)
  const table = await listRates(tx, serviceId)
  return serviceWarnings(
    service.nominalPrice,
    table.map((row) => ({ planId: row.planId, quantity: row.quantity, price: money(row.price) })),
  )
}

async function getRate(tx: Tx, id: number): Promise<Rate> {
  const [row] = await tx.select().from(rates).where(eq(rates.id, id))
  if (!row) throw AppError.notFound('Rate', id)
  return row
}

function sameQuantity(quantity: number | null): SQL {
  return quantity === null ? isNull(rates.quantity) : eq(rates.quantity, quantity)
}

/** Unique (service, plan, quantity): a second row for the same start is refused on its field. */
async function assertFree(tx: Tx, row: Omit<Rate, 'id' | 'createdAt' | 'price'>, id?: number) {
  const [taken] = await tx
    .select({ id: rates.id })
    .from(rates)
    .where(
      and(
        eq(rates.serviceId, row.serviceId),
        eq(rates.planId, row.planId),
        sameQuantity(row.quantity),
      ),
    )
  if (taken && taken.id !== id) {
    const from = row.quantity === null ? 'the first unit' : `quantity ${row.quantity}`
    throw AppError.validation([
      { field: 'quantity', rule: 'unique', message: `the plan already has a rate from ${from}` },
    ])
  }
}

async function record(ctx: WriteContext, rate: Rate, action: 'added' | 'changed' | 'deleted') {
  const service = await getService(ctx.tx, rate.serviceId)
  const plan = await getPlan(ctx.tx, rate.planId)
  await recordHistory(ctx, {
    objectType: 'rate',
    objectId: rate.id,
    accountId: null,
    objectRepr: `${service.description}, ${plan.name} from ${rate.quantity ?? 0}: ${rate.price}`,
    action,
    ...(action === 'deleted' && { snapshot: rate }),
  })
}

export async function createRate(ctx: WriteContext, input: RateCreate): Promise<RateSaved> {
  await getService(ctx.tx, input.serviceId).catch(() => {
    throw AppError.validation([
      { field: 'serviceId', rule: 'exists', message: `service ${input.serviceId} does not exist` },
    ])
  })
  await getPlan(ctx.tx, input.planId).catch(() => {
    throw AppError.validation([
      { field: 'planId', rule: 'exists', message: `plan ${input.planId} does not exist` },
    ])
  })
  await assertFree(ctx.tx, input)
  const [row] = await ctx.tx
    .insert(rates)
    .values({ ...input, createdAt: ctx.now })
    .returning()
  await record(ctx, row!, 'added')
  return { rate: row!, warnings: await rateWarningsOf(ctx.tx, row!.serviceId) }
}

export async function updateRate(ctx: WriteContext, input: RateUpdate): Promise<RateSaved> {
  const { id, ...fields } = input
  const before = await getRate(ctx.tx, id)
  const merged = { ...before, ...fields }
  await assertFree(ctx.tx, merged, id)
  await ctx.tx
    .update(rates)
    .set({ quantity: merged.quantity, price: merged.price })
    .where(eq(rates.id, id))
  const after = await getRate(ctx.tx, id)
  await record(ctx, after, 'changed')
  return { rate: after, warnings: await rateWarningsOf(ctx.tx, after.serviceId) }
}

export async function deleteRate(ctx: WriteContext, id: number): Promise<number> {
  const rate = await getRate(ctx.tx, id)
  await record(ctx, rate, 'deleted')
  await ctx.tx.delete(rates).where(eq(rates.id, id))
  return 1
}
