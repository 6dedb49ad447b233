import { and, eq, inArray } from 'drizzle-orm'
import type { z } from 'zod'
import type { Account } from '../../src-shared/schemas/accounts'
import { AppError } from '../../src-shared/errors'
import type { FieldChange } from '../../src-shared/schemas/history'
import {
  CGI_SUFFIX,
  type SystemUserDetail,
  type systemUserCreateSchema,
  type SystemUserRole,
  type systemUserUpdateSchema,
} from '../../src-shared/schemas/system-users'
import { unixPasswordHash } from '../core/passwords'
import { systemUserGroups, systemUsers } from '../db/schema'
import type { Tx } from '../db/store'
import type { WriteContext } from './context'
import { diffFields, recordHistory } from './history'
import { assertVersion } from './locking'
import { settingValue } from './settings'
import { checkPlacement } from './system-user-rules'
import {
  accountUsers,
  getSystemUser,
  getSystemUserDetail,
  type SystemUserRecord,
} from './system-users'

type SystemUserCreate = z.output<typeof systemUserCreateSchema>
type SystemUserUpdate = z.output<typeof systemUserUpdateSchema>

const TRACKED = ['shell', 'home', 'directory', 'isActive', 'groups'] as const

const invalid = (field: string, rule: string, message: string) =>
  AppError.validation([{ field, rule, message }])

async function usernameTaken(tx: Tx, username: string): Promise<boolean> {
  const rows = await tx
    .select({ id: systemUsers.id })
    .from(systemUsers)
    .where(eq(systemUsers.username, username))
  return rows.length > 0
}

async function writeGroups(tx: Tx, userId: number, groups: readonly number[]) {
  await tx.delete(systemUserGroups).where(eq(systemUserGroups.userId, userId))
  if (groups.length) {
    await tx.insert(systemUserGroups).values(groups.map((groupId) => ({ userId, groupId })))
  }
}

interface NewUser {
  accountId: number
  username: string
  role: SystemUserRole
  passwordHash: string
  shell: string
  home: string
  directory: string
  groups: readonly number[]
  isActive: boolean
}

async function insertUser(ctx: WriteContext, user: NewUser, message?: string) {
  const { groups, ...values } = user
  const [row] = await ctx.tx
    .insert(systemUsers)
    .values({ ...values, createdAt: ctx.now, updatedAt: ctx.now })
    .returning()
  await writeGroups(ctx.tx, row!.id, groups)
  await recordHistory(ctx, {
    objectType: 'systemUser',
    objectId: row!.id,
    accountId: user.accountId,
    objectRepr: user.username,
    action: 'added',
    message,
  })
  return row!
}

/** An extra user of an account (spec 3.1); the main and CGI users come with the account. */
export async function createSystemUser(
  ctx: WriteContext,
  input: SystemUserCreate,
): Promise<SystemUserDetail> {
  const { password, ...fields } = input
  if (await usernameTaken(ctx.tx, fields.username)) {
    throw invalid('username', 'unique', `"${fields.username}" is already taken`)
  }
  const shell = fields.shell || (await settingValue(ctx.tx, 'SYSTEMUSERS_DEFAULT_SHELL'))
  const placed = await checkPlacement(ctx.tx, { ...fields, shell, role: 'extra' })
  const row = await insertUser(ctx, {
    ...placed,
    isActive: fields.isActive,
    passwordHash: password ? await unixPasswordHash(password) : '',
  })
  return getSystemUserDetail(ctx.tx, row.id)
}

/**
 * The CGI user's name: `<username>-cgi`, the username cut to 28 characters so the whole fits
 * UNIX's 32. Two long usernames that share their first 28 characters would meet there; the
 * second then gets its account id in the name as well, still within 32.
 */
export async function cgiUsername(tx: Tx, account: Pick<Account, 'id' | 'username'>) {
  const plain = `${account.username.slice(0, 32 - CGI_SUFFIX.length)}${CGI_SUFFIX}`
  if (!(await usernameTaken(tx, plain))) return plain
  const id = String(account.id)
  return `${account.username.slice(0, 31 - CGI_SUFFIX.length - id.length)}-${id}${CGI_SUFFIX}`
}

/**
 * The account's main user (same name, in the account's home) and its CGI user, which web code
 * runs as: no shell, no password, and only read access to the main user's files.
 */
export async function createAccountUsers(
  ctx: WriteContext,
  account: Account,
  enableSystemUser: boolean,
): Promise<void> {
  if (await usernameTaken(ctx.tx, account.username)) {
    throw invalid('username', 'unique', `"${account.username}" is already a system user`)
  }
  const shell = await settingValue(ctx.tx, 'SYSTEMUSERS_DEFAULT_SHELL')
  const common = { accountId: account.id, passwordHash: '', directory: '', groups: [] }
  const main = { ...common, username: account.username, role: 'main' as const, shell, home: '' }
  await insertUser(ctx, { ...main, isActive: enableSystemUser })
  const cgi = await cgiUsername(ctx.tx, account)
  // Its home is the main user's; stored empty, as any user's own base home is.
  await insertUser(ctx, {
    ...common,
    username: cgi,
    role: 'cgi',
    shell: '/dev/null',
    home: '',
    isActive: true,
  })
}

