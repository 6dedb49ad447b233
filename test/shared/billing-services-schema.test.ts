import { describe, expect, it } from 'vitest'
import {
  amountSchema,
  planCreateSchema,
  rateCreateSchema,
  serviceCreateSchema,
  serviceUpdateSchema,
} from '../../src-shared/schemas/billing-services'
import { SETTINGS } from '../../src-shared/schemas/settings'
import { SERVICE_SETTINGS, taxChoices } from '../../src-shared/schemas/service-settings'
import { toFieldIssues } from '../../src-shared/validation'

function issues(schema: { safeParse(input: unknown): { success: boolean; error?: unknown } }) {
  return (input: unknown) => {
    const result = schema.safeParse(input)
    return result.success ? [] : toFieldIssues(result.error as never, input)
  }
}

const serviceIssues = issues(serviceCreateSchema)
const minimal = { description: 'Mailbox', contentType: 'mailbox', nominalPrice: '12' }

// Spec billing 2: fields, allowed values and defaults.
describe('serviceCreateSchema', () => {
  it('fills in the defaults of spec billing 2', () => {
    expect(serviceCreateSchema.parse(minimal)).toEqual({
      description: 'Mailbox',
      contentType: 'mailbox',
      match: 'true',
      periodicUpdate: false,
      handlerType: '',
      isActive: true,
      ignoreSuperusers: true,
      billingPeriod: 'ANUAL',
      billingPoint: 'ON_FIXED_DATE',
      isFee: false,
      orderDescription: '',
      metric: '',
      metricThreshold: null,
      metricThresholdRelative: false,
      nominalPrice: '12.00',
      pricingPeriod: 'BILLING_PERIOD',
      onCancel: 'DISCOUNT',
      paymentStyle: 'PREPAY',
    })
  })

  it('leaves the trial period, tax and rating algorithm to the settings when not sent', () => {
    const values = serviceCreateSchema.parse(minimal)
    expect(values.ignorePeriod).toBeUndefined()
    expect(values.tax).toBeUndefined()
    expect(values.rateAlgorithm).toBeUndefined()
  })

  it('stores a blank match as true', () => {
    expect(serviceCreateSchema.parse({ ...minimal, match: '   ' }).match).toBe('true')
  })

  it('requires a description, a kind of object and a nominal price', () => {
    const found = serviceIssues({})
    expect(found.map((issue) => issue.field)).toEqual([
      'description',
      'contentType',
      'nominalPrice',
    ])
    expect(found[2]?.rule).toBe('required')
  })

  it('refuses a description over 256 characters', () => {
    expect(serviceIssues({ ...minimal, description: 'x'.repeat(257) })[0]).toMatchObject({
      field: 'description',
      rule: 'max_length',
    })
  })

  it('accepts every allowed value of the enumerated fields', () => {
    const values = {
      billingPeriod: ['', 'MONTHLY', 'ANUAL'],
      billingPoint: ['ON_REGISTER', 'ON_FIXED_DATE'],
      ignorePeriod: ['', 'ONE_DAY', 'TWO_DAYS', 'TEN_DAYS', 'ONE_MONTH'],
      pricingPeriod: ['', 'BILLING_PERIOD', 'MONTHLY', 'ANUAL'],
      rateAlgorithm: ['step_price', 'match_price', 'best_price'],
      onCancel: ['NOTHING', 'DISCOUNT', 'COMPENSATE', 'REFUND'],
      paymentStyle: ['PREPAY', 'POSTPAY'],
    }
    for (const [field, allowed] of Object.entries(values)) {
      for (const value of allowed) expect(serviceIssues({ ...minimal, [field]: value })).toEqual([])
    }
  })

  it('refuses the original internal mode names as options', () => {
    for (const value of ['ALWAYS', 'REGISTER_OR_RENEW', 'CONCURRENT', 'DAILY']) {
      expect(serviceIssues({ ...minimal, pricingPeriod: value })[0]?.rule).toBe('choice')
    }
  })

  it('refuses a kind of object that is not billable', () => {
    expect(serviceIssues({ ...minimal, contentType: 'contact' })[0]).toMatchObject({
      field: 'contentType',
      rule: 'choice',
    })
  })

  it('refuses another handler than the default one', () => {
    expect(serviceIssues({ ...minimal, handlerType: 'custom' })[0]?.field).toBe('handlerType')
  })

  it('refuses an expression over 1000 characters', () => {
    expect(serviceIssues({ ...minimal, metric: '1+'.repeat(600) + '1' })[0]).toMatchObject({
      field: 'metric',
      rule: 'max_length',
    })
  })

  it('accepts a tax with two decimals and refuses one above 100', () => {
    expect(serviceCreateSchema.parse({ ...minimal, tax: '10.5' }).tax).toBe('10.5')
    expect(serviceCreateSchema.parse({ ...minimal, tax: 21 }).tax).toBe('21')
    expect(serviceIssues({ ...minimal, tax: '101' })[0]).toMatchObject({
      field: 'tax',
      rule: 'tax',
    })
  })

  it('takes an empty metric threshold as the ORDERS_METRIC_ERROR setting', () => {
    expect(serviceCreateSchema.parse({ ...minimal, metricThreshold: '' }).metricThreshold).toBe(
      null,
    )
    expect(serviceCreateSchema.parse({ ...minimal, metricThreshold: '0.5' }).metricThreshold).toBe(
      '0.5',
    )
    expect(serviceIssues({ ...minimal, metricThreshold: '-1' })[0]?.field).toBe('metricThreshold')
  })

  it('refuses unknown fields', () => {
    expect(serviceIssues({ ...minimal, price: '1' })[0]?.rule).toBe('unknown_field')
  })
})

