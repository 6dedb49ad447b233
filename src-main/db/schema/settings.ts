import { sqliteTable, text } from 'drizzle-orm/sqlite-core'

/** Overrides of declared settings; a setting absent here has its default value. */
export const settings = sqliteTable('settings', {
  name: text('name').primaryKey(),
  /** JSON-encoded value. */
  value: text('value').notNull(),
  updatedAt: text('updated_at').notNull(),
})
