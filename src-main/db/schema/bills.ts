import {
  index,
  integer,
  sqliteTable,
  text,
  uniqueIndex,
  type AnySQLiteColumn,
} from 'drizzle-orm/sqlite-core'
import type { BillType } from '../../billing/bill-document'
import type { CountryCode } from '../../../src-shared/countries'
import { accounts } from './accounts'
import { orders, services } from './billing'
import { UTC_NOW } from './columns'

/**
 * Bills and what they are made of (spec: billing 7 and 10). A bill is a legal record: it
 * outlives its account (the account link goes null and the buyer's details frozen at close
 * stay), and a closed one is never edited or deleted (data/bills.ts refuses it).
 */

export type SublineType = 'PLAN' | 'COMPENSATION' | 'PREPAY' | 'OTHER'

/** The fiscal identity of an account, the buyer on its bills (spec 10). */
export const billContacts = sqliteTable('bill_contacts', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  accountId: integer('account_id')
    .notNull()
    .unique()
    .references(() => accounts.id, { onDelete: 'cascade' }),
  /** Blank prints the account's full name. */
  name: text('name').notNull().default(''),
  address: text('address').notNull().default(''),
  city: text('city').notNull().default(''),
  zipcode: text('zipcode').notNull().default(''),
  country: text('country').$type<CountryCode>().notNull(),
  vat: text('vat').notNull(),
  version: integer('version').notNull().default(1),
  createdAt: text('created_at').notNull().default(UTC_NOW),
  updatedAt: text('updated_at').notNull().default(UTC_NOW),
})

export const bills = sqliteTable(
  'bills',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** Provisional ("OI20260003") while open, final ("I20260001") from the close on. */
    number: text('number').notNull().unique(),
    type: text('type').$type<BillType>().notNull(),
    accountId: integer('account_id').references(() => accounts.id, { onDelete: 'set null' }),
    /** An amendment's corrected bill; a bill with amendments cannot go. */
    amendOfId: integer('amend_of_id').references((): AnySQLiteColumn => bills.id, {
      onDelete: 'restrict',
    }),
    isOpen: integer('is_open', { mode: 'boolean' }).notNull().default(true),
    isSent: integer('is_sent', { mode: 'boolean' }).notNull().default(false),
    createdOn: text('created_on').notNull(),
    closedOn: text('closed_on'),
    dueOn: text('due_on'),
    comments: text('comments').notNull().default(''),
    /** The buyer as it was at close; anonymised when the account is deleted. */
    buyerName: text('buyer_name'),
    buyerVat: text('buyer_vat'),
    buyerAddress: text('buyer_address'),
    buyerZipcode: text('buyer_zipcode'),
    buyerCity: text('buyer_city'),
    buyerCountry: text('buyer_country'),
    /** The printed bill's data (JSON), frozen at close so a reprint shows the same bill. */
    document: text('document'),
    version: integer('version').notNull().default(1),
    createdAt: text('created_at').notNull().default(UTC_NOW),
    updatedAt: text('updated_at').notNull().default(UTC_NOW),
  },
  (table) => [
    index('bills_account_open_idx').on(table.accountId, table.type, table.isOpen),
    index('bills_open_idx').on(table.isOpen, table.type),
    index('bills_amend_of_idx').on(table.amendOfId),
    index('bills_closed_on_idx').on(table.closedOn),
  ],
)

/**
 * A priced line. Size (the pro-rata factor) and metric are stored apart and exact; quantity
 * is their product. The order link is informative and goes null when the order does.
 */
export const billLines = sqliteTable(
  'bill_lines',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    billId: integer('bill_id')
      .notNull()
      .references(() => bills.id, { onDelete: 'cascade' }),
    orderId: integer('order_id').references(() => orders.id, { onDelete: 'set null' }),
    serviceId: integer('service_id').references(() => services.id, { onDelete: 'set null' }),
    description: text('description').notNull(),
    /** The nominal unit price; null for a line written by hand without one. */
    rate: text('rate'),
    size: text('size').notNull().default('1'),
    metric: text('metric').notNull().default('1'),
    quantity: text('quantity').notNull().default('1'),
    verboseQuantity: text('verbose_quantity').notNull().default(''),
    subtotal: text('subtotal').notNull(),
    /** Percent as decimal text. */
    tax: text('tax').notNull().default('0'),
    startOn: text('start_on').notNull(),
    /** Null for one-time services. */
    endOn: text('end_on'),
    /** The order's billing state before this line, so the billing can be undone. */
    orderBilledOn: text('order_billed_on'),
    orderBilledUntil: text('order_billed_until'),
    amendedLineId: integer('amended_line_id').references((): AnySQLiteColumn => billLines.id, {
      onDelete: 'set null',
    }),
    position: integer('position').notNull().default(0),
    createdAt: text('created_at').notNull().default(UTC_NOW),
  },
  (table) => [
    index('bill_lines_bill_idx').on(table.billId, table.position),
    index('bill_lines_order_idx').on(table.orderId),
    index('bill_lines_amended_line_idx').on(table.amendedLineId),
  ],
)

/** An adjustment under a line: a plan discount, a compensation, a prepayment (≤ 0). */
export const billSublines = sqliteTable(
  'bill_sublines',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    lineId: integer('line_id')
      .notNull()
      .references(() => billLines.id, { onDelete: 'cascade' }),
    type: text('type').$type<SublineType>().notNull(),
    description: text('description').notNull(),
    total: text('total').notNull(),
    /**
     * On a COMPENSATION subline, the cancelled order whose prepaid time it is (spec 6.9), with
     * its billed_until before the run and the one the run left it: undoing the line gives the
     * time back. Null elsewhere, on copies, and once the giver order is deleted.
     */
    giverOrderId: integer('giver_order_id').references(() => orders.id, { onDelete: 'set null' }),
    giverBilledUntil: text('giver_billed_until'),
    giverLeftUntil: text('giver_left_until'),
  },
  (table) => [
    index('bill_sublines_line_idx').on(table.lineId),
    index('bill_sublines_giver_idx').on(table.giverOrderId),
  ],
)

/**
 * The last number given in one series, a prefix ("I", or "OI" for open invoices) and a year.
 * A number, not text: the series goes on past 9999 without sorting 10000 before 9999.
 */
export const billSequences = sqliteTable(
  'bill_sequences',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    prefix: text('prefix').notNull(),
    year: integer('year').notNull(),
    lastNumber: integer('last_number').notNull().default(0),
  },
  (table) => [uniqueIndex('bill_sequences_prefix_year_idx').on(table.prefix, table.year)],
)
