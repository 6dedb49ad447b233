import type { SqlDatabase, SqlType } from '../../../src-shared/schemas/sql-databases'
import { getSqlDatabaseDetail, getSqlUserRecord } from '../../data/sql-databases'
import type { Tx } from '../../db/store'
import { accounts } from '../../db/schema'
import { eq } from 'drizzle-orm'

/** What the database and user backends of both engines read of their objects. */

export interface DatabaseObject {
  database: SqlDatabase
  /** In link order: the first is the owner. */
  usernames: string[]
}

export interface UserObject {
  id: number
  username: string
  type: SqlType
  accountId: number
  /** The hash the server stores; empty when none was ever set. */
  passwordHash: string
  /** The account is active: otherwise the login is locked. */
  isActive: boolean
}

export async function loadDatabase(tx: Tx, id: number): Promise<DatabaseObject | undefined> {
  const detail = await getSqlDatabaseDetail(tx, id).catch(() => undefined)
  if (!detail) return undefined
  return { database: detail.database, usernames: detail.grants.map((grant) => grant.username) }
}

export async function loadUser(tx: Tx, id: number): Promise<UserObject | undefined> {
  const row = await getSqlUserRecord(tx, id).catch(() => undefined)
  if (!row) return undefined
  const [account] = await tx
    .select({ isActive: accounts.isActive })
    .from(accounts)
    .where(eq(accounts.id, row.accountId))
  const { id: userId, username, type, accountId, passwordHash } = row
  return { id: userId, username, type, accountId, passwordHash, isActive: !!account?.isActive }
}

export const databaseMatch = {
  fields: { id: 'int', name: 'string', type: 'string', accountId: 'int' } as const,
  values: ({ database }: DatabaseObject) => ({
    id: database.id,
    name: database.name,
    type: database.type,
    accountId: database.accountId,
  }),
}

export const userMatch = {
  fields: {
    id: 'int',
    username: 'string',
    type: 'string',
    accountId: 'int',
    isActive: 'bool',
  } as const,
  values: (user: UserObject) => ({
    id: user.id,
    username: user.username,
    type: user.type,
    accountId: user.accountId,
    isActive: user.isActive,
  }),
}

/** Where a server's administrator points the backends at its database servers. */
export const MYSQL_DEFAULTS_FILE = '/etc/orchestra/mysql.cnf'
export const PG_SERVICE_FILE = '/etc/orchestra/pg_service.conf'
export const PG_SERVICE = 'orchestra'
