import type { FieldIssue } from '../../src-shared/errors'
import type {
  BillingPeriodValue,
  BillingPointValue,
  CancelPolicy,
  IgnorePeriodValue,
  PaymentStyleValue,
  Plan,
  PricingPeriodValue,
  RateAlgorithmValue,
  Service,
  ServiceCreateValues,
} from '../../src-shared/schemas/billing-services'
import type { AccountType } from '../../src-shared/schemas/accounts'
import {
  taxChoices,
  type PRIVILEGED_ACCOUNT_KINDS,
} from '../../src-shared/schemas/service-settings'
import type { RateInput } from './applicable-rates'
import { checkServiceExpressions } from './expressions'
import { money, type Money } from './money'
import { effectivePricingPeriod } from './periods'
import { rateWarnings } from './rating-warnings'
import type {
  BilledService,
  BillingPeriod,
  BillingPointKind,
  IgnorePeriod,
  OnCancel,
  PaymentStyle,
  PricingPeriod,
  RateAlgorithm,
} from './types'

/**
 * The rules of a service definition that span fields, settings or stored rows (spec billing 2,
 * 3 and 6.6), checked when a service, a rate or a contract is saved. Each broken rule is a
 * field issue naming the field to change and the rule, so the form shows it in place.
 */

// The shared schema's values and the engine's types are written apart (the renderer cannot
// import the engine); these fail to compile the day they drift.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false
const ENUMS_AGREE: [
  Same<BillingPeriodValue, BillingPeriod>,
  Same<BillingPointValue, BillingPointKind>,
  Same<IgnorePeriodValue, IgnorePeriod>,
  Same<PricingPeriodValue, PricingPeriod>,
  Same<RateAlgorithmValue, RateAlgorithm>,
  Same<CancelPolicy, OnCancel>,
  Same<PaymentStyleValue, PaymentStyle>,
] = [true, true, true, true, true, true, true]
void ENUMS_AGREE

/** The settings a service's rules read (spec billing 11). */
export interface ServiceSettings {
  SERVICES_IGNORE_ACCOUNT_TYPE: readonly PrivilegedAccountKind[]
  SERVICES_SERVICE_TAXES: readonly string[]
  SERVICES_SERVICE_DEFAULT_TAX: string
  SERVICES_DEFAULT_IGNORE_PERIOD: IgnorePeriodValue
  SERVICES_SERVICE_ANUAL_BILLING_MONTH: number
  PLANS_RATE_METHODS: readonly RateAlgorithmValue[]
  PLANS_DEFAULT_RATE_METHOD: RateAlgorithmValue
}

/** A service as the rules see it: every field resolved. */
export type ServiceDefinition = Omit<Service, 'id' | 'version' | 'createdAt' | 'updatedAt'>

/** A new service's values with the settings' defaults for the fields left out. */
export function withServiceDefaults(
  values: ServiceCreateValues,
  settings: ServiceSettings,
): ServiceDefinition {
  return {
    ...values,
    ignorePeriod: values.ignorePeriod ?? settings.SERVICES_DEFAULT_IGNORE_PERIOD,
    tax: values.tax ?? settings.SERVICES_SERVICE_DEFAULT_TAX,
    rateAlgorithm: values.rateAlgorithm ?? settings.PLANS_DEFAULT_RATE_METHOD,
  }
}

// --- Pricing modes (spec billing 6.6) ----------------------------------------------------------

/**
 * Pricing BILLING_PERIOD means the billing period; for a one-time service that is none, so it
 * resolves to '' ("current value") instead of an unsupported one-time pricing period.
 */
export function resolvedPricingPeriod(
  service: Pick<ServiceDefinition, 'billingPeriod' | 'pricingPeriod'>,
): BillingPeriod {
  return effectivePricingPeriod(service)
}

function issue(field: string, rule: string, message: string): FieldIssue {
  return { field, rule, message }
}

/**
 * The combinations of spec 6.6 the engine cannot price. The original raised "not implemented"
 * when it billed them, months after the service was saved; here they are refused on save.
 */
export function unsupportedModeIssues(service: ServiceDefinition): FieldIssue[] {
  if (service.metric.trim() === '') return []
  const pricing = resolvedPricingPeriod(service)
  if (service.billingPeriod === '') {
    if (pricing === '') return []
    return [
      issue(
        'pricingPeriod',
        'unsupported_mode',
        'a one-time service with a metric is priced on its value when billed: ' +
          'choose "current value" or no pricing period',
      ),
    ]
  }
  if (pricing === service.billingPeriod && service.paymentStyle === 'PREPAY') {
    return [
      issue(
        'paymentStyle',
        'unsupported_mode',
        'a metric priced per billing period is known only once the period is over: ' +
          'it must be postpaid',
      ),
    ]
  }
  if (pricing !== '' && pricing !== service.billingPeriod && service.paymentStyle === 'POSTPAY') {
    return [
      issue(
        'paymentStyle',
        'unsupported_mode',
        'a metric priced per pricing period other than the billing period is a prepaid pack: ' +
          'it must be prepaid',
      ),
    ]
  }
  return []
}

