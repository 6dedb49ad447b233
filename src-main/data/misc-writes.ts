import { and, count, eq, inArray } from 'drizzle-orm'
import type { z } from 'zod'
import { AppError } from '../../src-shared/errors'
import type { Account } from '../../src-shared/schemas/accounts'
import type { FieldChange, ObjectType } from '../../src-shared/schemas/history'
import { identifierProblem, validatorsByService } from '../../src-shared/schemas/misc-identifiers'
import {
  miscellaneousName,
  type MiscellaneousDetail,
  type miscellaneousCreateSchema,
  type miscellaneousUpdateSchema,
  type MiscService,
  type miscServiceCreateSchema,
  type miscServiceUpdateSchema,
} from '../../src-shared/schemas/other-services'
import { accounts, miscellaneous, miscServices } from '../db/schema'
import type { Tx } from '../db/store'
import type { WriteContext } from './context'
import { diffFields, recordHistory } from './history'
import { assertVersion } from './locking'
import {
  accountMiscellaneous,
  getMiscellaneousDetail,
  getMiscellaneousRecord,
  getMiscService,
  type MiscellaneousRecord,
} from './misc'
import { settingValue } from './settings'

type ServiceCreate = z.output<typeof miscServiceCreateSchema>
type ServiceUpdate = z.output<typeof miscServiceUpdateSchema>
type ItemCreate = z.output<typeof miscellaneousCreateSchema>
type ItemUpdate = z.output<typeof miscellaneousUpdateSchema>

const invalid = (field: string, rule: string, message: string) =>
  AppError.validation([{ field, rule, message }])

interface Entry {
  objectType: ObjectType
  id: number
  accountId: number | null
  repr: string
}

async function record(ctx: WriteContext, entry: Entry, changes: FieldChange[], message?: string) {
  const onlyActive = changes.length === 1 && changes[0]!.field === 'isActive'
  await recordHistory(ctx, {
    objectType: entry.objectType,
    objectId: entry.id,
    accountId: entry.accountId,
    objectRepr: entry.repr,
    action: onlyActive ? (changes[0]!.to ? 'enabled' : 'disabled') : 'changed',
    changes,
    message,
  })
}

async function instanceCount(tx: Tx, serviceId: number): Promise<number> {
  const [row] = await tx
    .select({ n: count() })
    .from(miscellaneous)
    .where(eq(miscellaneous.serviceId, serviceId))
  return Number(row?.n ?? 0)
}

// --- Kinds of service -----------------------------------------------------------------------

const SERVICE_FIELDS = ['verboseName', 'description', 'hasIdentifier', 'hasAmount', 'isActive']

export async function createMiscService(
  ctx: WriteContext,
  input: ServiceCreate,
): Promise<MiscService> {
  const [taken] = await ctx.tx
    .select({ id: miscServices.id })
    .from(miscServices)
    .where(eq(miscServices.name, input.name))
  if (taken) throw invalid('name', 'unique', `"${input.name}" is already a service`)
  const [row] = await ctx.tx
    .insert(miscServices)
    .values({ ...input, createdAt: ctx.now, updatedAt: ctx.now })
    .returning()
  await recordHistory(ctx, {
    objectType: 'miscService',
    objectId: row!.id,
    accountId: null,
    objectRepr: row!.name,
    action: 'added',
  })
  return row!
}

/**
 * Its identifier and amount flags decide what its instances hold, so they change only while
 * it has none; a flag turned off would leave identifiers nobody sees, one turned on, instances
 * without one.
 */
