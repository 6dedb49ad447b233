import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core'
import { accounts } from './accounts'
import { UTC_NOW } from './columns'
import { domains } from './domains'
import { sqlDatabases } from './sql-databases'

/**
 * A mailing list (spec 7), kept by Mailman 3 on the list server. Its password is never stored:
 * Mailman 3 has none, the owner manages the list as `adminEmail`.
 */
export const mailingLists = sqliteTable(
  'mailing_lists',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    name: text('name').notNull().unique(),
    /** A custom local part on `addressDomainId`; empty when the list uses only its domain. */
    addressName: text('address_name').notNull().default(''),
    addressDomainId: integer('address_domain_id').references(() => domains.id, {
      onDelete: 'set null',
    }),
    adminEmail: text('admin_email').notNull(),
    accountId: integer('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    isActive: integer('is_active', { mode: 'boolean' }).notNull().default(true),
    version: integer('version').notNull().default(1),
    createdAt: text('created_at').notNull().default(UTC_NOW),
    updatedAt: text('updated_at').notNull().default(UTC_NOW),
  },
  (table) => [index('mailing_lists_account_idx').on(table.accountId)],
)

/** A tenant of a shared installation (spec 8): a blog, a wiki, a user of a shared service. */
export const saasTenants = sqliteTable(
  'saas_tenants',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    service: text('service').notNull(),
    name: text('name').notNull(),
    accountId: integer('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    isActive: integer('is_active', { mode: 'boolean' }).notNull().default(true),
    /** The service's own fields (e-mail, blog id, quota...), as JSON; never a password. */
    data: text('data').notNull().default('{}'),
    customUrl: text('custom_url').notNull().default(''),
    databaseId: integer('database_id').references(() => sqlDatabases.id, {
      onDelete: 'set null',
    }),
    version: integer('version').notNull().default(1),
    createdAt: text('created_at').notNull().default(UTC_NOW),
    updatedAt: text('updated_at').notNull().default(UTC_NOW),
  },
  (table) => [
    uniqueIndex('saas_tenants_name_idx').on(table.service, table.name),
    index('saas_tenants_account_idx').on(table.accountId),
  ],
)

/** A virtual server (spec 9). `passwordHash` is a crypt hash for the container's root. */
export const vps = sqliteTable(
  'vps',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    hostname: text('hostname').notNull().unique(),
    type: text('type').notNull(),
    template: text('template').notNull(),
    accountId: integer('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    passwordHash: text('password_hash').notNull().default(''),
    isActive: integer('is_active', { mode: 'boolean' }).notNull().default(true),
    version: integer('version').notNull().default(1),
    createdAt: text('created_at').notNull().default(UTC_NOW),
    updatedAt: text('updated_at').notNull().default(UTC_NOW),
  },
  (table) => [index('vps_account_idx').on(table.accountId)],
)

/** A kind of manual, billing-only service (spec 10), e.g. a domain registration. */
export const miscServices = sqliteTable('misc_services', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  name: text('name').notNull().unique(),
  verboseName: text('verbose_name').notNull().default(''),
  description: text('description').notNull().default(''),
  hasIdentifier: integer('has_identifier', { mode: 'boolean' }).notNull().default(true),
  hasAmount: integer('has_amount', { mode: 'boolean' }).notNull().default(false),
  isActive: integer('is_active', { mode: 'boolean' }).notNull().default(true),
  version: integer('version').notNull().default(1),
  createdAt: text('created_at').notNull().default(UTC_NOW),
  updatedAt: text('updated_at').notNull().default(UTC_NOW),
})

/** One account's instance of a miscellaneous service. */
export const miscellaneous = sqliteTable(
  'miscellaneous',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    serviceId: integer('service_id')
      .notNull()
      .references(() => miscServices.id),
    accountId: integer('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    /** Lower case and unique across every service, when the service has identifiers. */
    identifier: text('identifier').unique(),
    description: text('description').notNull().default(''),
    amount: integer('amount').notNull().default(1),
    isActive: integer('is_active', { mode: 'boolean' }).notNull().default(true),
    version: integer('version').notNull().default(1),
    createdAt: text('created_at').notNull().default(UTC_NOW),
    updatedAt: text('updated_at').notNull().default(UTC_NOW),
  },
  (table) => [
    index('miscellaneous_account_idx').on(table.accountId),
    index('miscellaneous_service_idx').on(table.serviceId),
  ],
)
