import { and, asc, eq, inArray } from 'drizzle-orm'
import type { z } from 'zod'
import { AppError } from '../../src-shared/errors'
import type {
  SqlDatabaseDetail,
  sqlDatabaseCreateSchema,
  sqlDatabaseUpdateSchema,
  SqlType,
  SqlUserDetail,
  sqlUserCreateSchema,
  sqlUserUpdateSchema,
} from '../../src-shared/schemas/sql-databases'
import { mysqlNativeHash, scramSha256Verifier } from '../core/passwords'
import { accounts, sqlDatabases, sqlGrants, sqlUsers } from '../db/schema'
import type { Tx } from '../db/store'
import type { WriteContext } from './context'
import { recordHistory } from './history'
import { assertVersion } from './locking'
import {
  getSqlDatabase,
  getSqlDatabaseDetail,
  getSqlUser,
  getSqlUserDetail,
  listGrants,
} from './sql-databases'

type DatabaseCreate = z.output<typeof sqlDatabaseCreateSchema>
type DatabaseUpdate = z.output<typeof sqlDatabaseUpdateSchema>
type UserCreate = z.output<typeof sqlUserCreateSchema>
type UserUpdate = z.output<typeof sqlUserUpdateSchema>

const invalid = (field: string, rule: string, message: string) =>
  AppError.validation([{ field, rule, message }])

/** What the server itself stores for a password; the password is dropped here. */
export function passwordHashFor(type: SqlType, password: string): string {
  return type === 'mysql' ? mysqlNativeHash(password) : scramSha256Verifier(password)
}

async function assertAccount(tx: Tx, accountId: number): Promise<void> {
  const [row] = await tx
    .select({ id: accounts.id })
    .from(accounts)
    .where(eq(accounts.id, accountId))
  if (!row) throw invalid('accountId', 'exists', 'is not a known account')
}

async function assertUserFree(tx: Tx, field: string, username: string, type: SqlType) {
  const [taken] = await tx
    .select({ id: sqlUsers.id })
    .from(sqlUsers)
    .where(and(eq(sqlUsers.username, username), eq(sqlUsers.type, type)))
  if (taken) throw invalid(field, 'unique', `${username} already exists`)
}

/** The users to link: they must exist, belong to the account and be of the database's type. */
async function checkUsersFor(
  tx: Tx,
  field: string,
  database: { type: SqlType; accountId: number },
  userIds: readonly number[],
) {
  if (!userIds.length) return
  const rows = await tx
    .select()
    .from(sqlUsers)
    .where(inArray(sqlUsers.id, [...userIds]))
  for (const id of userIds) {
    const user = rows.find((row) => row.id === id)
    if (!user) throw invalid(field, 'exists', `user ${id} does not exist`)
    if (user.type !== database.type) {
      const message = `${user.username} is a ${user.type} user: the database is ${database.type}`
      throw invalid(field, 'type', message)
    }
    if (user.accountId !== database.accountId) {
      throw invalid(field, 'account', `${user.username} belongs to another account`)
    }
  }
}

async function insertUser(ctx: WriteContext, input: Omit<UserCreate, 'password'>, hash: string) {
  const [row] = await ctx.tx
    .insert(sqlUsers)
    .values({ ...input, passwordHash: hash, createdAt: ctx.now, updatedAt: ctx.now })
    .returning()
  const user = row!
  await recordHistory(ctx, {
    objectType: 'sqlUser',
    objectId: user.id,
    accountId: user.accountId,
    objectRepr: user.username,
    action: 'added',
  })
  return user
}

export async function createSqlUser(ctx: WriteContext, input: UserCreate): Promise<SqlUserDetail> {
  await assertAccount(ctx.tx, input.accountId)
  await assertUserFree(ctx.tx, 'username', input.username, input.type)
  const { password, ...fields } = input
  const user = await insertUser(ctx, fields, passwordHashFor(input.type, password))
  return getSqlUserDetail(ctx.tx, user.id)
}

/**
 * A new database with its first user, who owns it. A new user is recorded before the
 * database, so that on each server its login exists before the database grants to it.
 */
export async function createSqlDatabase(
  ctx: WriteContext,
  input: DatabaseCreate,
): Promise<SqlDatabaseDetail> {
  const { name, type, accountId } = input
  await assertAccount(ctx.tx, accountId)
  const [taken] = await ctx.tx
    .select({ id: sqlDatabases.id })
    .from(sqlDatabases)
    .where(and(eq(sqlDatabases.name, name), eq(sqlDatabases.type, type)))
  if (taken) throw invalid('name', 'unique', `${name} already exists`)
  if (input.userId !== undefined) await checkUsersFor(ctx.tx, 'userId', input, [input.userId])
  let userId = input.userId
  if (input.newUser) {
    const { username, password } = input.newUser
    await assertUserFree(ctx.tx, 'newUser.username', username, type)
    const hash = passwordHashFor(type, password)
    userId = (await insertUser(ctx, { username, type, accountId }, hash)).id
  }

  const [row] = await ctx.tx
    .insert(sqlDatabases)
    .values({ name, type, accountId, createdAt: ctx.now, updatedAt: ctx.now })
    .returning()
  const database = row!
  await ctx.tx.insert(sqlGrants).values({ databaseId: database.id, userId: userId! })
  await recordHistory(ctx, {
    objectType: 'sqlDatabase',
    objectId: database.id,
    accountId,
    objectRepr: name,
    action: 'added',
  })
  return getSqlDatabaseDetail(ctx.tx, database.id)
}

