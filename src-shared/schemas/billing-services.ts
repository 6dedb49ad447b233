import { z } from 'zod'
import {
  idSchema,
  listQueryShape,
  multiLineText,
  nameText,
  requiredText,
  versionSchema,
} from './common'
import {
  BILLING_PERIODS,
  BILLING_POINTS,
  CANCEL_POLICIES,
  IGNORE_PERIODS,
  PAYMENT_STYLES,
  PRICING_PERIODS,
  RATE_ALGORITHMS,
  TAX_RATE,
} from './service-settings'

/**
 * Service definitions, plans, contracted plans and rates (spec billing 2 and 3). The rules that
 * span fields or need settings and the database (unsupported combinations, tax choices, a second
 * contract of a plan) live in main, in billing/service-rules.ts.
 */

export type BillingPeriodValue = (typeof BILLING_PERIODS)[number]
export type BillingPointValue = (typeof BILLING_POINTS)[number]
export type IgnorePeriodValue = (typeof IGNORE_PERIODS)[number]
export type PricingPeriodValue = (typeof PRICING_PERIODS)[number]
export type RateAlgorithmValue = (typeof RATE_ALGORITHMS)[number]
export type CancelPolicy = (typeof CANCEL_POLICIES)[number]
export type PaymentStyleValue = (typeof PAYMENT_STYLES)[number]

/**
 * The kinds of object a service can bill, each the name its expressions use for the object
 * (`mailbox.name`). What each exposes is declared in main, in billing/billable-models.ts.
 */
export const BILLABLE_MODELS = [
  'account',
  'mailbox',
  'systemuser',
  'domain',
  'database',
  'databaseuser',
  'webapp',
  'website',
  'mailinglist',
  'saas',
  'vps',
  'miscellaneous',
  'contractedplan',
] as const
export type BillableModel = (typeof BILLABLE_MODELS)[number]

/** Only the default engine ships; the field stays so another handler can be chosen later. */
export const SERVICE_HANDLERS = [''] as const

/** Longest expression: enough for any real rule, and a bound on what the parser is handed. */
export const EXPRESSION_MAX = 1000

// --- Amounts -----------------------------------------------------------------------------------

/**
 * A decimal amount as text with at most `digits` digits of which 2 are decimals (decimal(12,2)),
 * never negative: rates and prices only discount (spec billing 5.5). An integer number is taken
 * too; a fractional JavaScript number is refused, since it has already lost its exact value.
 * The output is canonical text with two decimals: "12" becomes "12.00".
 */
export function amountSchema(digits = 12) {
  const pattern = new RegExp(`^\\d{1,${digits - 2}}(\\.\\d{1,2})?$`)
  return z
    .preprocess(integerAsText, z.string().trim())
    .refine((text) => pattern.test(text), {
      message: `must be an amount such as 12.50, at most ${digits - 2} digits before the point`,
      params: { rule: 'amount' },
    })
    .transform(canonicalAmount)
}

/** An integer number as its text; anything else as it came, for the string rule to judge. */
function integerAsText(value: unknown): unknown {
  return typeof value === 'number' && Number.isSafeInteger(value) ? String(value) : value
}

function canonicalAmount(text: string): string {
  const [whole = '0', fraction = ''] = text.split('.')
  return `${whole.replace(/^0+(?=\d)/, '')}.${fraction.padEnd(2, '0')}`
}

/** A tax percent as decimal text, "21" or "10.5"; which ones are allowed is a setting. */
export const taxRateSchema = z
  .preprocess(integerAsText, z.string().trim())
  .refine((text) => TAX_RATE.test(text), {
    message: 'must be a percent from 0 to 100',
    params: { rule: 'tax' },
  })

/**
 * The change a new metric value must exceed to be stored (spec billing 4.3): decimal text, or
 * null (an empty field) for ORDERS_METRIC_ERROR. Relative thresholds are fractions of the last
 * value: "0.05" is 5%.
 */
export const metricThresholdSchema = z
  .string()
  .trim()
  .regex(/^$|^\d{1,6}(\.\d{1,4})?$/, { message: 'must be a decimal number such as 0.05' })
  .transform((text) => (text === '' ? null : text))
  .nullable()