describe('serviceUpdateSchema', () => {
  it('changes only the fields sent', () => {
    expect(serviceUpdateSchema.parse({ id: 1, version: 2, isActive: false })).toEqual({
      id: 1,
      version: 2,
      isActive: false,
    })
  })
})

describe('amountSchema', () => {
  const amount = amountSchema(12)

  it('gives canonical text with two decimals', () => {
    expect(amount.parse('12')).toBe('12.00')
    expect(amount.parse('0.5')).toBe('0.50')
    expect(amount.parse('007.25')).toBe('7.25')
    expect(amount.parse(366)).toBe('366.00')
  })

  it('refuses more than two decimals, a negative amount and more than ten whole digits', () => {
    for (const text of ['1.005', '-1', '12345678901', '1e3', '', '1.']) {
      expect(amount.safeParse(text).success, text).toBe(false)
    }
    expect(amount.parse('9999999999.99')).toBe('9999999999.99')
  })

  it('refuses a fractional JavaScript number', () => {
    expect(amount.safeParse(0.1).success).toBe(false)
  })
})

// Spec billing 3.
describe('planCreateSchema', () => {
  const planIssues = issues(planCreateSchema)

  it('fills in the plan defaults', () => {
    expect(planCreateSchema.parse({ name: 'association_fee' })).toEqual({
      name: 'association_fee',
      verboseName: '',
      isActive: true,
      isDefault: false,
      isCombinable: true,
      allowMultiple: false,
    })
  })

  it('accepts an identifier as a plan name', () => {
    for (const name of ['basic', '_x', 'Pro2', 'association_fee']) {
      expect(planIssues({ name }), name).toEqual([])
    }
  })

  it('refuses a plan name that is not an identifier', () => {
    for (const name of ['2cool', 'pro plan', 'pro-plan', 'plà', 'a.b']) {
      expect(planIssues({ name })[0], name).toMatchObject({ field: 'name', rule: 'pattern' })
    }
  })

  it('refuses a plan name over 32 characters', () => {
    expect(planIssues({ name: 'p'.repeat(33) })[0]?.rule).toBe('max_length')
  })
})

describe('rateCreateSchema', () => {
  const rateIssues = issues(rateCreateSchema)

  it('takes a missing quantity as from the first unit', () => {
    expect(rateCreateSchema.parse({ serviceId: 1, planId: 2, price: '9' })).toEqual({
      serviceId: 1,
      planId: 2,
      quantity: null,
      price: '9.00',
    })
  })

  it('requires a plan and refuses a negative quantity', () => {
    expect(rateIssues({ serviceId: 1, price: '1' })[0]).toMatchObject({ field: 'planId' })
    expect(rateIssues({ serviceId: 1, planId: 1, quantity: -1, price: '1' })[0]?.field).toBe(
      'quantity',
    )
  })
})

// Spec billing 11.
describe('SERVICE_SETTINGS', () => {
  it('are declared settings whose defaults pass their own rules', () => {
    for (const [name, spec] of Object.entries(SERVICE_SETTINGS)) {
      expect(name in SETTINGS, name).toBe(true)
      expect(spec.schema.safeParse(spec.default).success, name).toBe(true)
    }
  })

  it('read the tax choices from the text the settings page edits', () => {
    const entries = SERVICE_SETTINGS.SERVICES_SERVICE_TAXES.schema.parse('0=Duty free, 10.5=10.5%')
    expect(taxChoices(entries)).toEqual([
      { rate: '0', label: 'Duty free' },
      { rate: '10.5', label: '10.5%' },
    ])
  })

  it('refuses a tax choice without a label', () => {
    expect(SERVICE_SETTINGS.SERVICES_SERVICE_TAXES.schema.safeParse('21').success).toBe(false)
  })

  it('refuses an annual billing month outside 1 to 12', () => {
    const month = SERVICE_SETTINGS.SERVICES_SERVICE_ANUAL_BILLING_MONTH.schema
    expect(month.parse('12')).toBe(12)
    expect(month.safeParse('13').success).toBe(false)
  })
})
