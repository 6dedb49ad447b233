import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core'

/**
 * Append-only audit trail. No foreign keys on purpose: history outlives the objects it talks
 * about. A migration adds triggers that refuse UPDATE and DELETE on this table.
 */
export const historyEntries = sqliteTable(
  'history_entries',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    at: text('at').notNull(),
    actor: text('actor').notNull(),
    objectType: text('object_type').notNull(),
    objectId: integer('object_id').notNull(),
    /** The owning account, so an account page can show its contacts' history too. */
    accountId: integer('account_id'),
    objectRepr: text('object_repr').notNull(),
    action: text('action').notNull(),
    /** JSON array of { field, from, to }. */
    changes: text('changes').notNull().default('[]'),
    message: text('message').notNull().default(''),
  },
  (table) => [
    index('history_object_idx').on(table.objectType, table.objectId),
    index('history_account_idx').on(table.accountId),
    index('history_at_idx').on(table.at),
  ],
)
