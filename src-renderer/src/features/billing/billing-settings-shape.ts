import type { RateAlgorithmValue } from '../../../../src-shared/schemas/billing-services'
import type { TaxChoice } from '../../../../src-shared/schemas/service-settings'

/**
 * What the service form offers from the operator's settings. Kept apart from the hook that
 * reads them, so the pure form helpers load without the client.
 */
export interface BillingSettings {
  taxes: TaxChoice[]
  defaultTax: string
  rateMethods: RateAlgorithmValue[]
  defaultRateMethod: RateAlgorithmValue
  /** 1 = January: the month annual services on a fixed date renew in. */
  annualMonth: number
}
