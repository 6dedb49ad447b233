import type { Money } from './money'

/**
 * The billing engine's vocabulary (spec: billing 2, 4 and 6). Everything here is plain data:
 * the engine is a set of pure functions from services, orders, rates, metric rows and dates to
 * pending lines and order updates, so it runs the same in the app, the command line and tests.
 */

/** A calendar date, `YYYY-MM-DD`. Intervals are half open: `end` is the first day not covered. */
export type IsoDate = string

export type BillingPeriod = '' | 'MONTHLY' | 'ANUAL'
export type BillingPointKind = 'ON_REGISTER' | 'ON_FIXED_DATE'
export type IgnorePeriod = '' | 'ONE_DAY' | 'TWO_DAYS' | 'TEN_DAYS' | 'ONE_MONTH'
export type PricingPeriod = '' | 'BILLING_PERIOD' | 'MONTHLY' | 'ANUAL'
export type RateAlgorithm = 'step_price' | 'match_price' | 'best_price'
export type OnCancel = 'NOTHING' | 'DISCOUNT' | 'COMPENSATE' | 'REFUND'
export type PaymentStyle = 'PREPAY' | 'POSTPAY'

/** What the engine needs of a service definition; expressions are already evaluated. */
export interface BilledService {
  id: number
  description: string
  billingPeriod: BillingPeriod
  billingPoint: BillingPointKind
  isFee: boolean
  nominalPrice: Money
  /** Percent, e.g. 21 or 10.5. */
  tax: Money
  pricingPeriod: PricingPeriod
  rateAlgorithm: RateAlgorithm
  onCancel: OnCancel
  paymentStyle: PaymentStyle
  ignorePeriod: IgnorePeriod
  /** Whether the service has a metric expression; without one each order counts as 1. */
  hasMetric: boolean
  /** SERVICES_SERVICE_ANUAL_BILLING_MONTH, 1 = January. */
  annualBillingMonth: number
}

/** An order's billing state (spec 4). */
export interface BilledOrder {
  id: number
  accountId: number
  serviceId: number
  description: string
  registeredOn: IsoDate
  cancelledOn: IsoDate | null
  billedOn: IsoDate | null
  billedUntil: IsoDate | null
  billedMetric: Money | null
  ignore: boolean
}

export interface RatePlan {
  id: number
  isCombinable: boolean
}

/**
 * One applicable rate row for one account (spec 3.1), ordered by plan then quantity. A plan
 * the account contracted k times appears once per row with `contracts: k` (the fold), never as
 * repeated rows.
 */
export interface RateRow {
  plan: RatePlan
  /** The threshold: from this unit on a unit costs `price`; null and 0 mean the first unit. */
  quantity: number | null
  price: Money
  contracts: number
}

/** A quantity at one unit price: rating turns a metric into consecutive steps. */
export interface RateStep {
  quantity: Money
  price: Money
}

/** One stored metric row (spec 4.3): `value` was in force from `createdOn` until `updatedOn`. */
export interface MetricRow {
  createdOn: IsoDate
  /** An instant with its offset, e.g. `2024-05-01T10:00:00Z`. */
  updatedOn: string
  value: Money
}

export type DiscountType = 'PLAN' | 'COMPENSATION' | 'PREPAY'

export interface Discount {
  type: DiscountType
  /** Zero or negative. */
  amount: Money
  /** On a compensation, the cancelled order whose time it is (spec 6.9), for undo (6.12). */
  giver?: CompensationGiver
}

/** A giver's billed_until before the run and the one the run leaves it. */
export interface CompensationGiver {
  orderId: number
  billedUntil: IsoDate
  leftUntil: IsoDate
}

/** A line the engine proposes (spec 6.4), before it is placed on a bill. */
export interface PendingLine {
  orderId: number
  serviceId: number
  accountId: number
  description: string
  ini: IsoDate
  /** Null for one-time services. */
  end: IsoDate | null
  /** The exact pro-rata factor: never rounded before pricing. */
  size: Money
  /** 1 for counted orders. */
  metric: Money
  /** The nominal unit price, printed as the line's rate. */
  nominalPrice: Money
  /** nominal × size × metric, rounded half up to cents. */
  subtotal: Money
  discounts: Discount[]
  /** A negative line giving back prepaid time (on_cancel REFUND). */
  refund: boolean
  /** The service's is_fee: the line belongs on a fee bill, not an invoice (spec 7.2). */
  isFee: boolean
  /** The order's state before this run, remembered on the bill line for undo (spec 6.11). */
  orderBilledOn: IsoDate | null
  orderBilledUntil: IsoDate | null
}

/** What committing a run writes on an order that produced at least one line (spec 6.11). */
export interface OrderUpdate {
  orderId: number
  billedOn: IsoDate
  billedUntil: IsoDate | null
  billedMetric: Money | null
}

export interface BillingOptions {
  /** The run's reference date. */
  billingPoint: IsoDate
  /** True: bill exactly until billingPoint; false: to the end of each order's period. */
  fixedPoint: boolean
  /** The local date the run happens; billing depends on it, so tests pin it. */
  today: IsoDate
}

/** Everything the engine reads for one (account, service) group. */
export interface GroupInput {
  service: BilledService
  /** The orders being billed. */
  orders: BilledOrder[]
  /** All orders of this account and service, billed ones included (pricing, compensation). */
  accountOrders: BilledOrder[]
  rates: RateRow[]
  /** Metric rows per order id, in creation order; only for services with a metric. */
  metrics: ReadonlyMap<number, MetricRow[]>
  options: BillingOptions
  /** Per order id, what its latest bill line charged; a refund keeps that line's proportion. */
  lastCharges?: ReadonlyMap<number, BilledCharge>
}

/** The money of an order's latest bill line, as a REFUND needs it (spec 6.7). */
export interface BilledCharge {
  subtotal: Money
  /** The line's plan discount, zero or negative. */
  planDiscount: Money
  /** The line's nominal unit price as billed; a refund gives time back at it, not today's. */
  rate?: Money
  /** What credit notes give back of the line, zero or negative: not to be refunded twice. */
  credited?: Money
}

export interface GroupResult {
  lines: PendingLine[]
  orderUpdates: OrderUpdate[]
}
