import { and, asc, count, desc, eq, inArray, type SQL } from 'drizzle-orm'
import { AppError } from '../../src-shared/errors'
import type { Page } from '../../src-shared/schemas/common'
import {
  sqlDatabaseListSchema,
  sqlUserListSchema,
  type SqlDatabase,
  type SqlDatabaseDetail,
  type SqlDatabaseListQuery,
  type SqlDatabaseRow,
  type SqlGrant,
  type SqlUser,
  type SqlUserDetail,
  type SqlUserListQuery,
  type SqlUserRow,
} from '../../src-shared/schemas/sql-databases'
import { accounts, sqlDatabases, sqlGrants, sqlUsers } from '../db/schema'
import type { Tx } from '../db/store'
import { contains, searchWords } from './sql'

/** Reads of databases, database users and the grants between them (spec 4). */

type UserRecord = typeof sqlUsers.$inferSelect

export function toSqlUser({ passwordHash, ...row }: UserRecord): SqlUser {
  return { ...row, hasPassword: passwordHash !== '' }
}

export async function getSqlDatabase(tx: Tx, id: number): Promise<SqlDatabase> {
  const [row] = await tx.select().from(sqlDatabases).where(eq(sqlDatabases.id, id))
  if (!row) throw AppError.notFound('Database', id)
  return row
}

/** The stored row with its hash: for the backends, never for the renderer. */
export async function getSqlUserRecord(tx: Tx, id: number): Promise<UserRecord> {
  const [row] = await tx.select().from(sqlUsers).where(eq(sqlUsers.id, id))
  if (!row) throw AppError.notFound('Database user', id)
  return row
}

export async function getSqlUser(tx: Tx, id: number): Promise<SqlUser> {
  return toSqlUser(await getSqlUserRecord(tx, id))
}

/**
 * Grants of some databases or some users, each database's in link order: the first is its
 * owner (spec 4.1).
 */
export async function listGrants(
  tx: Tx,
  where: { databaseIds?: number[]; userIds?: number[] },
): Promise<SqlGrant[]> {
  const ids = where.databaseIds ?? where.userIds ?? []
  if (!ids.length) return []
  const filter = where.databaseIds
    ? inArray(sqlGrants.databaseId, where.databaseIds)
    : inArray(sqlGrants.userId, where.userIds ?? [])
  const rows = await tx
    .select({
      id: sqlGrants.id,
      databaseId: sqlGrants.databaseId,
      databaseName: sqlDatabases.name,
      userId: sqlGrants.userId,
      username: sqlUsers.username,
    })
    .from(sqlGrants)
    .innerJoin(sqlDatabases, eq(sqlDatabases.id, sqlGrants.databaseId))
    .innerJoin(sqlUsers, eq(sqlUsers.id, sqlGrants.userId))
    .where(filter)
    .orderBy(asc(sqlGrants.id))
  const owners = await ownerGrantIds(tx, [...new Set(rows.map((row) => row.databaseId))])
  return rows.map(({ id, ...grant }) => ({ ...grant, isOwner: owners.has(id) }))
}

/** The first grant of each database, by id. */
async function ownerGrantIds(tx: Tx, databaseIds: number[]): Promise<Set<number>> {
  if (!databaseIds.length) return new Set()
  const all = await tx
    .select({ id: sqlGrants.id, databaseId: sqlGrants.databaseId })
    .from(sqlGrants)
    .where(inArray(sqlGrants.databaseId, databaseIds))
    .orderBy(asc(sqlGrants.id))
  const first = new Map<number, number>()
  for (const row of all) if (!first.has(row.databaseId)) first.set(row.databaseId, row.id)
  return new Set(first.values())
}

async function accountOf(tx: Tx, accountId: number) {
  const [row] = await tx
    .select({ username: accounts.username, isActive: accounts.isActive })
    .from(accounts)
    .where(eq(accounts.id, accountId))
  if (!row) throw AppError.notFound('Account', accountId)
  return row
}

export async function getSqlDatabaseDetail(tx: Tx, id: number): Promise<SqlDatabaseDetail> {
  const database = await getSqlDatabase(tx, id)
  const account = await accountOf(tx, database.accountId)
  const grants = await listGrants(tx, { databaseIds: [id] })
  return { database, accountUsername: account.username, isActive: account.isActive, grants }
}

export async function getSqlUserDetail(tx: Tx, id: number): Promise<SqlUserDetail> {
  const user = await getSqlUser(tx, id)
  const account = await accountOf(tx, user.accountId)
  const grants = await listGrants(tx, { userIds: [id] })
  return { user, accountUsername: account.username, isActive: account.isActive, grants }
}

function listFilters(
  table: typeof sqlDatabases | typeof sqlUsers,
  nameColumn: typeof sqlDatabases.name | typeof sqlUsers.username,
  query: { q: string; type?: string; accountId?: number },
): SQL | undefined {
  return and(
    query.type !== undefined ? eq(table.type, query.type as SqlDatabase['type']) : undefined,
    query.accountId !== undefined ? eq(table.accountId, query.accountId) : undefined,
    ...searchWords(query.q).map((word) => contains(nameColumn, word)),
  )
}

export async function listSqlDatabases(
  tx: Tx,
  input: SqlDatabaseListQuery,
): Promise<Page<SqlDatabaseRow>> {
  const query = sqlDatabaseListSchema.parse(input)
  const where = listFilters(sqlDatabases, sqlDatabases.name, query)
  const [total] = await tx.select({ n: count() }).from(sqlDatabases).where(where)
  const rows = await tx
    .select({ database: sqlDatabases, accountUsername: accounts.username })
    .from(sqlDatabases)
    .innerJoin(accounts, eq(accounts.id, sqlDatabases.accountId))
    .where(where)
    .orderBy((query.dir === 'asc' ? asc : desc)(sqlDatabases.name), asc(sqlDatabases.type))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize)
  const grants = await listGrants(tx, { databaseIds: rows.map((row) => row.database.id) })
  return {
    rows: rows.map(({ database, accountUsername }) => ({
      ...database,
      accountUsername,
      usernames: grants.filter((g) => g.databaseId === database.id).map((g) => g.username),
    })),
    total: Number(total?.n ?? 0),
    page: query.page,
    pageSize: query.pageSize,
  }
}

export async function listSqlUsers(tx: Tx, input: SqlUserListQuery): Promise<Page<SqlUserRow>> {
  const query = sqlUserListSchema.parse(input)
  const where = listFilters(sqlUsers, sqlUsers.username, query)
  const [total] = await tx.select({ n: count() }).from(sqlUsers).where(where)
  const rows = await tx
    .select({ user: sqlUsers, accountUsername: accounts.username })
    .from(sqlUsers)
    .innerJoin(accounts, eq(accounts.id, sqlUsers.accountId))
    .where(where)
    .orderBy((query.dir === 'asc' ? asc : desc)(sqlUsers.username), asc(sqlUsers.type))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize)
  const grants = await listGrants(tx, { userIds: rows.map((row) => row.user.id) })
  return {
    rows: rows.map(({ user, accountUsername }) => ({
      ...toSqlUser(user),
      accountUsername,
      databaseNames: grants.filter((g) => g.userId === user.id).map((g) => g.databaseName),
    })),
    total: Number(total?.n ?? 0),
    page: query.page,
    pageSize: query.pageSize,
  }
}
