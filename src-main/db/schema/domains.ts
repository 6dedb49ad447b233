import { index, integer, sqliteTable, text, type AnySQLiteColumn } from 'drizzle-orm/sqlite-core'
import type { RecordType } from '../../../src-shared/schemas/domains'
import { accounts } from './accounts'
import { UTC_NOW } from './columns'

export const domains = sqliteTable(
  'domains',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** Always the ASCII (`xn--`) form, lower case: what BIND and every server tool read. */
    name: text('name').notNull().unique(),
    /**
     * The name as people type it (`bäckerei-beispiel.de`), lower case, for search: a part of a
     * Unicode name has no part of its `xn--` form to match.
     */
    displayName: text('display_name').notNull().default(''),
    accountId: integer('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    /** The highest existing ancestor; null for a top domain. Deleting a top takes its subs. */
    topId: integer('top_id').references((): AnySQLiteColumn => domains.id, { onDelete: 'cascade' }),
    /** `YYYYMMDDnn`, past 2^31: a bigint in PostgreSQL (db/pg-schema.ts). */
    serial: integer('serial').notNull(),
    refresh: text('refresh').notNull().default(''),
    retry: text('retry').notNull().default(''),
    expire: text('expire').notNull().default(''),
    minTtl: text('min_ttl').notNull().default(''),
    version: integer('version').notNull().default(1),
    createdAt: text('created_at').notNull().default(UTC_NOW),
    updatedAt: text('updated_at').notNull().default(UTC_NOW),
  },
  (table) => [
    index('domains_account_idx').on(table.accountId),
    index('domains_top_idx').on(table.topId),
  ],
)

export const domainRecords = sqliteTable(
  'domain_records',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    domainId: integer('domain_id')
      .notNull()
      .references(() => domains.id, { onDelete: 'cascade' }),
    type: text('type').$type<RecordType>().notNull(),
    value: text('value').notNull(),
    ttl: text('ttl').notNull().default(''),
    /** The order the user gave: records are written to the zone in it. */
    position: integer('position').notNull(),
  },
  (table) => [index('domain_records_domain_idx').on(table.domainId, table.position)],
)