export async function updateMiscService(
  ctx: WriteContext,
  input: ServiceUpdate,
): Promise<MiscService> {
  const { id, version, ...fields } = input
  const before = await getMiscService(ctx.tx, id)
  assertVersion('Miscellaneous service', before, version)
  const instances = await instanceCount(ctx.tx, id)
  for (const flag of ['hasIdentifier', 'hasAmount'] as const) {
    if (fields[flag] !== undefined && fields[flag] !== before[flag] && instances > 0) {
      throw invalid(flag, 'in_use', `cannot change while the service has ${instances} instances`)
    }
  }
  await ctx.tx
    .update(miscServices)
    .set({ ...fields, version: version + 1, updatedAt: ctx.now })
    .where(and(eq(miscServices.id, id), eq(miscServices.version, version)))
  const after = await getMiscService(ctx.tx, id)
  const changes = diffFields(before, after, SERVICE_FIELDS as (keyof MiscService & string)[])
  if (changes.length) {
    await record(ctx, { objectType: 'miscService', id, accountId: null, repr: after.name }, changes)
  }
  return after
}

/** Refused while any of them has instances: those are billed items of accounts. */
export async function deleteMiscServices(ctx: WriteContext, ids: readonly number[]) {
  const rows = await ctx.tx.select().from(miscServices).where(inArray(miscServices.id, ids))
  const missing = ids.filter((id) => !rows.some((row) => row.id === id))
  if (missing.length) throw AppError.notFound('Miscellaneous service', missing.join(', '))
  const used: string[] = []
  for (const row of rows) {
    const n = await instanceCount(ctx.tx, row.id)
    if (n) used.push(`${row.name} (${n})`)
  }
  if (used.length) {
    throw new AppError({
      code: 'FORBIDDEN',
      message: `${used.join(', ')}: a service is deleted only once it has no instances`,
    })
  }
  for (const row of rows) {
    await recordHistory(ctx, {
      objectType: 'miscService',
      objectId: row.id,
      accountId: null,
      objectRepr: row.name,
      action: 'deleted',
      snapshot: row,
    })
    await ctx.tx.delete(miscServices).where(eq(miscServices.id, row.id))
  }
  return rows.length
}

// --- Instances ------------------------------------------------------------------------------

/**
 * The identifier as stored (spec 10): none when the service has no identifiers, else required,
 * checked by the service's validator (MISCELLANEOUS_IDENTIFIER_VALIDATORS) and unique across
 * every service.
 */
async function checkIdentifier(tx: Tx, service: MiscService, identifier: string) {
  if (!service.hasIdentifier) {
    if (identifier) throw invalid('identifier', 'not_allowed', `${service.name} has none`)
    return null
  }
  if (!identifier) throw invalid('identifier', 'required', `is required by ${service.name}`)
  const validators = validatorsByService(
    await settingValue(tx, 'MISCELLANEOUS_IDENTIFIER_VALIDATORS'),
  )
  const check = validators.get(service.name)
  const problem = check && identifierProblem(check, identifier)
  if (problem) throw invalid('identifier', check, problem)
  const [taken] = await tx
    .select({ id: miscellaneous.id })
    .from(miscellaneous)
    .where(eq(miscellaneous.identifier, identifier))
  if (taken) throw invalid('identifier', 'unique', `"${identifier}" is already taken`)
  return identifier
}

function checkAmount(service: MiscService, amount: number) {
  if (!service.hasAmount && amount !== 1) {
    throw invalid('amount', 'not_allowed', `${service.name} counts no amount`)
  }
}

const entryOf = (row: MiscellaneousRecord, serviceName: string): Entry => ({
  objectType: 'miscellaneous',
  id: row.id,
  accountId: row.accountId,
  repr: miscellaneousName({ id: row.id, identifier: row.identifier ?? '' }, serviceName),
})