/** Expression text of one or more lines, bounded; checked against its model in main. */
export const expressionSchema = multiLineText(EXPRESSION_MAX)

// --- Service definitions ------------------------------------------------------------------------

/** Each editable field once, without defaults: a create fills them in, an update omits them. */
const serviceFields = {
  description: requiredText(256),
  contentType: z.enum(BILLABLE_MODELS),
  /** Blank means every object; it is stored as `true` (spec billing 2.1). */
  match: expressionSchema.transform((match) => (match === '' ? 'true' : match)),
  periodicUpdate: z.boolean(),
  handlerType: z.enum(SERVICE_HANDLERS),
  isActive: z.boolean(),
  ignoreSuperusers: z.boolean(),
  billingPeriod: z.enum(BILLING_PERIODS),
  billingPoint: z.enum(BILLING_POINTS),
  isFee: z.boolean(),
  orderDescription: expressionSchema,
  ignorePeriod: z.enum(IGNORE_PERIODS),
  metric: expressionSchema,
  metricThreshold: metricThresholdSchema,
  metricThresholdRelative: z.boolean(),
  nominalPrice: amountSchema(12),
  tax: taxRateSchema,
  pricingPeriod: z.enum(PRICING_PERIODS),
  rateAlgorithm: z.enum(RATE_ALGORITHMS),
  onCancel: z.enum(CANCEL_POLICIES),
  paymentStyle: z.enum(PAYMENT_STYLES),
}

/**
 * A new service definition with the defaults of spec billing 2. Without a trial period, tax or
 * rating algorithm it gets SERVICES_DEFAULT_IGNORE_PERIOD, SERVICES_SERVICE_DEFAULT_TAX and
 * PLANS_DEFAULT_RATE_METHOD, which main applies (as accounts get their default type).
 */
export const serviceCreateSchema = z.strictObject({
  ...serviceFields,
  match: serviceFields.match.default('true'),
  periodicUpdate: serviceFields.periodicUpdate.default(false),
  handlerType: serviceFields.handlerType.default(''),
  isActive: serviceFields.isActive.default(true),
  ignoreSuperusers: serviceFields.ignoreSuperusers.default(true),
  billingPeriod: serviceFields.billingPeriod.default('ANUAL'),
  billingPoint: serviceFields.billingPoint.default('ON_FIXED_DATE'),
  isFee: serviceFields.isFee.default(false),
  orderDescription: serviceFields.orderDescription.default(''),
  ignorePeriod: serviceFields.ignorePeriod.optional(),
  metric: serviceFields.metric.default(''),
  metricThreshold: serviceFields.metricThreshold.default(null),
  metricThresholdRelative: serviceFields.metricThresholdRelative.default(false),
  tax: serviceFields.tax.optional(),
  pricingPeriod: serviceFields.pricingPeriod.default('BILLING_PERIOD'),
  rateAlgorithm: serviceFields.rateAlgorithm.optional(),
  onCancel: serviceFields.onCancel.default('DISCOUNT'),
  paymentStyle: serviceFields.paymentStyle.default('PREPAY'),
})
export type ServiceCreateInput = z.input<typeof serviceCreateSchema>
export type ServiceCreateValues = z.output<typeof serviceCreateSchema>

/** A partial update: only the fields sent change; the rules are checked on the merged result. */
export const serviceUpdateSchema = z.strictObject({
  id: idSchema,
  version: versionSchema,
  ...z.object(serviceFields).partial().shape,
})
export type ServiceUpdateInput = z.input<typeof serviceUpdateSchema>

export const serviceListSchema = z.strictObject({
  ...listQueryShape,
  contentType: z.enum(BILLABLE_MODELS).optional(),
  active: z.boolean().optional(),
  sort: z
    .enum(['description', 'contentType', 'nominalPrice', 'activeOrders'])
    .default('description'),
})
export type ServiceListQuery = z.input<typeof serviceListSchema>

