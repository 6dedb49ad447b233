import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import type { AccountType, Language } from '../../../src-shared/schemas/accounts'
import { UTC_NOW } from './columns'

export const accounts = sqliteTable(
  'accounts',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    username: text('username').notNull().unique(),
    shortName: text('short_name').notNull().default(''),
    fullName: text('full_name').notNull(),
    email: text('email').notNull(),
    type: text('type').$type<AccountType>().notNull().default('INDIVIDUAL'),
    language: text('language').$type<Language>().notNull().default('EN'),
    comments: text('comments').notNull().default(''),
    isSuperuser: integer('is_superuser', { mode: 'boolean' }).notNull().default(false),
    isActive: integer('is_active', { mode: 'boolean' }).notNull().default(true),
    dateJoined: text('date_joined').notNull(),
    lastLogin: text('last_login'),
    /** Lower-cased username, names and contact names: what list search matches. */
    searchText: text('search_text').notNull().default(''),
    version: integer('version').notNull().default(1),
    createdAt: text('created_at').notNull().default(UTC_NOW),
    updatedAt: text('updated_at').notNull().default(UTC_NOW),
  },
  (table) => [
    index('accounts_full_name_idx').on(table.fullName),
    index('accounts_type_idx').on(table.type, table.username),
    index('accounts_active_idx').on(table.isActive, table.username),
    index('accounts_date_joined_idx').on(table.dateJoined),
    // A one-character search word has no trigram: it is matched by scanning this narrow index
    // rather than the whole table (see data/account-search-index.ts).
    index('accounts_search_text_idx').on(table.searchText),
  ],
)
