import { z } from 'zod'
import { codePoint, findControlCharacter, idSchema, listQueryShape, versionSchema } from './common'

/**
 * Databases and database users (spec 4), tightened as spec 15.1 asks: names are identifiers
 * of `[a-z0-9_]` starting with a letter, so no name is ever an option, a path or a quote.
 */

export const SQL_TYPES = ['mysql', 'postgresql'] as const
export type SqlType = (typeof SQL_TYPES)[number]

export const SQL_TYPE_LABELS: Record<SqlType, string> = {
  mysql: 'MySQL / MariaDB',
  postgresql: 'PostgreSQL',
}

/**
 * Longest names. A MySQL database name may have 64 characters and a PostgreSQL one 63 (its
 * NAMEDATALEN). MariaDB accepts 80-character user names, but MySQL before 5.7 only 16, and the
 * spec keeps 16 (14.35) so that a user works on any MySQL server; PostgreSQL roles have 63.
 */
export const SQL_LIMITS: Record<SqlType, { database: number; user: number }> = {
  mysql: { database: 64, user: 16 },
  postgresql: { database: 63, user: 63 },
}

/** Names the servers keep for themselves. */
const RESERVED_DATABASES: Record<SqlType, readonly string[]> = {
  mysql: ['mysql', 'information_schema', 'performance_schema', 'sys'],
  postgresql: ['postgres', 'template0', 'template1'],
}
const RESERVED_USERS: Record<SqlType, readonly string[]> = {
  mysql: ['root', 'mysql', 'mariadb', 'public'],
  postgresql: ['postgres', 'public', 'none', 'current_user', 'current_role', 'session_user'],
}

const IDENTIFIER = /^[a-z][a-z0-9_]*$/

export interface SqlNameProblem {
  rule: string
  message: string
}

/** What is wrong with a database or user name of a type, or undefined. */
export function checkSqlName(
  kind: 'database' | 'user',
  type: SqlType,
  name: string,
): SqlNameProblem | undefined {
  if (!name) return { rule: 'required', message: 'is required' }
  if (!IDENTIFIER.test(name)) {
    return {
      rule: 'sql_identifier',
      message: 'may only hold lower-case letters a-z, digits and _, and must start with a letter',
    }
  }
  const max = SQL_LIMITS[type][kind]
  if (name.length > max) {
    return { rule: 'max_length', message: `must be at most ${max} characters` }
  }
  const reserved = kind === 'database' ? RESERVED_DATABASES[type] : RESERVED_USERS[type]
  if (reserved.includes(name) || (type === 'postgresql' && name.startsWith('pg_'))) {
    return { rule: 'reserved', message: `is reserved by the ${SQL_TYPE_LABELS[type]} server` }
  }
  return undefined
}

/**
 * A password as typed: 8 to 256 characters of anything but control characters (a newline
 * would end the line a client reads). It never leaves main: only its hash is kept and sent.
 */
export const sqlPasswordSchema = z
  .string()
  .min(8, { message: 'must be at least 8 characters' })
  .max(256)
  .superRefine((value, ctx) => {
    const control = findControlCharacter(value)
    if (control === undefined) return
    ctx.addIssue({
      code: 'custom',
      params: { rule: 'control_character' },
      message: `contains an invisible control character ${codePoint(control)}`,
    })
  })

const typeSchema = z.enum(SQL_TYPES).default('mysql')
// Not lower-cased: `Joe` is refused rather than quietly made `joe` (spec 14.35).
const nameInput = z.string().trim().max(200)

function addNameIssue(
  ctx: z.RefinementCtx,
  path: (string | number)[],
  problem: SqlNameProblem | undefined,
) {
  if (!problem) return
  ctx.addIssue({ code: 'custom', path, message: problem.message, params: { rule: problem.rule } })
}

export const sqlNewUserSchema = z.strictObject({
  username: nameInput,
  password: sqlPasswordSchema,
})