// --- Settings-bound choices --------------------------------------------------------------------

function choiceIssues(service: ServiceDefinition, settings: ServiceSettings): FieldIssue[] {
  const issues: FieldIssue[] = []
  const taxes = taxChoices(settings.SERVICES_SERVICE_TAXES)
  if (!taxes.some((choice) => money(choice.rate).equals(money(service.tax)))) {
    const allowed = taxes.map((choice) => `${choice.rate}%`).join(', ')
    issues.push(issue('tax', 'choice', `must be one of the tax rates ${allowed}`))
  }
  if (!settings.PLANS_RATE_METHODS.includes(service.rateAlgorithm)) {
    const allowed = settings.PLANS_RATE_METHODS.join(', ')
    issues.push(issue('rateAlgorithm', 'choice', `must be one of the enabled methods ${allowed}`))
  }
  return issues
}

/**
 * Everything wrong with a service definition before it is saved: its expressions against its
 * kind of object, the settings' choices and the unsupported pricing modes.
 */
export function serviceIssues(service: ServiceDefinition, settings: ServiceSettings): FieldIssue[] {
  return [
    ...checkServiceExpressions(service),
    ...choiceIssues(service, settings),
    ...unsupportedModeIssues(service),
  ]
}

/**
 * What the service form shows without refusing the save: rates above the nominal price have
 * no effect (spec 5.5), and rows that another row of the same plan overrules. Each names the
 * rate's row in the table as given, `rates.<index>.price`.
 */
export function serviceWarnings(nominalPrice: string, rates: readonly RateInput[]): FieldIssue[] {
  return rateWarnings(rates, money(nominalPrice)).map((warning) =>
    issue(
      `rates.${warning.index}.${warning.kind === 'above-nominal' ? 'price' : 'quantity'}`,
      warning.kind === 'above-nominal' ? 'above_nominal' : 'same_start',
      warning.message,
    ),
  )
}

// --- Plans and contracts (spec billing 3) -------------------------------------------------------

/**
 * A second contract of a plan that does not allow several is refused. `held` counts the
 * account's current contracts of the plan, the one being saved left out.
 */
export function contractIssues(
  plan: Pick<Plan, 'name' | 'allowMultiple'>,
  held: number,
): FieldIssue[] {
  if (plan.allowMultiple || held === 0) return []
  return [
    issue(
      'planId',
      'already_contracted',
      `the account already has the plan ${plan.name}, which cannot be contracted twice`,
    ),
  ]
}

// --- Privileged accounts (spec billing 4.1) -----------------------------------------------------

type PrivilegedAccountKind = (typeof PRIVILEGED_ACCOUNT_KINDS)[number]

/**
 * Whether a new order of this account starts ignored: the service ignores privileged accounts
 * and the account's type is listed in SERVICES_IGNORE_ACCOUNT_TYPE, or the account is flagged
 * superuser and `superuser` is listed.
 */
export function isPrivilegedAccount(
  service: Pick<ServiceDefinition, 'ignoreSuperusers'>,
  account: { type: AccountType; isSuperuser: boolean },
  settings: Pick<ServiceSettings, 'SERVICES_IGNORE_ACCOUNT_TYPE'>,
): boolean {
  if (!service.ignoreSuperusers) return false
  const kinds = settings.SERVICES_IGNORE_ACCOUNT_TYPE
  return kinds.includes(account.type) || (account.isSuperuser && kinds.includes('superuser'))
}

// --- To the engine ------------------------------------------------------------------------------

/** A stored service as the engine prices it: amounts as Money, expressions evaluated apart. */
export function toBilledService(
  service: Pick<Service, 'id'> & ServiceDefinition,
  settings: Pick<ServiceSettings, 'SERVICES_SERVICE_ANUAL_BILLING_MONTH'>,
): BilledService {
  const nominalPrice: Money = money(service.nominalPrice)
  return {
    id: service.id,
    description: service.description,
    billingPeriod: service.billingPeriod,
    billingPoint: service.billingPoint,
    isFee: service.isFee,
    nominalPrice,
    tax: money(service.tax),
    pricingPeriod: service.pricingPeriod,
    rateAlgorithm: service.rateAlgorithm,
    onCancel: service.onCancel,
    paymentStyle: service.paymentStyle,
    ignorePeriod: service.ignorePeriod,
    hasMetric: service.metric.trim() !== '',
    annualBillingMonth: settings.SERVICES_SERVICE_ANUAL_BILLING_MONTH,
  }
}