/** A stored service definition: every field resolved, amounts as decimal text. */
export interface Service {
  id: number
  description: string
  contentType: BillableModel
  match: string
  periodicUpdate: boolean
  handlerType: (typeof SERVICE_HANDLERS)[number]
  isActive: boolean
  ignoreSuperusers: boolean
  billingPeriod: BillingPeriodValue
  billingPoint: BillingPointValue
  isFee: boolean
  orderDescription: string
  ignorePeriod: IgnorePeriodValue
  metric: string
  /** Null: ORDERS_METRIC_ERROR. */
  metricThreshold: string | null
  metricThresholdRelative: boolean
  nominalPrice: string
  tax: string
  pricingPeriod: PricingPeriodValue
  rateAlgorithm: RateAlgorithmValue
  onCancel: CancelPolicy
  paymentStyle: PaymentStyleValue
  version: number
  createdAt: string
  updatedAt: string
}

export interface ServiceRow extends Service {
  /** Orders not cancelled, or cancelled in the future (spec billing 2.3). */
  activeOrders: number
}

// --- Plans --------------------------------------------------------------------------------------

/** A plan name is an identifier: a letter or `_` first, then letters, digits and `_`. */
export const PLAN_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/

export const planNameSchema = z.string().trim().min(1).max(32).regex(PLAN_NAME, {
  message: 'must be an identifier: a letter or _ first, then letters, digits or _',
})

const planFields = {
  name: planNameSchema,
  /** Shown instead of the name when set. */
  verboseName: nameText(128),
  isActive: z.boolean(),
  /** Its rates apply to every account, contracted or not. */
  isDefault: z.boolean(),
  /** Its rates may be pooled with other combinable plans' rates. */
  isCombinable: z.boolean(),
  /** An account may contract it more than once. */
  allowMultiple: z.boolean(),
}

export const planCreateSchema = z.strictObject({
  ...planFields,
  verboseName: planFields.verboseName.default(''),
  isActive: planFields.isActive.default(true),
  isDefault: planFields.isDefault.default(false),
  isCombinable: planFields.isCombinable.default(true),
  allowMultiple: planFields.allowMultiple.default(false),
})
export type PlanCreateInput = z.input<typeof planCreateSchema>

export const planUpdateSchema = z.strictObject({
  id: idSchema,
  version: versionSchema,
  ...z.object(planFields).partial().shape,
})
export type PlanUpdateInput = z.input<typeof planUpdateSchema>

export interface Plan {
  id: number
  name: string
  verboseName: string
  isActive: boolean
  isDefault: boolean
  isCombinable: boolean
  allowMultiple: boolean
  version: number
  createdAt: string
  updatedAt: string
}

/** The verbose name, else the name (spec billing 3). */
export function planLabel(plan: Pick<Plan, 'name' | 'verboseName'>): string {
  return plan.verboseName || plan.name
}

// --- Contracted plans ---------------------------------------------------------------------------

export const contractedPlanCreateSchema = z.strictObject({
  planId: idSchema,
  accountId: idSchema,
})
export type ContractedPlanCreateInput = z.input<typeof contractedPlanCreateSchema>

export interface ContractedPlan {
  id: number
  planId: number
  accountId: number
  version: number
  createdAt: string
  updatedAt: string
}

export interface ContractedPlanRow extends ContractedPlan {
  planName: string
  accountUsername: string
  /** The plan's flag and the account's (spec billing 3). */
  active: boolean
}

// --- Rates --------------------------------------------------------------------------------------

const rateFields = {
  serviceId: idSchema,
  /** Always set: the original allowed none, and no rate without a plan was ever applied. */
  planId: idSchema,
  /** From this unit on a unit costs `price`; null and 0 both mean the first unit. */
  quantity: z
    .number()
    .int()
    .min(0)
    .max(2 ** 31 - 1)
    .nullable(),
  price: amountSchema(12),
}

export const rateCreateSchema = z.strictObject({
  ...rateFields,
  quantity: rateFields.quantity.default(null),
})
export type RateCreateInput = z.input<typeof rateCreateSchema>

export const rateUpdateSchema = z.strictObject({
  id: idSchema,
  quantity: rateFields.quantity.optional(),
  price: rateFields.price.optional(),
})
export type RateUpdateInput = z.input<typeof rateUpdateSchema>

export interface Rate {
  id: number
  serviceId: number
  planId: number
  quantity: number | null
  price: string
  createdAt: string
}
