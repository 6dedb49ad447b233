import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core'
import { accounts } from './accounts'
import { UTC_NOW } from './columns'
import { domains } from './domains'

/** A mail storage account (spec 2.1): a virtual user of Dovecot, not a UNIX user. */
export const mailboxes = sqliteTable(
  'mailboxes',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** Lower case, always: it is the IMAP/SMTP login. */
    name: text('name').notNull().unique(),
    accountId: integer('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    /** A SHA-512 crypt hash, what Dovecot's passwd-file reads; never the password. */
    passwordHash: text('password_hash').notNull().default(''),
    filtering: text('filtering').notNull().default('REDIRECT'),
    customFiltering: text('custom_filtering').notNull().default(''),
    isActive: integer('is_active', { mode: 'boolean' }).notNull().default(true),
    version: integer('version').notNull().default(1),
    createdAt: text('created_at').notNull().default(UTC_NOW),
    updatedAt: text('updated_at').notNull().default(UTC_NOW),
  },
  (table) => [index('mailboxes_account_idx').on(table.accountId, table.name)],
)

/**
 * An address `name@domain` routed to mailboxes and forwards; an empty name is the domain's
 * catch-all. The domain may not be deleted under it: the mail module removes its addresses
 * first, so the servers hear of it.
 */
export const mailAddresses = sqliteTable(
  'mail_addresses',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    name: text('name').notNull().default(''),
    domainId: integer('domain_id')
      .notNull()
      .references(() => domains.id),
    accountId: integer('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    /** Space-separated external addresses and mailbox names, in the user's order. */
    forward: text('forward').notNull().default(''),
    autoresponseEnabled: integer('autoresponse_enabled', { mode: 'boolean' })
      .notNull()
      .default(false),
    autoresponseSubject: text('autoresponse_subject').notNull().default(''),
    autoresponseMessage: text('autoresponse_message').notNull().default(''),
    version: integer('version').notNull().default(1),
    createdAt: text('created_at').notNull().default(UTC_NOW),
    updatedAt: text('updated_at').notNull().default(UTC_NOW),
  },
  (table) => [
    uniqueIndex('mail_addresses_email_idx').on(table.domainId, table.name),
    index('mail_addresses_account_idx').on(table.accountId),
  ],
)

export const mailAddressMailboxes = sqliteTable(
  'mail_address_mailboxes',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    addressId: integer('address_id')
      .notNull()
      .references(() => mailAddresses.id, { onDelete: 'cascade' }),
    mailboxId: integer('mailbox_id')
      .notNull()
      .references(() => mailboxes.id, { onDelete: 'cascade' }),
  },
  (table) => [
    uniqueIndex('mail_address_mailboxes_pair_idx').on(table.addressId, table.mailboxId),
    index('mail_address_mailboxes_mailbox_idx').on(table.mailboxId),
  ],
)
