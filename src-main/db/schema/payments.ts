import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import type {
  PaymentMethod,
  ProcessKind,
  ProcessState,
  TransactionState,
} from '../../../src-shared/schemas/payments'
import { accounts } from './accounts'
import { bills } from './bills'
import { UTC_NOW } from './columns'

/**
 * Payments (spec: billing 9). A transaction is a legal record like its bill: it outlives the
 * account and the source (both links go null), and amounts are decimal text, never floats.
 */

/** How an account pays: its method and the method's data (JSON, checked by the method). */
export const paymentSources = sqliteTable(
  'payment_sources',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    accountId: integer('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    method: text('method').$type<PaymentMethod>().notNull(),
    data: text('data').notNull().default('{}'),
    isActive: integer('is_active', { mode: 'boolean' }).notNull().default(true),
    version: integer('version').notNull().default(1),
    createdAt: text('created_at').notNull().default(UTC_NOW),
    updatedAt: text('updated_at').notNull().default(UTC_NOW),
  },
  (table) => [index('payment_sources_account_idx').on(table.accountId, table.isActive)],
)

/** A bank file (SEPA) made from transactions; the file is kept as it was handed out. */
export const paymentProcesses = sqliteTable(
  'payment_processes',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    kind: text('kind').$type<ProcessKind>().notNull(),
    state: text('state').$type<ProcessState>().notNull().default('CREATED'),
    fileName: text('file_name').notNull(),
    file: text('file').notNull(),
    version: integer('version').notNull().default(1),
    createdAt: text('created_at').notNull().default(UTC_NOW),
    updatedAt: text('updated_at').notNull().default(UTC_NOW),
  },
  (table) => [index('payment_processes_state_idx').on(table.state)],
)

/** Money asked for (positive) or paid back (negative) on a closed bill. */
export const transactions = sqliteTable(
  'transactions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    billId: integer('bill_id')
      .notNull()
      .references(() => bills.id, { onDelete: 'restrict' }),
    sourceId: integer('source_id').references(() => paymentSources.id, { onDelete: 'set null' }),
    /** The source's method when the transaction was made, kept when the source goes. */
    method: text('method').$type<PaymentMethod>(),
    processId: integer('process_id').references(() => paymentProcesses.id, {
      onDelete: 'set null',
    }),
    state: text('state').$type<TransactionState>().notNull(),
    amount: text('amount').notNull(),
    currency: text('currency').notNull(),
    version: integer('version').notNull().default(1),
    createdAt: text('created_at').notNull().default(UTC_NOW),
    modifiedAt: text('modified_at').notNull().default(UTC_NOW),
  },
  (table) => [
    index('transactions_bill_idx').on(table.billId),
    index('transactions_state_idx').on(table.state),
    index('transactions_process_idx').on(table.processId),
    index('transactions_source_idx').on(table.sourceId),
  ],
)
