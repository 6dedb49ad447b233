import type { RateAlgorithmValue } from '../../../../src-shared/schemas/billing-services'
import type { SettingName } from '../../../../src-shared/schemas/settings'
import { RATE_ALGORITHMS, taxChoices } from '../../../../src-shared/schemas/service-settings'
import { useChannelQuery } from '../../api/queries'
import type { BillingSettings } from './billing-settings-shape'

export type { BillingSettings }

const FALLBACK: BillingSettings = {
  taxes: [
    { rate: '0', label: 'Duty free' },
    { rate: '21', label: '21%' },
  ],
  defaultTax: '0',
  rateMethods: [...RATE_ALGORITHMS],
  defaultRateMethod: 'step_price',
  annualMonth: 1,
}

/**
 * The choices a service form offers come from the operator's settings (spec billing 11); the
 * shipped defaults stand in until they load.
 */
export function useBillingSettings(): { settings: BillingSettings; loading: boolean } {
  const query = useChannelQuery('settings:list', {})
  const value = (name: SettingName) => query.data?.find((setting) => setting.name === name)?.value
  const taxes = value('SERVICES_SERVICE_TAXES') as string[] | undefined

  const settings: BillingSettings = {
    taxes: taxes ? taxChoices(taxes) : FALLBACK.taxes,
    defaultTax: (value('SERVICES_SERVICE_DEFAULT_TAX') as string | undefined) ?? '0',
    rateMethods: (value('PLANS_RATE_METHODS') as RateAlgorithmValue[] | undefined) ?? [
      ...RATE_ALGORITHMS,
    ],
    defaultRateMethod:
      (value('PLANS_DEFAULT_RATE_METHOD') as RateAlgorithmValue | undefined) ??
      FALLBACK.defaultRateMethod,
    annualMonth: Number(value('SERVICES_SERVICE_ANUAL_BILLING_MONTH') ?? 1) || 1,
  }
  return { settings, loading: query.isPending }
}
