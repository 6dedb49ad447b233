import type {
  BillableModel,
  BillingPeriodValue,
  BillingPointValue,
  CancelPolicy,
  IgnorePeriodValue,
  PaymentStyleValue,
  PricingPeriodValue,
  RateAlgorithmValue,
  Service,
  ServiceCreateInput,
} from '../../../../src-shared/schemas/billing-services'
import type { BillingSettings } from './billing-settings-shape'

/** The service form's values: every field as its input holds it (text, flag or choice). */
export interface ServiceFormValues {
  description: string
  contentType: BillableModel
  match: string
  periodicUpdate: boolean
  isActive: boolean
  ignoreSuperusers: boolean
  billingPeriod: BillingPeriodValue
  billingPoint: BillingPointValue
  isFee: boolean
  orderDescription: string
  ignorePeriod: IgnorePeriodValue
  metric: string
  metricThreshold: string
  metricThresholdRelative: boolean
  nominalPrice: string
  tax: string
  pricingPeriod: PricingPeriodValue
  rateAlgorithm: RateAlgorithmValue
  onCancel: CancelPolicy
  paymentStyle: PaymentStyleValue
}

/** A new service starts with the defaults of spec billing 2 and the operator's settings. */
export function newServiceValues(settings: BillingSettings): ServiceFormValues {
  return {
    description: '',
    contentType: 'mailbox',
    match: '',
    periodicUpdate: false,
    isActive: true,
    ignoreSuperusers: true,
    billingPeriod: 'ANUAL',
    billingPoint: 'ON_FIXED_DATE',
    isFee: false,
    orderDescription: '',
    ignorePeriod: 'TEN_DAYS',
    metric: '',
    metricThreshold: '',
    metricThresholdRelative: false,
    nominalPrice: '',
    tax: settings.defaultTax,
    pricingPeriod: 'BILLING_PERIOD',
    rateAlgorithm: settings.defaultRateMethod,
    onCancel: 'DISCOUNT',
    paymentStyle: 'PREPAY',
  }
}

/** A stored service (or a clone's input) as form values; a stored `true` match shows blank. */
export function serviceValues(service: Service | ServiceCreateInput): ServiceFormValues {
  return {
    description: service.description,
    contentType: service.contentType,
    match: service.match === 'true' || !service.match ? '' : service.match,
    periodicUpdate: service.periodicUpdate ?? false,
    isActive: service.isActive ?? true,
    ignoreSuperusers: service.ignoreSuperusers ?? true,
    billingPeriod: service.billingPeriod ?? 'ANUAL',
    billingPoint: service.billingPoint ?? 'ON_FIXED_DATE',
    isFee: service.isFee ?? false,
    orderDescription: service.orderDescription ?? '',
    ignorePeriod: service.ignorePeriod ?? 'TEN_DAYS',
    metric: service.metric ?? '',
    metricThreshold: service.metricThreshold ?? '',
    metricThresholdRelative: service.metricThresholdRelative ?? false,
    nominalPrice: String(service.nominalPrice),
    tax: String(service.tax ?? '0'),
    pricingPeriod: service.pricingPeriod ?? 'BILLING_PERIOD',
    rateAlgorithm: service.rateAlgorithm ?? 'step_price',
    onCancel: service.onCancel ?? 'DISCOUNT',
    paymentStyle: service.paymentStyle ?? 'PREPAY',
  }
}

/** The request fields: the form's values as the contract takes them. */
export function serviceRequest(values: ServiceFormValues) {
  return { ...values, handlerType: '' as const }
}
