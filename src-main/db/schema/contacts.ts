import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import type { CountryCode } from '../../../src-shared/countries'
import { accounts } from './accounts'
import { UTC_NOW } from './columns'

export const contacts = sqliteTable(
  'contacts',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    accountId: integer('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    shortName: text('short_name').notNull(),
    fullName: text('full_name').notNull().default(''),
    email: text('email').notNull(),
    /** Comma-separated usages in their canonical order, e.g. "ADMIN,BILLING". */
    emailUsage: text('email_usage').notNull(),
    phone: text('phone').notNull().default(''),
    phone2: text('phone2').notNull().default(''),
    address: text('address').notNull().default(''),
    city: text('city').notNull().default(''),
    zipcode: text('zipcode').notNull().default(''),
    country: text('country').$type<CountryCode | ''>().notNull().default(''),
    searchText: text('search_text').notNull().default(''),
    version: integer('version').notNull().default(1),
    createdAt: text('created_at').notNull().default(UTC_NOW),
    updatedAt: text('updated_at').notNull().default(UTC_NOW),
  },
  (table) => [
    index('contacts_account_idx').on(table.accountId),
    index('contacts_short_name_idx').on(table.shortName),
  ],
)
