import { describe, expect, it } from 'vitest'
import { serviceCreateSchema } from '../../../src-shared/schemas/billing-services'
import { SERVICE_SETTINGS } from '../../../src-shared/schemas/service-settings'
import { money } from '../../../src-main/billing/money'
import {
  contractIssues,
  isPrivilegedAccount,
  resolvedPricingPeriod,
  serviceIssues,
  serviceWarnings,
  toBilledService,
  unsupportedModeIssues,
  withServiceDefaults,
  type ServiceDefinition,
  type ServiceSettings,
} from '../../../src-main/billing/service-rules'

const settings: ServiceSettings = {
  SERVICES_IGNORE_ACCOUNT_TYPE: SERVICE_SETTINGS.SERVICES_IGNORE_ACCOUNT_TYPE.default,
  SERVICES_SERVICE_TAXES: SERVICE_SETTINGS.SERVICES_SERVICE_TAXES.default,
  SERVICES_SERVICE_DEFAULT_TAX: SERVICE_SETTINGS.SERVICES_SERVICE_DEFAULT_TAX.default,
  SERVICES_DEFAULT_IGNORE_PERIOD: SERVICE_SETTINGS.SERVICES_DEFAULT_IGNORE_PERIOD.default,
  SERVICES_SERVICE_ANUAL_BILLING_MONTH:
    SERVICE_SETTINGS.SERVICES_SERVICE_ANUAL_BILLING_MONTH.default,
  PLANS_RATE_METHODS: SERVICE_SETTINGS.PLANS_RATE_METHODS.default,
  PLANS_DEFAULT_RATE_METHOD: SERVICE_SETTINGS.PLANS_DEFAULT_RATE_METHOD.default,
}

function definition(values: Record<string, unknown> = {}): ServiceDefinition {
  const parsed = serviceCreateSchema.parse({
    description: 'Traffic',
    contentType: 'account',
    nominalPrice: '10',
    ...values,
  })
  return withServiceDefaults(parsed, settings)
}

const traffic = { metric: 'orZero(account.resources.traffic.?used)' }

describe('withServiceDefaults', () => {
  it('takes the trial period, tax and rating algorithm from the settings', () => {
    const service = definition()
    expect(service.ignorePeriod).toBe('TEN_DAYS')
    expect(service.tax).toBe('0')
    expect(service.rateAlgorithm).toBe('step_price')
  })

  it('keeps what the operator chose', () => {
    const service = definition({ ignorePeriod: '', tax: '21', rateAlgorithm: 'best_price' })
    expect([service.ignorePeriod, service.tax, service.rateAlgorithm]).toEqual([
      '',
      '21',
      'best_price',
    ])
  })
})

describe('resolvedPricingPeriod', () => {
  it('resolves BILLING_PERIOD to the billing period', () => {
    expect(resolvedPricingPeriod(definition({ billingPeriod: 'MONTHLY' }))).toBe('MONTHLY')
  })

  it("resolves BILLING_PERIOD of a one-time service to '' (current value)", () => {
    expect(resolvedPricingPeriod(definition({ billingPeriod: '' }))).toBe('')
  })
})

// Spec billing 6.6: the "not supported" and "not implemented" rows are refused on save.
describe('unsupportedModeIssues', () => {
  it('refuses a one-time metric service with a pricing period, on pricingPeriod', () => {
    const service = definition({ ...traffic, billingPeriod: '', pricingPeriod: 'MONTHLY' })
    expect(unsupportedModeIssues(service)).toEqual([
      expect.objectContaining({ field: 'pricingPeriod', rule: 'unsupported_mode' }),
    ])
  })

  it('accepts a one-time metric service priced on its current value', () => {
    for (const pricingPeriod of ['', 'BILLING_PERIOD']) {
      const service = definition({ ...traffic, billingPeriod: '', pricingPeriod })
      expect(unsupportedModeIssues(service), pricingPeriod).toEqual([])
    }
  })

  it('refuses a prepaid metric priced per billing period, on paymentStyle', () => {
    const service = definition({ ...traffic, billingPeriod: 'MONTHLY', paymentStyle: 'PREPAY' })
    expect(unsupportedModeIssues(service)).toEqual([
      expect.objectContaining({ field: 'paymentStyle', rule: 'unsupported_mode' }),
    ])
  })

  it('accepts a postpaid metric priced per billing period (traffic)', () => {
    const service = definition({ ...traffic, billingPeriod: 'MONTHLY', paymentStyle: 'POSTPAY' })
    expect(unsupportedModeIssues(service)).toEqual([])
  })

  it('refuses a postpaid metric priced per another period, on paymentStyle', () => {
    const service = definition({
      ...traffic,
      billingPeriod: 'ANUAL',
      pricingPeriod: 'MONTHLY',
      paymentStyle: 'POSTPAY',
    })
    expect(unsupportedModeIssues(service)[0]).toMatchObject({ field: 'paymentStyle' })
  })

  it('accepts a prepaid metric pack priced per another period', () => {
    const service = definition({ ...traffic, billingPeriod: 'ANUAL', pricingPeriod: 'MONTHLY' })
    expect(unsupportedModeIssues(service)).toEqual([])
  })

  it('accepts a metric priced by value changes, prepaid or postpaid', () => {
    for (const paymentStyle of ['PREPAY', 'POSTPAY']) {
      const service = definition({ ...traffic, pricingPeriod: '', paymentStyle })
      expect(unsupportedModeIssues(service), paymentStyle).toEqual([])
    }
  })

  it('accepts every combination without a metric', () => {
    for (const billingPeriod of ['', 'MONTHLY', 'ANUAL']) {
      for (const pricingPeriod of ['', 'BILLING_PERIOD', 'MONTHLY', 'ANUAL']) {
        for (const paymentStyle of ['PREPAY', 'POSTPAY']) {
          const service = definition({ billingPeriod, pricingPeriod, paymentStyle })
          expect(unsupportedModeIssues(service)).toEqual([])
        }
      }
    }
  })
})

