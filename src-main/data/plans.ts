import { and, asc, count, eq, gt } from 'drizzle-orm'
import type { z } from 'zod'
import { AppError } from '../../src-shared/errors'
import {
  planLabel,
  type ContractedPlan,
  type ContractedPlanRow,
  type Plan,
  type planCreateSchema,
  type planUpdateSchema,
} from '../../src-shared/schemas/billing-services'
import { contractIssues } from '../billing/service-rules'
import { accounts, contractedPlans, plans, rates } from '../db/schema'
import type { Tx } from '../db/store'
import type { WriteContext } from './context'
import { diffFields, recordHistory } from './history'
import { assertVersion } from './locking'

/** Plans and the accounts' contracts of them (spec billing 3). */

type PlanCreate = z.output<typeof planCreateSchema>
type PlanUpdate = z.output<typeof planUpdateSchema>

const PLAN_FIELDS = [
  'name',
  'verboseName',
  'isActive',
  'isDefault',
  'isCombinable',
  'allowMultiple',
] as const satisfies readonly (keyof Plan)[]

const invalid = (field: string, rule: string, message: string) =>
  AppError.validation([{ field, rule, message }])

export async function getPlan(tx: Tx, id: number): Promise<Plan> {
  const [row] = await tx.select().from(plans).where(eq(plans.id, id))
  if (!row) throw AppError.notFound('Plan', id)
  return row
}

/** In creation order, the order rates are applied in (spec 3.1). */
export async function listPlans(tx: Tx): Promise<Plan[]> {
  return tx.select().from(plans).orderBy(asc(plans.id))
}

async function assertNameFree(tx: Tx, name: string, id?: number) {
  const [taken] = await tx.select({ id: plans.id }).from(plans).where(eq(plans.name, name))
  if (taken && taken.id !== id) throw invalid('name', 'unique', `"${name}" is already a plan`)
}

export async function createPlan(ctx: WriteContext, input: PlanCreate): Promise<Plan> {
  await assertNameFree(ctx.tx, input.name)
  const [row] = await ctx.tx
    .insert(plans)
    .values({ ...input, createdAt: ctx.now, updatedAt: ctx.now })
    .returning()
  await recordHistory(ctx, {
    objectType: 'plan',
    objectId: row!.id,
    accountId: null,
    objectRepr: planLabel(row!),
    action: 'added',
  })
  return row!
}

export async function updatePlan(ctx: WriteContext, input: PlanUpdate): Promise<Plan> {
  const { id, version, ...fields } = input
  const before = await getPlan(ctx.tx, id)
  assertVersion('Plan', before, version)
  if (fields.name !== undefined) await assertNameFree(ctx.tx, fields.name, id)
  if (fields.allowMultiple === false && before.allowMultiple) {
    const [twice] = await ctx.tx
      .select({ accountId: contractedPlans.accountId, n: count() })
      .from(contractedPlans)
      .where(eq(contractedPlans.planId, id))
      .groupBy(contractedPlans.accountId)
      .orderBy(asc(contractedPlans.accountId))
      .having(gt(count(), 1))
    if (twice) {
      throw invalid('allowMultiple', 'in_use', `account ${twice.accountId} holds it more than once`)
    }
  }
  await ctx.tx
    .update(plans)
    .set({ ...fields, version: version + 1, updatedAt: ctx.now })
    .where(and(eq(plans.id, id), eq(plans.version, version)))
  const after = await getPlan(ctx.tx, id)
  const changes = diffFields(before, after, PLAN_FIELDS)
  if (changes.length) {
    await recordHistory(ctx, {
      objectType: 'plan',
      objectId: id,
      accountId: null,
      objectRepr: planLabel(after),
      action: 'changed',
      changes,
    })
  }
  // A plan's name and flags are read by its contracts' services: they follow it.
  for (const contract of await contractsOfPlan(ctx.tx, id)) {
    ctx.changes.push({ objectType: 'contractedPlan', objectId: contract.id, action: 'changed' })
  }
  return after
}

