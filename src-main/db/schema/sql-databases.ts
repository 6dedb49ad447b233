import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core'
import { accounts } from './accounts'
import { UTC_NOW } from './columns'

export type SqlEngine = 'mysql' | 'postgresql'

/** A database on a MySQL/MariaDB or PostgreSQL server (spec 4). */
export const sqlDatabases = sqliteTable(
  'sql_databases',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    name: text('name').notNull(),
    type: text('type').$type<SqlEngine>().notNull(),
    accountId: integer('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    version: integer('version').notNull().default(1),
    createdAt: text('created_at').notNull().default(UTC_NOW),
    updatedAt: text('updated_at').notNull().default(UTC_NOW),
  },
  (table) => [
    uniqueIndex('sql_databases_name_idx').on(table.name, table.type),
    index('sql_databases_account_idx').on(table.accountId),
  ],
)

/**
 * A login of a database server. `passwordHash` is what the server itself stores: MySQL's
 * `*HEX` native hash, or PostgreSQL's SCRAM-SHA-256 verifier; never the password.
 */
export const sqlUsers = sqliteTable(
  'sql_users',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    username: text('username').notNull(),
    type: text('type').$type<SqlEngine>().notNull(),
    accountId: integer('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    passwordHash: text('password_hash').notNull().default(''),
    version: integer('version').notNull().default(1),
    createdAt: text('created_at').notNull().default(UTC_NOW),
    updatedAt: text('updated_at').notNull().default(UTC_NOW),
  },
  (table) => [
    uniqueIndex('sql_users_name_idx').on(table.username, table.type),
    index('sql_users_account_idx').on(table.accountId),
  ],
)

/** A user's access to a database; the first granted (lowest id) is its owner. */
export const sqlGrants = sqliteTable(
  'sql_grants',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    databaseId: integer('database_id')
      .notNull()
      .references(() => sqlDatabases.id, { onDelete: 'cascade' }),
    userId: integer('user_id')
      .notNull()
      .references(() => sqlUsers.id, { onDelete: 'cascade' }),
  },
  (table) => [
    uniqueIndex('sql_grants_pair_idx').on(table.databaseId, table.userId),
    index('sql_grants_user_idx').on(table.userId),
  ],
)