describe('serviceIssues', () => {
  it('passes a valid definition', () => {
    expect(serviceIssues(definition({ tax: '21' }), settings)).toEqual([])
  })

  it('refuses a tax that is not one of SERVICES_SERVICE_TAXES', () => {
    expect(serviceIssues(definition({ tax: '10' }), settings)).toEqual([
      { field: 'tax', rule: 'choice', message: 'must be one of the tax rates 0%, 21%' },
    ])
  })

  it('accepts a tax written with decimals that equals a choice', () => {
    expect(serviceIssues(definition({ tax: '21.00' }), settings)).toEqual([])
  })

  it('refuses a rating algorithm the settings do not enable', () => {
    const only = { ...settings, PLANS_RATE_METHODS: ['step_price'] as const }
    expect(serviceIssues(definition({ rateAlgorithm: 'best_price' }), only)).toEqual([
      {
        field: 'rateAlgorithm',
        rule: 'choice',
        message: 'must be one of the enabled methods step_price',
      },
    ])
  })

  it('reports an expression error on its field', () => {
    const issues = serviceIssues(definition({ match: 'account.nonexistent' }), settings)
    expect(issues).toEqual([
      { field: 'match', rule: 'expression', message: 'TypeError: No such key: nonexistent' },
    ])
  })

  it('reports an unsupported mode with the other issues', () => {
    const service = definition({ ...traffic, billingPeriod: 'MONTHLY', tax: '7' })
    expect(serviceIssues(service, settings).map((issue) => issue.field)).toEqual([
      'tax',
      'paymentStyle',
    ])
  })
})

// Spec billing 5.5: rates only discount, so one above the nominal price is a warning.
describe('serviceWarnings', () => {
  it('warns on a rate above the nominal price, naming its row', () => {
    const rates = [
      { planId: 1, quantity: 1, price: money('8.00') },
      { planId: 1, quantity: 5, price: money('12.00') },
    ]
    expect(serviceWarnings('10.00', rates)).toEqual([
      expect.objectContaining({ field: 'rates.1.price', rule: 'above_nominal' }),
    ])
  })

  it('does not warn on a rate equal to the nominal price', () => {
    expect(serviceWarnings('10.00', [{ planId: 1, quantity: 1, price: money('10.00') }])).toEqual(
      [],
    )
  })
})

// Spec billing 3.
describe('contractIssues', () => {
  const plan = { name: 'basic', allowMultiple: false }

  it('refuses a second contract of a plan that does not allow several', () => {
    expect(contractIssues(plan, 1)).toEqual([
      {
        field: 'planId',
        rule: 'already_contracted',
        message: 'the account already has the plan basic, which cannot be contracted twice',
      },
    ])
  })

  it('accepts the first contract', () => {
    expect(contractIssues(plan, 0)).toEqual([])
  })

  it('accepts more contracts of a plan that allows several', () => {
    expect(contractIssues({ ...plan, allowMultiple: true }, 3)).toEqual([])
  })
})

// Spec billing 4.1.
describe('isPrivilegedAccount', () => {
  const service = { ignoreSuperusers: true }

  it('ignores staff and friends by default', () => {
    for (const type of ['STAFF', 'FRIEND'] as const) {
      expect(isPrivilegedAccount(service, { type, isSuperuser: false }, settings), type).toBe(true)
    }
    expect(isPrivilegedAccount(service, { type: 'CUSTOMER', isSuperuser: false }, settings)).toBe(
      false,
    )
  })

  it('ignores an account flagged superuser whatever its type', () => {
    expect(isPrivilegedAccount(service, { type: 'CUSTOMER', isSuperuser: true }, settings)).toBe(
      true,
    )
  })

  it('ignores nobody when the service bills privileged accounts too', () => {
    const staff = { type: 'STAFF' as const, isSuperuser: true }
    expect(isPrivilegedAccount({ ignoreSuperusers: false }, staff, settings)).toBe(false)
  })

  it('follows the types the setting lists', () => {
    const onlyStaff = { SERVICES_IGNORE_ACCOUNT_TYPE: ['STAFF'] as const }
    const superuser = { type: 'CUSTOMER' as const, isSuperuser: true }
    expect(isPrivilegedAccount(service, superuser, onlyStaff)).toBe(false)
  })
})

describe('toBilledService', () => {
  it('gives the engine Money amounts and whether there is a metric', () => {
    const billed = toBilledService({ id: 3, ...definition({ ...traffic, tax: '21' }) }, settings)
    expect(billed.nominalPrice.toFixed(2)).toBe('10.00')
    expect(billed.tax.toString()).toBe('21')
    expect(billed.hasMetric).toBe(true)
    expect(billed.annualBillingMonth).toBe(1)
  })
})
