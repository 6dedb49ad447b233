import {
  index,
  integer,
  sqliteTable,
  text,
  uniqueIndex,
  type AnySQLiteColumn,
} from 'drizzle-orm/sqlite-core'
import { accounts } from './accounts'
import { UTC_NOW } from './columns'

/**
 * UNIX users on the hosting servers (spec 3). `role` tells the account's main user (created
 * with the account, never deleted on its own), its CGI user (runs web code, writes nothing of
 * the account's files) and the extra users an operator adds.
 */
export const systemUsers = sqliteTable(
  'system_users',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    username: text('username').notNull().unique(),
    accountId: integer('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    role: text('role').$type<'main' | 'cgi' | 'extra'>().notNull().default('extra'),
    /** A SHA-512 crypt hash (`$6$...`), what `usermod -p` takes; empty = no password login. */
    passwordHash: text('password_hash').notNull().default(''),
    /** Empty = the user's own base home. */
    home: text('home').notNull().default(''),
    /** Relative to the home, no leading slash; empty = the home itself. */
    directory: text('directory').notNull().default(''),
    shell: text('shell').notNull().default('/dev/null'),
    /** The user's own flag; it is in effect only while the account is active too. */
    isActive: integer('is_active', { mode: 'boolean' }).notNull().default(true),
    version: integer('version').notNull().default(1),
    createdAt: text('created_at').notNull().default(UTC_NOW),
    updatedAt: text('updated_at').notNull().default(UTC_NOW),
  },
  (table) => [index('system_users_account_idx').on(table.accountId, table.username)],
)

/** Supplementary groups: `userId` is a member of `groupId`'s primary group. */
export const systemUserGroups = sqliteTable(
  'system_user_groups',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    userId: integer('user_id')
      .notNull()
      .references((): AnySQLiteColumn => systemUsers.id, { onDelete: 'cascade' }),
    groupId: integer('group_id')
      .notNull()
      .references((): AnySQLiteColumn => systemUsers.id, { onDelete: 'cascade' }),
  },
  (table) => [
    uniqueIndex('system_user_groups_pair_idx').on(table.userId, table.groupId),
    index('system_user_groups_group_idx').on(table.groupId),
  ],
)