export async function createMiscellaneous(
  ctx: WriteContext,
  input: ItemCreate,
): Promise<MiscellaneousDetail> {
  const [account] = await ctx.tx.select().from(accounts).where(eq(accounts.id, input.accountId))
  if (!account) throw invalid('accountId', 'exists', `account ${input.accountId} does not exist`)
  const [service] = await ctx.tx
    .select()
    .from(miscServices)
    .where(eq(miscServices.id, input.serviceId))
  if (!service) throw invalid('serviceId', 'exists', `service ${input.serviceId} does not exist`)
  if (!service.isActive) {
    throw invalid('serviceId', 'inactive', `${service.name} takes no new instances`)
  }
  const identifier = await checkIdentifier(ctx.tx, service, input.identifier)
  checkAmount(service, input.amount)
  const [row] = await ctx.tx
    .insert(miscellaneous)
    .values({ ...input, identifier, createdAt: ctx.now, updatedAt: ctx.now })
    .returning()
  const entry = entryOf(row!, service.name)
  await recordHistory(ctx, {
    objectType: 'miscellaneous',
    objectId: row!.id,
    accountId: row!.accountId,
    objectRepr: entry.repr,
    action: 'added',
  })
  return getMiscellaneousDetail(ctx.tx, row!.id)
}

export async function updateMiscellaneous(
  ctx: WriteContext,
  input: ItemUpdate,
): Promise<MiscellaneousDetail> {
  const { id, version, ...fields } = input
  const before = await getMiscellaneousRecord(ctx.tx, id)
  assertVersion('Miscellaneous service instance', before, version)
  const service = await getMiscService(ctx.tx, before.serviceId)
  if (fields.amount !== undefined) checkAmount(service, fields.amount)
  await ctx.tx
    .update(miscellaneous)
    .set({ ...fields, version: version + 1, updatedAt: ctx.now })
    .where(and(eq(miscellaneous.id, id), eq(miscellaneous.version, version)))
  const after = await getMiscellaneousRecord(ctx.tx, id)
  const changes = diffFields(before, after, ['description', 'amount', 'isActive'])
  if (changes.length) await record(ctx, entryOf(after, service.name), changes)
  return getMiscellaneousDetail(ctx.tx, id)
}

async function instancesOf(tx: Tx, ids: readonly number[]) {
  const rows = await tx
    .select({ item: miscellaneous, serviceName: miscServices.name })
    .from(miscellaneous)
    .innerJoin(miscServices, eq(miscServices.id, miscellaneous.serviceId))
    .where(inArray(miscellaneous.id, ids))
  const missing = ids.filter((id) => !rows.some((row) => row.item.id === id))
  if (missing.length) throw AppError.notFound('Miscellaneous service instance', missing.join(', '))
  return rows
}

export async function setMiscellaneousActive(
  ctx: WriteContext,
  ids: readonly number[],
  active: boolean,
): Promise<number> {
  const targets = (await instancesOf(ctx.tx, ids)).filter((row) => row.item.isActive !== active)
  for (const { item, serviceName } of targets) {
    await ctx.tx
      .update(miscellaneous)
      .set({ isActive: active, version: item.version + 1, updatedAt: ctx.now })
      .where(eq(miscellaneous.id, item.id))
    await record(ctx, entryOf(item, serviceName), [
      { field: 'isActive', from: !active, to: active },
    ])
  }
  return targets.length
}

async function deleteOne(ctx: WriteContext, item: MiscellaneousRecord, name: string, msg?: string) {
  await recordHistory(ctx, {
    objectType: 'miscellaneous',
    objectId: item.id,
    accountId: item.accountId,
    objectRepr: entryOf(item, name).repr,
    action: 'deleted',
    message: msg,
    snapshot: item,
  })
  await ctx.tx.delete(miscellaneous).where(eq(miscellaneous.id, item.id))
}

export async function deleteMiscellaneous(ctx: WriteContext, ids: readonly number[]) {
  const rows = await instancesOf(ctx.tx, ids)
  for (const { item, serviceName } of rows) await deleteOne(ctx, item, serviceName)
  return rows.length
}

export async function deleteAccountMiscellaneous(ctx: WriteContext, account: Account) {
  const message = `Deleted with account ${account.username}`
  for (const { item, serviceName } of await accountMiscellaneous(ctx.tx, account.id)) {
    await deleteOne(ctx, item, serviceName, message)
  }
}
