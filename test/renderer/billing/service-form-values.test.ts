import { describe, expect, it } from 'vitest'
import billing from '../../../src-renderer/src/i18n/areas-en/billing.json'
import {
  BILLABLE_MODELS,
  serviceCreateSchema,
  serviceUpdateSchema,
  type Service,
} from '../../../src-shared/schemas/billing-services'
import {
  newServiceValues,
  serviceRequest,
  serviceValues,
} from '../../../src-renderer/src/features/billing/service-form-values'
import { fromSelect, toSelect } from '../../../src-renderer/src/features/billing/service-options'

const SETTINGS = {
  taxes: [
    { rate: '0', label: 'Duty free' },
    { rate: '21', label: '21%' },
  ],
  defaultTax: '21',
  rateMethods: ['step_price', 'best_price'] as Service['rateAlgorithm'][],
  defaultRateMethod: 'best_price' as const,
  annualMonth: 1,
}

const STORED: Service = {
  id: 4,
  description: 'Mailbox disk',
  contentType: 'mailbox',
  match: 'true',
  periodicUpdate: true,
  handlerType: '',
  isActive: true,
  ignoreSuperusers: false,
  billingPeriod: '',
  billingPoint: 'ON_REGISTER',
  isFee: false,
  orderDescription: '',
  ignorePeriod: '',
  metric: 'max((mailbox.resources.disk.allocated.?orZero()) - 1, 0)',
  metricThreshold: null,
  metricThresholdRelative: false,
  nominalPrice: '0.50',
  tax: '21',
  pricingPeriod: 'MONTHLY',
  rateAlgorithm: 'match_price',
  onCancel: 'REFUND',
  paymentStyle: 'POSTPAY',
  version: 3,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
}

describe('service form values (spec billing 2)', () => {
  it('starts a new service with the tax and rating the settings choose', () => {
    const values = newServiceValues(SETTINGS)
    expect(values.tax).toBe('21')
    expect(values.rateAlgorithm).toBe('best_price')
    expect(values.ignorePeriod).toBe('TEN_DAYS')
    const parsed = serviceCreateSchema.parse(
      serviceRequest({ ...values, description: 'Hosting', nominalPrice: '12' }),
    )
    expect(parsed).toMatchObject({ match: 'true', nominalPrice: '12.00', billingPeriod: 'ANUAL' })
  })

  it('shows a stored match of true as blank and saves it back as true', () => {
    const values = serviceValues(STORED)
    expect(values.match).toBe('')
    const parsed = serviceUpdateSchema.parse({ id: 4, version: 3, ...serviceRequest(values) })
    expect(parsed.match).toBe('true')
  })

  it('saves every other field of a stored service back unchanged', () => {
    const parsed = serviceUpdateSchema.parse({
      id: STORED.id,
      version: STORED.version,
      ...serviceRequest(serviceValues(STORED)),
    })
    const { createdAt: _created, updatedAt: _updated, ...fields } = STORED
    expect(parsed).toEqual(fields)
  })

  it('keeps blank choices apart from a choice not made in the selects', () => {
    expect(toSelect('')).toBe('-')
    expect(fromSelect('-')).toBe('')
    expect(fromSelect(null)).toBe('')
    expect(fromSelect(toSelect('MONTHLY'))).toBe('MONTHLY')
  })
})

describe('billed object labels', () => {
  it('names every billable model in the selects and lists', () => {
    const labels = billing.models as Record<string, string>
    expect(BILLABLE_MODELS.filter((model) => !labels[model])).toEqual([])
  })
})
