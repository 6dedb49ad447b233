import { and, eq, inArray } from 'drizzle-orm'
import type { z } from 'zod'
import { AppError } from '../../src-shared/errors'
import type { Account } from '../../src-shared/schemas/accounts'
import type { FieldChange } from '../../src-shared/schemas/history'
import type {
  VpsDetail,
  vpsCreateSchema,
  vpsUpdateSchema,
} from '../../src-shared/schemas/other-services'
import { unixPasswordHash } from '../core/passwords'
import { accounts, vps } from '../db/schema'
import type { WriteContext } from './context'
import { recordHistory } from './history'
import { assertVersion } from './locking'
import { settingValue } from './settings'
import { accountVps, getVpsDetail, getVpsRecord, type VpsRecord } from './vps'

type VpsCreate = z.output<typeof vpsCreateSchema>
type VpsUpdate = z.output<typeof vpsUpdateSchema>

const invalid = (field: string, rule: string, message: string) =>
  AppError.validation([{ field, rule, message }])

type Named = Pick<VpsRecord, 'id' | 'accountId' | 'hostname'>

async function recordChange(ctx: WriteContext, row: Named, changes: FieldChange[], message = '') {
  const onlyActive = changes.length === 1 && changes[0]!.field === 'isActive'
  await recordHistory(ctx, {
    objectType: 'vps',
    objectId: row.id,
    accountId: row.accountId,
    objectRepr: row.hostname,
    action: onlyActive ? (changes[0]!.to ? 'enabled' : 'disabled') : 'changed',
    changes,
    message: message || undefined,
  })
}

/** Type and template are checked against the settings of now; empty takes their default. */
async function typeAndTemplate(ctx: WriteContext, input: VpsCreate) {
  const type = input.type || (await settingValue(ctx.tx, 'VPS_DEFAULT_TYPE'))
  const types = await settingValue(ctx.tx, 'VPS_TYPES')
  if (!(types as readonly string[]).includes(type)) {
    throw invalid('type', 'choice', `must be one of ${types.join(', ')} (VPS_TYPES)`)
  }
  const template = input.template || (await settingValue(ctx.tx, 'VPS_DEFAULT_TEMPLATE'))
  const templates = await settingValue(ctx.tx, 'VPS_TEMPLATES')
  if (!templates.includes(template)) {
    throw invalid('template', 'choice', `must be one of ${templates.join(', ')} (VPS_TEMPLATES)`)
  }
  return { type, template }
}

/**
 * Records a VPS of an account (spec 9). The container itself is made on the node beforehand;
 * saving it tells the node its settings and, when given, the root password.
 */
export async function createVps(ctx: WriteContext, input: VpsCreate): Promise<VpsDetail> {
  const [account] = await ctx.tx.select().from(accounts).where(eq(accounts.id, input.accountId))
  if (!account) throw invalid('accountId', 'exists', `account ${input.accountId} does not exist`)
  const [taken] = await ctx.tx
    .select({ id: vps.id })
    .from(vps)
    .where(eq(vps.hostname, input.hostname))
  if (taken) throw invalid('hostname', 'unique', `"${input.hostname}" is already a VPS`)
  const { type, template } = await typeAndTemplate(ctx, input)
  const [row] = await ctx.tx
    .insert(vps)
    .values({
      accountId: account.id,
      hostname: input.hostname,
      type,
      template,
      passwordHash: input.password ? await unixPasswordHash(input.password) : '',
      isActive: input.isActive,
      createdAt: ctx.now,
      updatedAt: ctx.now,
    })
    .returning()
  await recordHistory(ctx, {
    objectType: 'vps',
    objectId: row!.id,
    accountId: account.id,
    objectRepr: row!.hostname,
    action: 'added',
    message: input.password ? 'Password set' : undefined,
  })
  return getVpsDetail(ctx.tx, row!.id)
}

export async function updateVps(ctx: WriteContext, input: VpsUpdate): Promise<VpsDetail> {
  const { id, version, password, isActive } = input
  const before = await getVpsRecord(ctx.tx, id)
  assertVersion('VPS', before, version)
  await ctx.tx
    .update(vps)
    .set({
      isActive: isActive ?? before.isActive,
      ...(password !== undefined && { passwordHash: await unixPasswordHash(password) }),
      version: version + 1,
      updatedAt: ctx.now,
    })
    .where(and(eq(vps.id, id), eq(vps.version, version)))
  const changes: FieldChange[] = []
  if (isActive !== undefined && isActive !== before.isActive) {
    changes.push({ field: 'isActive', from: before.isActive, to: isActive })
  }
  // A new password is named, never its value: a hash is still a secret.
  if (password !== undefined) changes.push({ field: 'password', from: null, to: null })
  if (changes.length) {
    await recordChange(ctx, before, changes, password !== undefined ? 'Password set' : '')
  }
  return getVpsDetail(ctx.tx, id)
}

export async function setVpsActive(ctx: WriteContext, ids: readonly number[], active: boolean) {
  const rows = await ctx.tx.select().from(vps).where(inArray(vps.id, ids))
  const missing = ids.filter((id) => !rows.some((row) => row.id === id))
  if (missing.length) throw AppError.notFound('VPS', missing.join(', '))
  const targets = rows.filter((row) => row.isActive !== active)
  for (const row of targets) {
    await ctx.tx
      .update(vps)
      .set({ isActive: active, version: row.version + 1, updatedAt: ctx.now })
      .where(eq(vps.id, row.id))
    await recordChange(ctx, row, [{ field: 'isActive', from: !active, to: active }])
  }
  return targets.length
}

async function deleteOne(ctx: WriteContext, row: VpsRecord, message?: string) {
  await recordHistory(ctx, {
    objectType: 'vps',
    objectId: row.id,
    accountId: row.accountId,
    objectRepr: row.hostname,
    action: 'deleted',
    message,
    snapshot: { ...row, passwordHash: '' },
  })
  await ctx.tx.delete(vps).where(eq(vps.id, row.id))
}

/** The panel forgets them; no backend deletes a container (spec 9). */
export async function deleteVps(ctx: WriteContext, ids: readonly number[], message?: string) {
  const rows = await ctx.tx.select().from(vps).where(inArray(vps.id, ids))
  const missing = ids.filter((id) => !rows.some((row) => row.id === id))
  if (missing.length) throw AppError.notFound('VPS', missing.join(', '))
  for (const row of rows) await deleteOne(ctx, row, message)
  return rows.length
}

export async function deleteAccountVps(ctx: WriteContext, account: Account) {
  const rows = await accountVps(ctx.tx, account.id)
  for (const row of rows) await deleteOne(ctx, row, `Deleted with account ${account.username}`)
}

/** The account's flag flipped: each VPS is saved again, keeping its own flag. */
export async function resaveAccountVps(ctx: WriteContext, account: Account) {
  const message = `Account ${account.username} ${account.isActive ? 'enabled' : 'disabled'}`
  for (const row of await accountVps(ctx.tx, account.id)) {
    await recordHistory(ctx, {
      objectType: 'vps',
      objectId: row.id,
      accountId: row.accountId,
      objectRepr: row.hostname,
      action: 'changed',
      message,
    })
  }
}
