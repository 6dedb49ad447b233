import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { AppError } from '../../../src-shared/errors'
import type { ServiceCreateInput } from '../../../src-shared/schemas/billing-services'
import { accountInput, caller, makeCore, type TestCore } from '../../support/core'

// Spec billing 2 (service definitions) and 3 (plans, contracts, rates) in the data layer.

let core: TestCore
const call = caller(() => core)
let joe: number

async function failure(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(AppError)
  return error as AppError
}

const rules = (error: AppError) => error.issues?.map((issue) => [issue.field, issue.rule])

function service(extra: Partial<ServiceCreateInput> = {}) {
  return call('billingServices:create', {
    description: 'Mailbox',
    contentType: 'mailbox',
    nominalPrice: '12.5',
    ...extra,
  })
}

beforeEach(async () => {
  core = await makeCore()
  joe = (await call('accounts:create', accountInput({ username: 'joe' }))).account.id
})
afterEach(() => core.dispose())

describe('service definitions (spec billing 2)', () => {
  it('fills the defaults of the spec and the settings', async () => {
    const saved = await service()
    expect(saved).toMatchObject({
      match: 'true',
      billingPeriod: 'ANUAL',
      billingPoint: 'ON_FIXED_DATE',
      ignorePeriod: 'TEN_DAYS',
      tax: '0',
      rateAlgorithm: 'step_price',
      onCancel: 'DISCOUNT',
      paymentStyle: 'PREPAY',
      nominalPrice: '12.50',
      isActive: true,
      ignoreSuperusers: true,
      version: 1,
    })
  })

  it('refuses a misspelt field on the expression it is in', async () => {
    const error = await failure(service({ match: 'mailbox.nmae == "x"' }))
    expect(rules(error)).toEqual([['match', 'expression']])
  })

  it('refuses a metric that gives text, naming the metric', async () => {
    const error = await failure(service({ metric: 'mailbox.name', paymentStyle: 'POSTPAY' }))
    expect(rules(error)).toEqual([['metric', 'expression']])
    expect(error.issues?.[0]?.message).toContain('not string')
  })

  it('tries the expressions on the first object of the kind', async () => {
    await call('miscServices:create', { name: 'backup', hasAmount: true })
    const [kind] = (await call('miscServices:list', {})).rows
    await call('miscellaneous:create', { serviceId: kind!.id, accountId: joe, identifier: 'a' })
    // Type-checks, but divides by zero on an amount of 1.
    const error = await failure(
      service({ contentType: 'miscellaneous', match: '10 / (miscellaneous.amount - 1) > 2' }),
    )
    expect(rules(error)).toEqual([['match', 'expression']])
  })

  it('refuses a second service of the same description', async () => {
    await service()
    expect(rules(await failure(service()))).toEqual([['description', 'unique']])
  })

  it('refuses a tax rate that is not one of the settings', async () => {
    expect(rules(await failure(service({ tax: '7' })))).toEqual([['tax', 'choice']])
  })

  it('refuses a prepaid metric priced per billing period on the payment style', async () => {
    const error = await failure(service({ metric: 'mailbox.id', billingPeriod: 'MONTHLY' }))
    expect(rules(error)).toEqual([['paymentStyle', 'unsupported_mode']])
  })

  it('refuses an update made from an older version', async () => {
    const saved = await service()
    await call('billingServices:update', { id: saved.id, version: 1, nominalPrice: '13' })
    const error = await failure(
      call('billingServices:update', { id: saved.id, version: 1, nominalPrice: '14' }),
    )
    expect(error.code).toBe('CONFLICT')
    expect((await call('billingServices:get', { id: saved.id })).nominalPrice).toBe('13.00')
  })

  it('checks an update on the merged definition', async () => {
    const saved = await service({ metric: 'mailbox.id', paymentStyle: 'POSTPAY' })
    const error = await failure(
      call('billingServices:update', { id: saved.id, version: 1, paymentStyle: 'PREPAY' }),
    )
    expect(rules(error)).toEqual([['paymentStyle', 'unsupported_mode']])
  })

  it('clones every field under a new description', async () => {
    const saved = await service({ billingPeriod: 'MONTHLY', isFee: true, tax: '21' })
    const input = await call('billingServices:clone', { id: saved.id })
    expect(input).toMatchObject({ description: 'Mailbox (copy)', billingPeriod: 'MONTHLY' })
    const copy = await call('billingServices:create', input)
    expect(copy).toMatchObject({ isFee: true, tax: '21', contentType: 'mailbox' })
  })

  it('records the history of a change with its fields', async () => {
    const saved = await service()
    await call('billingServices:update', { id: saved.id, version: 1, isActive: false })
    const history = await call('history:list', { objectType: 'service', objectId: saved.id })
    expect(history.rows.map((row) => row.action)).toEqual(['disabled', 'added'])
  })

  it('lists services with their active orders', async () => {
    await call('billingServices:create', {
      description: 'Account fee',
      contentType: 'account',
      nominalPrice: '5',
    })
    await call('accounts:create', accountInput({ username: 'ann' }))
    await service()
    const page = await call('billingServices:list', { sort: 'activeOrders', dir: 'desc' })
    expect(page.rows.map((row) => [row.description, row.activeOrders])).toEqual([
      ['Account fee', 1],
      ['Mailbox', 0],
    ])
  })

  it('refuses to delete a service that has orders', async () => {
    const fee = await call('billingServices:create', {
      description: 'Account fee',
      contentType: 'account',
      nominalPrice: '5',
    })
    await call('accounts:create', accountInput({ username: 'ann' }))
    const error = await failure(call('billingServices:delete', { id: fee.id }))
    expect(error.code).toBe('FORBIDDEN')
    expect((await call('billingServices:delete', { id: (await service()).id })).deleted).toBe(1)
  })
})

