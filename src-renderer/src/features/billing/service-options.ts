import type { TFunction } from 'i18next'
import {
  BILLABLE_MODELS,
  type BillingPeriodValue,
} from '../../../../src-shared/schemas/billing-services'
import {
  BILLING_PERIODS,
  CANCEL_POLICIES,
  IGNORE_PERIODS,
  PAYMENT_STYLES,
  PRICING_PERIODS,
} from '../../../../src-shared/schemas/service-settings'
import type { BillingSettings } from './billing-settings-shape'

export interface Option {
  value: string
  label: string
}

type Labels = Record<string, string>

/** The labels of one enumerated field, read as an object since some values are blank. */
function labelsOf(t: TFunction, field: string): Labels {
  return t(`billing.serviceFields.${field}` as never, { returnObjects: true }) as Labels
}

function optionsOf(t: TFunction, field: string, values: readonly string[]): Option[] {
  const labels = labelsOf(t, field)
  return values.map((value) => ({ value, label: labels[value] ?? value }))
}

/** Mantine's Select wants a non-empty value per option: a blank enum value is sent as "-". */
export const BLANK = '-'
export const toSelect = (value: string) => (value === '' ? BLANK : value)
export const fromSelect = (value: string | null) => (value === BLANK || !value ? '' : value)

function blankSafe(options: Option[]): Option[] {
  return options.map((option) => ({ ...option, value: toSelect(option.value) }))
}

export function monthName(month: number): string {
  return new Intl.DateTimeFormat(undefined, { month: 'long' }).format(new Date(2000, month - 1))
}

/**
 * "On a fixed date" names the day it falls on: day 1 of each month, or of the settings' month
 * for annual services (spec billing 2: "Every January").
 */
export function billingPointOptions(
  t: TFunction,
  period: BillingPeriodValue,
  settings: BillingSettings,
): Option[] {
  const labels = labelsOf(t, 'billingPoint')
  const fixed =
    period === 'MONTHLY'
      ? labels.everyMonth
      : t('billing.serviceFields.billingPoint.everyYear', {
          month: monthName(settings.annualMonth),
        })
  return [
    { value: 'ON_REGISTER', label: labels.ON_REGISTER ?? 'ON_REGISTER' },
    { value: 'ON_FIXED_DATE', label: fixed ?? 'ON_FIXED_DATE' },
  ]
}

/** Every select of the service form, with its labels. */
export function serviceOptions(t: TFunction, settings: BillingSettings) {
  return {
    contentType: BILLABLE_MODELS.map((model) => ({
      value: model,
      label: t(`billing.models.${model}`),
    })),
    billingPeriod: blankSafe(optionsOf(t, 'billingPeriod', BILLING_PERIODS)),
    ignorePeriod: blankSafe(optionsOf(t, 'ignorePeriod', IGNORE_PERIODS)),
    pricingPeriod: blankSafe(optionsOf(t, 'pricingPeriod', PRICING_PERIODS)),
    rateAlgorithm: optionsOf(t, 'rateAlgorithm', settings.rateMethods),
    onCancel: optionsOf(t, 'onCancel', CANCEL_POLICIES),
    paymentStyle: optionsOf(t, 'paymentStyle', PAYMENT_STYLES),
    tax: settings.taxes.map((choice) => ({ value: choice.rate, label: choice.label })),
  }
}

/** The label of one stored value, for lists. */
export function fieldLabel(t: TFunction, field: string, value: string): string {
  return labelsOf(t, field)[value] ?? value
}