/** Refused while contracted: the contracts are billed objects. Its rates go with it. */
export async function deletePlan(ctx: WriteContext, id: number): Promise<number> {
  const plan = await getPlan(ctx.tx, id)
  const held = (await contractsOfPlan(ctx.tx, id)).length
  if (held > 0) {
    throw new AppError({
      code: 'FORBIDDEN',
      message: `${planLabel(plan)} has ${held} contracts: disable it instead`,
    })
  }
  await recordHistory(ctx, {
    objectType: 'plan',
    objectId: id,
    accountId: null,
    objectRepr: planLabel(plan),
    action: 'deleted',
    snapshot: plan,
  })
  await ctx.tx.delete(rates).where(eq(rates.planId, id))
  await ctx.tx.delete(plans).where(eq(plans.id, id))
  return 1
}

// --- Contracted plans --------------------------------------------------------------------------

function contractsOfPlan(tx: Tx, planId: number) {
  return tx.select().from(contractedPlans).where(eq(contractedPlans.planId, planId))
}

export async function listContractedPlans(
  tx: Tx,
  filter: { accountId?: number; planId?: number; id?: number } = {},
): Promise<ContractedPlanRow[]> {
  const rows = await tx
    .select({ contract: contractedPlans, plan: plans, account: accounts })
    .from(contractedPlans)
    .innerJoin(plans, eq(plans.id, contractedPlans.planId))
    .innerJoin(accounts, eq(accounts.id, contractedPlans.accountId))
    .where(
      and(
        filter.accountId !== undefined
          ? eq(contractedPlans.accountId, filter.accountId)
          : undefined,
        filter.planId !== undefined ? eq(contractedPlans.planId, filter.planId) : undefined,
        filter.id !== undefined ? eq(contractedPlans.id, filter.id) : undefined,
      ),
    )
    .orderBy(asc(contractedPlans.id))
  return rows.map(({ contract, plan, account }) => ({
    ...contract,
    planName: plan.name,
    accountUsername: account.username,
    active: plan.isActive && account.isActive,
  }))
}

/** A second contract of a plan that allows one is refused as "already contracted". */
export async function createContractedPlan(
  ctx: WriteContext,
  input: { planId: number; accountId: number },
): Promise<ContractedPlan> {
  const plan = await getPlan(ctx.tx, input.planId).catch(() => {
    throw invalid('planId', 'exists', `plan ${input.planId} does not exist`)
  })
  const [account] = await ctx.tx.select().from(accounts).where(eq(accounts.id, input.accountId))
  if (!account) throw invalid('accountId', 'exists', `account ${input.accountId} does not exist`)
  const [held] = await ctx.tx
    .select({ n: count() })
    .from(contractedPlans)
    .where(and(eq(contractedPlans.planId, plan.id), eq(contractedPlans.accountId, account.id)))
  const issues = contractIssues(plan, Number(held?.n ?? 0))
  if (issues.length) throw AppError.validation(issues)
  const [row] = await ctx.tx
    .insert(contractedPlans)
    .values({ ...input, createdAt: ctx.now, updatedAt: ctx.now })
    .returning()
  await recordHistory(ctx, {
    objectType: 'contractedPlan',
    objectId: row!.id,
    accountId: account.id,
    objectRepr: `${planLabel(plan)} of ${account.username}`,
    action: 'added',
  })
  return row!
}

export async function deleteContractedPlan(ctx: WriteContext, id: number): Promise<number> {
  const [row] = await listContractedPlans(ctx.tx, { id })
  if (!row) throw AppError.notFound('Contracted plan', id)
  await recordHistory(ctx, {
    objectType: 'contractedPlan',
    objectId: id,
    accountId: row.accountId,
    objectRepr: `${row.planName} of ${row.accountUsername}`,
    action: 'deleted',
    snapshot: row,
  })
  await ctx.tx.delete(contractedPlans).where(eq(contractedPlans.id, id))
  return 1
}