describe('plans and contracted plans (spec billing 3)', () => {
  it('refuses a second plan of the same name', async () => {
    await call('plans:create', { name: 'pro' })
    expect(rules(await failure(call('plans:create', { name: 'pro' })))).toEqual([
      ['name', 'unique'],
    ])
  })

  it('refuses a second contract of a single plan as already contracted', async () => {
    const plan = await call('plans:create', { name: 'pro' })
    await call('contractedPlans:create', { planId: plan.id, accountId: joe })
    const error = await failure(call('contractedPlans:create', { planId: plan.id, accountId: joe }))
    expect(rules(error)).toEqual([['planId', 'already_contracted']])
  })

  it('takes several contracts of a plan that allows them', async () => {
    const plan = await call('plans:create', { name: 'extra', allowMultiple: true })
    await call('contractedPlans:create', { planId: plan.id, accountId: joe })
    await call('contractedPlans:create', { planId: plan.id, accountId: joe })
    expect(await call('contractedPlans:list', { accountId: joe })).toHaveLength(2)
    const error = await failure(
      call('plans:update', { id: plan.id, version: plan.version, allowMultiple: false }),
    )
    expect(rules(error)).toEqual([['allowMultiple', 'in_use']])
  })

  it('bills a contract under a plan service, and cancels it with the contract', async () => {
    await call('billingServices:create', {
      description: 'Pro fee',
      contentType: 'contractedplan',
      match: "contractedplan.plan.name == 'pro'",
      nominalPrice: '30',
      isFee: true,
    })
    const plan = await call('plans:create', { name: 'pro', verboseName: 'Professional' })
    const contract = await call('contractedPlans:create', { planId: plan.id, accountId: joe })
    const [order] = (await call('orders:list', {})).rows
    expect(order).toMatchObject({ objectId: contract.id, description: 'Pro fee: Professional' })
    await call('contractedPlans:delete', { id: contract.id })
    const [cancelled] = (await call('orders:list', { ignored: 'all' })).rows
    expect(cancelled?.cancelledOn).not.toBeNull()
  })
})

describe('rates (spec billing 3 and 5.5)', () => {
  it('refuses a second rate of a plan from the same quantity', async () => {
    const saved = await service()
    const plan = await call('plans:create', { name: 'pro' })
    await call('rates:create', { serviceId: saved.id, planId: plan.id, quantity: 5, price: '2' })
    const error = await failure(
      call('rates:create', { serviceId: saved.id, planId: plan.id, quantity: 5, price: '1' }),
    )
    expect(rules(error)).toEqual([['quantity', 'unique']])
    await call('rates:create', { serviceId: saved.id, planId: plan.id, price: '3' })
    const again = await failure(
      call('rates:create', { serviceId: saved.id, planId: plan.id, quantity: null, price: '4' }),
    )
    expect(rules(again)).toEqual([['quantity', 'unique']])
  })

  it('answers a save with the warnings of the whole table', async () => {
    const saved = await service({ nominalPrice: '10' })
    const plan = await call('plans:create', { name: 'pro' })
    const first = await call('rates:create', {
      serviceId: saved.id,
      planId: plan.id,
      quantity: 0,
      price: '4',
    })
    expect(first.warnings).toEqual([])
    const second = await call('rates:create', {
      serviceId: saved.id,
      planId: plan.id,
      quantity: 10,
      price: '12',
    })
    expect(second.warnings.map((w) => [w.field, w.rule])).toEqual([
      ['rates.1.price', 'above_nominal'],
    ])
    const table = await call('rates:list', { serviceId: saved.id })
    expect(table.rates.map((rate) => [rate.quantity, rate.price])).toEqual([
      [0, '4.00'],
      [10, '12.00'],
    ])
    expect(table.warnings).toEqual(second.warnings)
  })
})