export async function updateSystemUser(
  ctx: WriteContext,
  input: SystemUserUpdate,
): Promise<SystemUserDetail> {
  const { id, version, password, ...fields } = input
  const before = await getSystemUser(ctx.tx, id)
  assertVersion('System user', before, version)
  if (before.role === 'cgi' && password !== undefined) {
    throw invalid('password', 'cgi', 'a CGI user never logs in')
  }
  if (before.role === 'cgi' && Object.keys(fields).some((field) => field !== 'isActive')) {
    throw invalid('shell', 'cgi', 'a CGI user is set up by the panel; only its flag changes')
  }
  const placed = await checkPlacement(ctx.tx, { ...before, ...fields })
  await ctx.tx
    .update(systemUsers)
    .set({
      shell: placed.shell,
      home: placed.home,
      directory: placed.directory,
      isActive: fields.isActive ?? before.isActive,
      ...(password !== undefined && { passwordHash: await unixPasswordHash(password) }),
      version: version + 1,
      updatedAt: ctx.now,
    })
    .where(and(eq(systemUsers.id, id), eq(systemUsers.version, version)))
  if (fields.groups) await writeGroups(ctx.tx, id, placed.groups)
  const after = await getSystemUser(ctx.tx, id)
  const changes = diffFields(before, after, TRACKED)
  // A new password is named, never its value: a hash is still a secret.
  if (password !== undefined) changes.push({ field: 'password', from: null, to: null })
  if (changes.length) {
    await recordChange(ctx, after, changes, password !== undefined ? 'Password set' : undefined)
  }
  return getSystemUserDetail(ctx.tx, id)
}

async function recordChange(
  ctx: WriteContext,
  user: Pick<SystemUserRecord, 'id' | 'accountId' | 'username'>,
  changes: FieldChange[],
  message?: string,
) {
  const active = changes.length === 1 && changes[0]!.field === 'isActive'
  await recordHistory(ctx, {
    objectType: 'systemUser',
    objectId: user.id,
    accountId: user.accountId,
    objectRepr: user.username,
    action: active ? (changes[0]!.to ? 'enabled' : 'disabled') : 'changed',
    changes,
    message,
  })
}

/** Sets each user's own flag; what servers apply is that flag and the account's (spec 0.1). */
export async function setSystemUsersActive(
  ctx: WriteContext,
  ids: readonly number[],
  active: boolean,
): Promise<number> {
  const rows = await ctx.tx.select().from(systemUsers).where(inArray(systemUsers.id, ids))
  const missing = ids.filter((id) => !rows.some((row) => row.id === id))
  if (missing.length) throw AppError.notFound('System user', missing.join(', '))
  const targets = rows.filter((row) => row.isActive !== active)
  for (const row of targets) {
    await ctx.tx
      .update(systemUsers)
      .set({ isActive: active, version: row.version + 1, updatedAt: ctx.now })
      .where(eq(systemUsers.id, row.id))
    await recordChange(ctx, row, [{ field: 'isActive', from: !active, to: active }])
  }
  return targets.length
}

/**
 * Deletes users. The main and CGI users go only with their account (spec 3.1): asked to
 * delete one of them, nothing is deleted and the refusal names every one.
 */
export async function deleteSystemUsers(ctx: WriteContext, ids: readonly number[]) {
  const rows = await ctx.tx.select().from(systemUsers).where(inArray(systemUsers.id, ids))
  const missing = ids.filter((id) => !rows.some((row) => row.id === id))
  if (missing.length) throw AppError.notFound('System user', missing.join(', '))
  const kept = rows.filter((row) => row.role !== 'extra')
  if (kept.length) {
    const names = kept.map((row) => row.username).join(', ')
    throw new AppError({
      code: 'FORBIDDEN',
      message: `${names}: an account's main and CGI users are deleted only with the account`,
      details: { refused: kept.map((row) => ({ id: row.id, username: row.username })) },
    })
  }
  for (const row of rows) await deleteSystemUser(ctx, row)
  return rows.length
}

/** History first: the backend reads the user (and its account) while they still exist. */
async function deleteSystemUser(ctx: WriteContext, row: SystemUserRecord, message?: string) {
  await recordHistory(ctx, {
    objectType: 'systemUser',
    objectId: row.id,
    accountId: row.accountId,
    objectRepr: row.username,
    action: 'deleted',
    message,
    snapshot: { ...row, passwordHash: '' },
  })
  await ctx.tx.delete(systemUsers).where(eq(systemUsers.id, row.id))
}

/** Before the account goes: its extra users, then its CGI user, then its main user. */
export async function deleteAccountUsers(ctx: WriteContext, account: Account): Promise<void> {
  const users = await accountUsers(ctx.tx, account.id)
  const order: SystemUserRole[] = ['extra', 'cgi', 'main']
  const message = `Deleted with account ${account.username}`
  for (const role of order) {
    for (const row of users.filter((user) => user.role === role)) {
      await deleteSystemUser(ctx, row, message)
    }
  }
}

/**
 * The account's flag flipped: every user is saved again so servers lock or unlock it. Each
 * keeps its own flag, so enabling brings back exactly the users that were enabled.
 */
export async function resaveAccountUsers(ctx: WriteContext, account: Account): Promise<void> {
  const message = `Account ${account.username} ${account.isActive ? 'enabled' : 'disabled'}`
  for (const row of await accountUsers(ctx.tx, account.id)) {
    await recordHistory(ctx, {
      objectType: 'systemUser',
      objectId: row.id,
      accountId: row.accountId,
      objectRepr: row.username,
      action: 'changed',
      message,
    })
  }
}