/**
 * A new database, with an existing user of the account (`userId`) or a new one (`newUser`):
 * exactly one of the two (spec 4.1).
 */
export const sqlDatabaseCreateSchema = z
  .strictObject({
    name: nameInput,
    type: typeSchema,
    accountId: idSchema,
    userId: idSchema.optional(),
    newUser: sqlNewUserSchema.optional(),
  })
  .superRefine((input, ctx) => {
    addNameIssue(ctx, ['name'], checkSqlName('database', input.type, input.name))
    if (input.newUser) {
      const problem = checkSqlName('user', input.type, input.newUser.username)
      addNameIssue(ctx, ['newUser', 'username'], problem)
    }
    if ((input.userId === undefined) === (input.newUser === undefined)) {
      ctx.addIssue({
        code: 'custom',
        path: ['userId'],
        message: 'choose an existing user or give a new one, not both and not neither',
        params: { rule: 'one_user' },
      })
    }
  })
export type SqlDatabaseCreateInput = z.input<typeof sqlDatabaseCreateSchema>

/**
 * An edit of a database's users, as a set: users not named lose their grants on the server,
 * new ones get them. The owner stays the user linked first.
 */
export const sqlDatabaseUpdateSchema = z.strictObject({
  id: idSchema,
  version: versionSchema,
  userIds: z.array(idSchema).max(200),
})
export type SqlDatabaseUpdateInput = z.input<typeof sqlDatabaseUpdateSchema>

export const sqlUserCreateSchema = z
  .strictObject({
    username: nameInput,
    type: typeSchema,
    accountId: idSchema,
    password: sqlPasswordSchema,
  })
  .superRefine((input, ctx) => {
    addNameIssue(ctx, ['username'], checkSqlName('user', input.type, input.username))
  })
export type SqlUserCreateInput = z.input<typeof sqlUserCreateSchema>

/** Sets a new password; the name and type cannot change (spec 0.1). */
export const sqlUserUpdateSchema = z.strictObject({
  id: idSchema,
  version: versionSchema,
  password: sqlPasswordSchema,
})
export type SqlUserUpdateInput = z.input<typeof sqlUserUpdateSchema>

export const sqlDeleteSchema = z.strictObject({ ids: z.array(idSchema).min(1).max(200) })

const listShape = {
  ...listQueryShape,
  type: z.enum(SQL_TYPES).optional(),
  accountId: idSchema.optional(),
}
export const sqlDatabaseListSchema = z.strictObject(listShape)
export type SqlDatabaseListQuery = z.input<typeof sqlDatabaseListSchema>
export const sqlUserListSchema = z.strictObject(listShape)
export type SqlUserListQuery = z.input<typeof sqlUserListSchema>

export interface SqlDatabase {
  id: number
  name: string
  type: SqlType
  accountId: number
  version: number
  createdAt: string
  updatedAt: string
}

export interface SqlUser {
  id: number
  username: string
  type: SqlType
  accountId: number
  /** The password itself is never returned, nor its hash. */
  hasPassword: boolean
  version: number
  createdAt: string
  updatedAt: string
}

/** A user's access to a database; the owner has the grant option (MySQL) or owns it. */
export interface SqlGrant {
  databaseId: number
  databaseName: string
  userId: number
  username: string
  isOwner: boolean
}

export interface SqlDatabaseRow extends SqlDatabase {
  accountUsername: string
  /** Owner first. */
  usernames: string[]
}

export interface SqlUserRow extends SqlUser {
  accountUsername: string
  databaseNames: string[]
}

export interface SqlDatabaseDetail {
  database: SqlDatabase
  accountUsername: string
  /** Active on the servers: the account is active. */
  isActive: boolean
  grants: SqlGrant[]
}

export interface SqlUserDetail {
  user: SqlUser
  accountUsername: string
  isActive: boolean
  grants: SqlGrant[]
}
