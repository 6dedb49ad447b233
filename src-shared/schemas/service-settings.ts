import { z } from 'zod'
import { ACCOUNT_TYPES } from './accounts'
import { listSetting } from './setting-lists'

/** Spec billing 2: the values a service definition's enumerated fields may take. */
export const BILLING_PERIODS = ['', 'MONTHLY', 'ANUAL'] as const
export const BILLING_POINTS = ['ON_REGISTER', 'ON_FIXED_DATE'] as const
export const IGNORE_PERIODS = ['', 'ONE_DAY', 'TWO_DAYS', 'TEN_DAYS', 'ONE_MONTH'] as const
export const PRICING_PERIODS = ['', 'BILLING_PERIOD', 'MONTHLY', 'ANUAL'] as const
export const RATE_ALGORITHMS = ['step_price', 'match_price', 'best_price'] as const
export const CANCEL_POLICIES = ['NOTHING', 'DISCOUNT', 'COMPENSATE', 'REFUND'] as const
export const PAYMENT_STYLES = ['PREPAY', 'POSTPAY'] as const

/** `superuser` stands for accounts flagged superuser, whatever their type (spec billing 4.1). */
export const PRIVILEGED_ACCOUNT_KINDS = ['superuser', ...ACCOUNT_TYPES] as const

/** A tax percent: 0 to 100 with at most two decimals ("21", "10.5"). */
export const TAX_RATE = /^(100|\d{1,2})(\.\d{1,2})?$/

/**
 * One tax choice as the settings page edits it: `<percent>=<label>`, e.g. `21=21%`. The label
 * holds no comma or `=`, since the list itself is comma-separated.
 */
const taxChoiceEntry = z
  .string()
  .trim()
  .regex(/^(100|\d{1,2})(\.\d{1,2})?=[^,=\n]{1,32}$/, {
    message: 'must read <percent>=<label>, e.g. 21=21%',
  })

export interface TaxChoice {
  /** Decimal text, e.g. "21" or "10.5". */
  rate: string
  label: string
}

/** The tax choices of SERVICES_SERVICE_TAXES, in the order the operator listed them. */
export function taxChoices(entries: readonly string[]): TaxChoice[] {
  return entries.map((entry) => {
    const at = entry.indexOf('=')
    return { rate: entry.slice(0, at), label: entry.slice(at + 1).trim() }
  })
}

/** Decimal text for a tolerance: read by the engine as a decimal, never as a float. */
const decimalText = z
  .string()
  .trim()
  .regex(/^\d{1,6}(\.\d{1,4})?$/, { message: 'must be a decimal number such as 0.05' })

// Coerced: the settings page sends what was typed, as text.
const month = z.coerce.number().int().min(1).max(12)

/** Spec billing 2 and 11: what service definitions, plans and orders read. */
export const SERVICE_SETTINGS = {
  SERVICES_SERVICE_TAXES: {
    group: 'SERVICES',
    help: 'The tax rates a service may have, as <percent>=<label>, e.g. 0=Duty free,21=21%.',
    schema: listSetting(taxChoiceEntry).refine((entries) => entries.length > 0, {
      message: 'needs at least one tax rate',
    }),
    default: ['0=Duty free', '21=21%'],
  },
  SERVICES_SERVICE_DEFAULT_TAX: {
    group: 'SERVICES',
    help: 'The tax percent a new service starts with; one of SERVICES_SERVICE_TAXES.',
    schema: z.string().trim().regex(TAX_RATE, { message: 'must be a percent from 0 to 100' }),
    default: '0',
  },
  SERVICES_SERVICE_ANUAL_BILLING_MONTH: {
    group: 'SERVICES',
    help: 'The month (1 = January) annual services billed on a fixed date renew on, on day 1.',
    schema: month,
    default: 1,
  },
  SERVICES_DEFAULT_IGNORE_PERIOD: {
    group: 'SERVICES',
    help: 'The trial period a new service starts with: an order cancelled within it is ignored.',
    schema: z.enum(IGNORE_PERIODS),
    default: 'TEN_DAYS',
  },
  SERVICES_IGNORE_ACCOUNT_TYPE: {
    group: 'SERVICES',
    help:
      'Account types whose new orders are ignored when a service ignores privileged accounts; ' +
      'superuser stands for accounts flagged superuser.',
    schema: listSetting(z.enum(PRIVILEGED_ACCOUNT_KINDS)),
    default: ['superuser', 'STAFF', 'FRIEND'],
  },
  PLANS_RATE_METHODS: {
    group: 'PLANS',
    help: 'The rating algorithms a service may use: step_price, match_price, best_price.',
    schema: listSetting(z.enum(RATE_ALGORITHMS)).refine((methods) => methods.length > 0, {
      message: 'needs at least one method',
    }),
    default: ['step_price', 'match_price', 'best_price'],
  },
  PLANS_DEFAULT_RATE_METHOD: {
    group: 'PLANS',
    help: 'The rating algorithm a new service starts with; one of PLANS_RATE_METHODS.',
    schema: z.enum(RATE_ALGORITHMS),
    default: 'step_price',
  },
  ORDERS_METRIC_ERROR: {
    group: 'ORDERS',
    help:
      "How far, in the metric's own unit, a new value must differ from the last stored one " +
      'to be stored as a change (an absolute tolerance); smaller changes only confirm it.',
    schema: decimalText,
    default: '0.05',
  },
  ORDERS_BILLED_METRIC_CLEANUP_DAYS: {
    group: 'ORDERS',
    help: 'Metric rows of billed orders older than this many days before billing are removed.',
    schema: z.coerce.number().int().min(1).max(3650),
    default: 40,
  },
  ORDERS_TIME_ZONE: {
    group: 'ORDERS',
    help:
      'The time zone whose calendar dates orders are registered, cancelled and measured on, ' +
      "e.g. Europe/Madrid; empty takes this workstation's zone.",
    schema: z
      .string()
      .trim()
      .refine((zone) => zone === '' || isTimeZone(zone), { message: 'is not a time zone' }),
    default: '',
  },
} as const

/** Whether the runtime knows an IANA zone name (Intl refuses unknown ones). */
function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone })
    return true
  } catch {
    return false
  }
}
