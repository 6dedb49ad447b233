import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core'
import { accounts } from './accounts'
import { UTC_NOW } from './columns'
import { domains } from './domains'
import { sqlDatabases, sqlUsers } from './sql-databases'

/**
 * A web application (spec 5): a folder under the main user's home and the way its code runs.
 * `runtime` is the PHP or Python version key (`8.2-fpm`, `8.2-cgi`, `3-uwsgi`), empty for
 * types that run nothing.
 */
export const webapps = sqliteTable(
  'webapps',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    name: text('name').notNull(),
    type: text('type').notNull(),
    accountId: integer('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    runtime: text('runtime').notNull().default(''),
    /** The target of a symbolic-link app, inside the account's home. */
    linkTarget: text('link_target').notNull().default(''),
    /** The database and user a CMS app was given; they go with it. */
    databaseId: integer('database_id').references(() => sqlDatabases.id, {
      onDelete: 'set null',
    }),
    sqlUserId: integer('sql_user_id').references(() => sqlUsers.id, { onDelete: 'set null' }),
    version: integer('version').notNull().default(1),
    createdAt: text('created_at').notNull().default(UTC_NOW),
    updatedAt: text('updated_at').notNull().default(UTC_NOW),
  },
  (table) => [
    uniqueIndex('webapps_account_name_idx').on(table.accountId, table.name),
    index('webapps_type_idx').on(table.type),
  ],
)

/** One option of a web app (spec 5.3), at most once per app. */
export const webappOptions = sqliteTable(
  'webapp_options',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    webappId: integer('webapp_id')
      .notNull()
      .references(() => webapps.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    value: text('value').notNull().default(''),
  },
  (table) => [uniqueIndex('webapp_options_name_idx').on(table.webappId, table.name)],
)

/** A website (spec 6): domains, a protocol, web apps mounted at paths and directives. */
export const websites = sqliteTable(
  'websites',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    name: text('name').notNull(),
    accountId: integer('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    protocol: text('protocol').notNull().default('http'),
    isActive: integer('is_active', { mode: 'boolean' }).notNull().default(true),
    version: integer('version').notNull().default(1),
    createdAt: text('created_at').notNull().default(UTC_NOW),
    updatedAt: text('updated_at').notNull().default(UTC_NOW),
  },
  (table) => [uniqueIndex('websites_account_name_idx').on(table.accountId, table.name)],
)

/** The domains a website answers for. */
export const websiteDomains = sqliteTable(
  'website_domains',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    websiteId: integer('website_id')
      .notNull()
      .references(() => websites.id, { onDelete: 'cascade' }),
    domainId: integer('domain_id')
      .notNull()
      .references(() => domains.id, { onDelete: 'cascade' }),
  },
  (table) => [
    uniqueIndex('website_domains_pair_idx').on(table.websiteId, table.domainId),
    index('website_domains_domain_idx').on(table.domainId),
  ],
)

/** A web app mounted on a website at a path (spec 6.1 Content). */
export const websiteContents = sqliteTable(
  'website_contents',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    websiteId: integer('website_id')
      .notNull()
      .references(() => websites.id, { onDelete: 'cascade' }),
    webappId: integer('webapp_id')
      .notNull()
      .references(() => webapps.id),
    path: text('path').notNull().default('/'),
  },
  (table) => [
    uniqueIndex('website_contents_path_idx').on(table.websiteId, table.path),
    index('website_contents_webapp_idx').on(table.webappId),
  ],
)

/** A directive of a website (spec 6.3), in the order the operator gave them. */
export const websiteDirectives = sqliteTable(
  'website_directives',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    websiteId: integer('website_id')
      .notNull()
      .references(() => websites.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    value: text('value').notNull().default(''),
  },
  (table) => [index('website_directives_site_idx').on(table.websiteId)],
)

/**
 * A certificate issued over ACME for a website's names (spec 11). The files live on the web
 * server under `lineage`; the row records what was asked, what was issued and when it expires,
 * so renewal knows what is due.
 */
export const certificates = sqliteTable(
  'certificates',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    websiteId: integer('website_id')
      .notNull()
      .references(() => websites.id, { onDelete: 'cascade' }),
    /** The names on the certificate, space-separated, the first being its subject. */
    names: text('names').notNull(),
    /** The folder on the server holding cert.pem, chain.pem, fullchain.pem and privkey.pem. */
    lineage: text('lineage').notNull().default(''),
    status: text('status').notNull().default('pending'),
    notBefore: text('not_before'),
    notAfter: text('not_after'),
    lastError: text('last_error').notNull().default(''),
    version: integer('version').notNull().default(1),
    createdAt: text('created_at').notNull().default(UTC_NOW),
    updatedAt: text('updated_at').notNull().default(UTC_NOW),
  },
  (table) => [uniqueIndex('certificates_website_idx').on(table.websiteId)],
)