/**
 * Replaces a database's users as a set. A removal is a change of the database like an
 * addition, so the backends revoke it on the servers (spec 15.3).
 */
export async function updateSqlDatabase(
  ctx: WriteContext,
  input: DatabaseUpdate,
): Promise<SqlDatabaseDetail> {
  const database = await getSqlDatabase(ctx.tx, input.id)
  assertVersion('Database', database, input.version)
  const userIds = [...new Set(input.userIds)]
  await checkUsersFor(ctx.tx, 'userIds', database, userIds)
  const before = await listGrants(ctx.tx, { databaseIds: [database.id] })
  const removed = before.filter((grant) => !userIds.includes(grant.userId))
  const added = userIds.filter((id) => !before.some((grant) => grant.userId === id))
  if (!removed.length && !added.length) return getSqlDatabaseDetail(ctx.tx, database.id)

  if (removed.length) {
    const ids = removed.map((grant) => grant.userId)
    await ctx.tx
      .delete(sqlGrants)
      .where(and(eq(sqlGrants.databaseId, database.id), inArray(sqlGrants.userId, ids)))
  }
  for (const userId of added)
    await ctx.tx.insert(sqlGrants).values({ databaseId: database.id, userId })
  await ctx.tx
    .update(sqlDatabases)
    .set({ version: database.version + 1, updatedAt: ctx.now })
    .where(eq(sqlDatabases.id, database.id))
  const after = await listGrants(ctx.tx, { databaseIds: [database.id] })
  await recordHistory(ctx, {
    objectType: 'sqlDatabase',
    objectId: database.id,
    accountId: database.accountId,
    objectRepr: database.name,
    action: 'changed',
    changes: [
      { field: 'users', from: before.map((g) => g.username), to: after.map((g) => g.username) },
    ],
  })
  return getSqlDatabaseDetail(ctx.tx, database.id)
}

/** Sets a new password: the hash replaces the old one; history says only that it changed. */
export async function updateSqlUser(ctx: WriteContext, input: UserUpdate): Promise<SqlUserDetail> {
  const user = await getSqlUser(ctx.tx, input.id)
  assertVersion('Database user', user, input.version)
  await ctx.tx
    .update(sqlUsers)
    .set({
      passwordHash: passwordHashFor(user.type, input.password),
      version: user.version + 1,
      updatedAt: ctx.now,
    })
    .where(eq(sqlUsers.id, user.id))
  await recordHistory(ctx, {
    objectType: 'sqlUser',
    objectId: user.id,
    accountId: user.accountId,
    objectRepr: user.username,
    action: 'changed',
    changes: [{ field: 'password', from: null, to: null }],
    message: 'Password set',
  })
  return getSqlUserDetail(ctx.tx, user.id)
}

/** Deletes databases; history first, while the backends can still read them. */
export async function deleteSqlDatabases(
  ctx: WriteContext,
  ids: readonly number[],
  message = '',
): Promise<number> {
  for (const id of ids) {
    const database = await getSqlDatabase(ctx.tx, id)
    await recordHistory(ctx, {
      objectType: 'sqlDatabase',
      objectId: id,
      accountId: database.accountId,
      objectRepr: database.name,
      action: 'deleted',
      message,
      snapshot: database,
    })
    await ctx.tx.delete(sqlDatabases).where(eq(sqlDatabases.id, id))
  }
  return ids.length
}

/**
 * Deletes users. Each database they had access to changes first (its owner may pass to the
 * next user), so that on the servers grants are revoked before the login goes.
 */
export async function deleteSqlUsers(
  ctx: WriteContext,
  ids: readonly number[],
  message = '',
): Promise<number> {
  for (const id of ids) {
    const user = await getSqlUser(ctx.tx, id)
    const databaseIds = (await listGrants(ctx.tx, { userIds: [id] })).map((g) => g.databaseId)
    const before = await listGrants(ctx.tx, { databaseIds })
    await ctx.tx.delete(sqlGrants).where(eq(sqlGrants.userId, id))
    for (const databaseId of databaseIds) {
      const database = await getSqlDatabase(ctx.tx, databaseId)
      await ctx.tx
        .update(sqlDatabases)
        .set({ version: database.version + 1, updatedAt: ctx.now })
        .where(eq(sqlDatabases.id, database.id))
      const users = before.filter((g) => g.databaseId === databaseId).map((g) => g.username)
      await recordHistory(ctx, {
        objectType: 'sqlDatabase',
        objectId: database.id,
        accountId: database.accountId,
        objectRepr: database.name,
        action: 'changed',
        changes: [{ field: 'users', from: users, to: users.filter((u) => u !== user.username) }],
        message: `User ${user.username} deleted`,
      })
    }
    await recordHistory(ctx, {
      objectType: 'sqlUser',
      objectId: id,
      accountId: user.accountId,
      objectRepr: user.username,
      action: 'deleted',
      message,
      snapshot: user,
    })
    await ctx.tx.delete(sqlUsers).where(eq(sqlUsers.id, id))
  }
  return ids.length
}

/** Every database and user of an account, oldest first. */
export async function accountSqlObjects(tx: Tx, accountId: number) {
  const databases = await tx
    .select()
    .from(sqlDatabases)
    .where(eq(sqlDatabases.accountId, accountId))
    .orderBy(asc(sqlDatabases.id))
  const users = await tx
    .select()
    .from(sqlUsers)
    .where(eq(sqlUsers.accountId, accountId))
    .orderBy(asc(sqlUsers.id))
  return { databases, users }
}
