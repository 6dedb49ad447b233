import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core'
import type {
  BillingPeriod,
  BillingPointKind,
  IgnorePeriod,
  OnCancel,
  PaymentStyle,
  PricingPeriod,
  RateAlgorithm,
} from '../../billing/types'
import { accounts } from './accounts'
import { UTC_NOW } from './columns'

/**
 * What is billed and at what price (spec: billing 2 to 4). Money, prices and quantities are
 * decimal text ("12.50"), never REAL: a binary float cannot hold most cent amounts. Dates are
 * `YYYY-MM-DD` text; instants are ISO 8601 UTC text, as everywhere else in the schema.
 */

/** A service definition: every object of `contentType` matching `match` costs a price. */
export const services = sqliteTable(
  'services',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    description: text('description').notNull().unique(),
    /** The kind of billable object, e.g. `mailbox`, `systemUser`, `contractedPlan`. */
    contentType: text('content_type').notNull(),
    /** Expressions in the safe expression language of routes; a blank match is `true`. */
    match: text('match').notNull().default('true'),
    metric: text('metric').notNull().default(''),
    orderDescription: text('order_description').notNull().default(''),
    periodicUpdate: integer('periodic_update', { mode: 'boolean' }).notNull().default(false),
    handlerType: text('handler_type').notNull().default(''),
    isActive: integer('is_active', { mode: 'boolean' }).notNull().default(true),
    ignoreSuperusers: integer('ignore_superusers', { mode: 'boolean' }).notNull().default(true),
    billingPeriod: text('billing_period').$type<BillingPeriod>().notNull().default('ANUAL'),
    billingPoint: text('billing_point')
      .$type<BillingPointKind>()
      .notNull()
      .default('ON_FIXED_DATE'),
    isFee: integer('is_fee', { mode: 'boolean' }).notNull().default(false),
    ignorePeriod: text('ignore_period').$type<IgnorePeriod>().notNull().default('TEN_DAYS'),
    nominalPrice: text('nominal_price').notNull(),
    /** Percent as decimal text, e.g. "21" or "10.5". */
    tax: text('tax').notNull().default('0'),
    pricingPeriod: text('pricing_period')
      .$type<PricingPeriod>()
      .notNull()
      .default('BILLING_PERIOD'),
    rateAlgorithm: text('rate_algorithm').$type<RateAlgorithm>().notNull().default('step_price'),
    onCancel: text('on_cancel').$type<OnCancel>().notNull().default('DISCOUNT'),
    paymentStyle: text('payment_style').$type<PaymentStyle>().notNull().default('PREPAY'),
    /**
     * The change a new metric value must exceed to be stored as a new row (spec 4.3); null
     * takes ORDERS_METRIC_ERROR. Relative means a fraction of the last value ("0.05" = 5%).
     */
    metricThreshold: text('metric_threshold'),
    metricThresholdRelative: integer('metric_threshold_relative', { mode: 'boolean' })
      .notNull()
      .default(false),
    version: integer('version').notNull().default(1),
    createdAt: text('created_at').notNull().default(UTC_NOW),
    updatedAt: text('updated_at').notNull().default(UTC_NOW),
  },
  (table) => [index('services_content_type_idx').on(table.contentType, table.isActive)],
)

/** A named pricing package; its rates apply to the accounts that contract it (spec 3). */
export const plans = sqliteTable('plans', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  name: text('name').notNull().unique(),
  verboseName: text('verbose_name').notNull().default(''),
  isActive: integer('is_active', { mode: 'boolean' }).notNull().default(true),
  isDefault: integer('is_default', { mode: 'boolean' }).notNull().default(false),
  isCombinable: integer('is_combinable', { mode: 'boolean' }).notNull().default(true),
  allowMultiple: integer('allow_multiple', { mode: 'boolean' }).notNull().default(false),
  version: integer('version').notNull().default(1),
  createdAt: text('created_at').notNull().default(UTC_NOW),
  updatedAt: text('updated_at').notNull().default(UTC_NOW),
})

/** An account's subscription to a plan; itself a billable object (the plan's fee). */
export const contractedPlans = sqliteTable(
  'contracted_plans',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    planId: integer('plan_id')
      .notNull()
      .references(() => plans.id, { onDelete: 'restrict' }),
    accountId: integer('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    version: integer('version').notNull().default(1),
    createdAt: text('created_at').notNull().default(UTC_NOW),
    updatedAt: text('updated_at').notNull().default(UTC_NOW),
  },
  (table) => [
    index('contracted_plans_account_idx').on(table.accountId, table.planId),
    index('contracted_plans_plan_idx').on(table.planId),
  ],
)

/** One row of a rate table: from `quantity` units on, a unit costs `price` (spec 5). */
export const rates = sqliteTable(
  'rates',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    serviceId: integer('service_id')
      .notNull()
      .references(() => services.id, { onDelete: 'cascade' }),
    planId: integer('plan_id')
      .notNull()
      .references(() => plans.id, { onDelete: 'cascade' }),
    /** Null and 0 both mean "from the first unit". */
    quantity: integer('quantity'),
    price: text('price').notNull(),
    createdAt: text('created_at').notNull().default(UTC_NOW),
  },
  (table) => [
    uniqueIndex('rates_service_plan_quantity_idx').on(
      table.serviceId,
      table.planId,
      table.quantity,
    ),
  ],
)

/**
 * One billable object of one account under one service (spec 4). The object is named by kind
 * and id without a foreign key: it may be deleted while its order stays for the record. An
 * account's deletion keeps its orders (their lines are on kept bills), with no account.
 */
export const orders = sqliteTable(
  'orders',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    accountId: integer('account_id').references(() => accounts.id, { onDelete: 'set null' }),
    serviceId: integer('service_id')
      .notNull()
      .references(() => services.id, { onDelete: 'restrict' }),
    contentType: text('content_type').notNull(),
    objectId: integer('object_id').notNull(),
    contentObjectRepr: text('content_object_repr').notNull().default(''),
    registeredOn: text('registered_on').notNull(),
    cancelledOn: text('cancelled_on'),
    billedOn: text('billed_on'),
    billedUntil: text('billed_until'),
    billedMetric: text('billed_metric'),
    ignore: integer('ignore', { mode: 'boolean' }).notNull().default(false),
    description: text('description').notNull().default(''),
    version: integer('version').notNull().default(1),
    createdAt: text('created_at').notNull().default(UTC_NOW),
    updatedAt: text('updated_at').notNull().default(UTC_NOW),
  },
  (table) => [
    index('orders_account_service_idx').on(table.accountId, table.serviceId),
    index('orders_service_idx').on(table.serviceId, table.cancelledOn),
    index('orders_object_idx').on(table.contentType, table.objectId),
    // The run's candidates: not ignored, not cancelled long ago, billed until before the point.
    index('orders_pending_idx').on(table.ignore, table.billedUntil),
    index('orders_registered_on_idx').on(table.registeredOn),
  ],
)

/** History of an order's metric (spec 4.3): `value` in force from `createdOn` to `updatedOn`. */
export const metricRows = sqliteTable(
  'metric_rows',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    orderId: integer('order_id')
      .notNull()
      .references(() => orders.id, { onDelete: 'cascade' }),
    value: text('value').notNull(),
    createdOn: text('created_on').notNull(),
    updatedOn: text('updated_on').notNull(),
  },
  (table) => [index('metric_rows_order_idx').on(table.orderId, table.createdOn)],
)
