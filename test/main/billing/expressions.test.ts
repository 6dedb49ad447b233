import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { AppError } from '../../../src-shared/errors'
import type { BillableModel } from '../../../src-shared/schemas/billing-services'
import { logsteps } from '../../../src-main/billing/expression-functions'
import {
  checkServiceExpressions,
  compileServiceExpressions,
  tryServiceExpressions,
  type ServiceExpressions,
} from '../../../src-main/billing/expressions'
import { cents, money } from '../../../src-main/billing/money'

function service(
  contentType: BillableModel,
  expressions: Partial<ServiceExpressions> = {},
): ServiceExpressions {
  return {
    contentType,
    description: 'Mailbox',
    nominalPrice: '12.00',
    billingPeriod: 'ANUAL',
    pricingPeriod: '',
    isFee: false,
    match: '',
    metric: '',
    orderDescription: '',
    ...expressions,
  }
}

const account = {
  id: 7,
  username: 'ana',
  type: 'INDIVIDUAL',
  language: 'EN',
  is_active: true,
  is_superuser: false,
}
const mailbox = { id: 1, name: 'ana', filtering: 'REDIRECT', is_active: true, account }

function metricOf(contentType: BillableModel, metric: string, object: Record<string, unknown>) {
  return compileServiceExpressions(service(contentType, { metric })).metric!(object)
}

function matchOf(contentType: BillableModel, match: string, object: Record<string, unknown>) {
  return compileServiceExpressions(service(contentType, { match })).matches(object)
}

// Spec billing 2.1: the original's examples, in CEL.
describe('compileServiceExpressions, the spec examples', () => {
  it('bills system users other than the main one with !systemuser.is_main', () => {
    const user = { id: 2, username: 'ana2', is_main: false, is_active: true, account }
    expect(matchOf('systemuser', '!systemuser.is_main', user)).toBe(true)
    expect(matchOf('systemuser', '!systemuser.is_main', { ...user, is_main: true })).toBe(false)
  })

  it("bills MySQL users with databaseuser.type == 'MYSQL'", () => {
    const user = { id: 3, username: 'ana_db', type: 'MYSQL', account }
    expect(matchOf('databaseuser', "databaseuser.type == 'MYSQL'", user)).toBe(true)
    const pg = { ...user, type: 'POSTGRESQL' }
    expect(matchOf('databaseuser', "databaseuser.type == 'MYSQL'", pg)).toBe(false)
  })

  it('matches a miscellaneous service by its name in lower case', () => {
    const rule =
      "miscellaneous.is_active && miscellaneous.service.name.lowerAscii() == 'domain .es'"
    const item = {
      id: 4,
      identifier: 'example.es',
      amount: 1,
      is_active: true,
      service: { name: 'Domain .ES', verbose_name: 'Domain .es', is_active: true },
      account,
    }
    expect(matchOf('miscellaneous', rule, item)).toBe(true)
    expect(matchOf('miscellaneous', rule, { ...item, is_active: false })).toBe(false)
  })

  it("matches a plan's fee with contractedplan.plan.name == 'association_fee'", () => {
    const contract = { id: 5, active: true, plan: { name: 'association_fee' }, account }
    expect(
      matchOf('contractedplan', "contractedplan.plan.name == 'association_fee'", contract),
    ).toBe(true)
  })

  it('prices the disk above 1 free GB with max(orZero(...) - 1, 0)', () => {
    const metric = 'max(orZero(mailbox.resources.disk.?allocated) - 1, 0)'
    const withQuota = { ...mailbox, resources: { disk: { allocated: '3.5' } } }
    expect(metricOf('mailbox', metric, withQuota).toString()).toBe('2.5')
    const small = { ...mailbox, resources: { disk: { allocated: '0.5' } } }
    expect(metricOf('mailbox', metric, small).toString()).toBe('0')
  })

  it('reads an unmeasured resource as zero through orZero', () => {
    const metric = 'max(orZero(mailbox.resources.disk.?allocated) - 1, 0)'
    expect(metricOf('mailbox', metric, { ...mailbox, resources: { disk: {} } }).toString()).toBe(
      '0',
    )
  })

  it("reads the account's traffic", () => {
    const object = { id: 7, username: 'ana', resources: { traffic: { used: '12.75' } } }
    const metric = 'orZero(account.resources.traffic.?used)'
    expect(metricOf('account', metric, object).toString()).toBe('12.75')
  })

  it("counts a miscellaneous item's amount", () => {
    const item = { id: 4, identifier: 'x', amount: 3, is_active: true, account }
    expect(metricOf('miscellaneous', 'miscellaneous.amount', item).toString()).toBe('3')
  })

  it('gives logsteps(1234) == 1000 and logsteps(1500) == 2000', () => {
    expect(matchOf('mailbox', 'logsteps(1234) == 1000 && logsteps(1500) == 2000', mailbox)).toBe(
      true,
    )
  })
})

describe('compileServiceExpressions', () => {
  it('matches every object when the match is blank', () => {
    expect(matchOf('mailbox', '  ', mailbox)).toBe(true)
  })

  it('has no metric when the metric is blank, so orders are counted', () => {
    expect(compileServiceExpressions(service('mailbox')).metric).toBeNull()
  })

  it('returns a decimal metric as exact Money, never a binary float', () => {
    const metric = metricOf('mailbox', 'decimal("0.1") + decimal("0.2")', mailbox)
    expect(metric.toString()).toBe('0.3')
    expect(cents(metric.times(money('10.00')))).toBe('3.00')
  })

  it('mixes integers and decimals in arithmetic and comparisons', () => {
    expect(metricOf('mailbox', 'decimal("2.5") * 2 - 1', mailbox).toString()).toBe('4')
    expect(matchOf('mailbox', 'decimal("2") == 2 && 3 > decimal("2.99")', mailbox)).toBe(true)
  })

  it('gives the service description and the object name when the description is blank', () => {
    const compiled = compileServiceExpressions(service('mailbox'))
    expect(compiled.description(mailbox)).toBe('Mailbox: ana')
  })

  it('names a miscellaneous item by its identifier, else its service', () => {
    const compiled = compileServiceExpressions(service('miscellaneous', { description: 'Extra' }))
    const item = { id: 1, identifier: '', service: { name: 'ssl', verbose_name: 'SSL' } }
    expect(compiled.description(item)).toBe('Extra: SSL')
  })

  it('renders a description expression on one line', () => {
    const description =
      'service.description + " for " + mailbox.name + "\\n(" + mailbox.account.username + ")"'
    const compiled = compileServiceExpressions(
      service('mailbox', { orderDescription: description }),
    )
    expect(compiled.description(mailbox)).toBe('Mailbox for ana (ana)')
  })

  it('cuts a description at 256 characters', () => {
    const description = '"é" + mailbox.name'
    const long = { ...mailbox, name: 'x'.repeat(400) }
    const text = compileServiceExpressions(service('mailbox', { orderDescription: description }))
    expect([...text.description(long)]).toHaveLength(256)
  })

  it('shows only the declared fields of an object', () => {
    const withSecret = { ...mailbox, password: 'secret' }
    const compiled = compileServiceExpressions(
      service('mailbox', { match: 'dyn(mailbox).password == "secret"' }),
    )
    expect(() => compiled.matches(withSecret)).toThrow(AppError)
  })
})

describe('checkServiceExpressions', () => {
  it('refuses a field the kind of object does not have, on the field', () => {
    expect(checkServiceExpressions(service('mailbox', { match: 'mailbox.quota > 1' }))).toEqual([
      { field: 'match', rule: 'expression', message: 'TypeError: No such key: quota' },
    ])
  })

  it('refuses a match that is not true or false', () => {
    const issues = checkServiceExpressions(service('mailbox', { match: 'mailbox.name' }))
    expect(issues[0]).toMatchObject({
      field: 'match',
      message: 'must give true or false, not string',
    })
  })

  it('refuses a metric that is a binary float, and says how to write a fraction', () => {
    const issues = checkServiceExpressions(service('mailbox', { metric: '1.5' }))
    expect(issues[0]?.field).toBe('metric')
    expect(issues[0]?.message).toContain('decimal("1.5")')
  })

  it('refuses a metric that is text or a bool', () => {
    for (const metric of ['mailbox.name', 'mailbox.is_active']) {
      expect(checkServiceExpressions(service('mailbox', { metric }))[0]?.field, metric).toBe(
        'metric',
      )
    }
  })

  it('refuses an order description that is not text, on orderDescription', () => {
    const issues = checkServiceExpressions(service('mailbox', { orderDescription: 'mailbox.id' }))
    expect(issues).toEqual([
      { field: 'orderDescription', rule: 'expression', message: 'must give text, not int' },
    ])
  })

  it('reports each broken expression on its own field', () => {
    const broken = service('mailbox', { match: 'x', metric: 'y +', orderDescription: '1' })
    expect(checkServiceExpressions(broken).map((issue) => issue.field)).toEqual([
      'match',
      'metric',
      'orderDescription',
    ])
  })

  it('checks each kind of object against its own fields', () => {
    expect(checkServiceExpressions(service('vps', { match: 'vps.hostname != ""' }))).toEqual([])
    expect(
      checkServiceExpressions(service('vps', { match: 'mailbox.name != ""' }))[0]?.message,
    ).toBe('TypeError: Unknown variable: mailbox')
  })
})

// Spec billing 2.1, on save: an expression that type-checks may still fail on real data.
describe('tryServiceExpressions', () => {
  it('reports a metric that fails on the sample object, on metric', () => {
    const issues = tryServiceExpressions(
      service('mailbox', { metric: 'mailbox.resources.disk.allocated' }),
      mailbox,
    )
    expect(issues).toEqual([
      { field: 'metric', rule: 'expression', message: 'EvaluationError: No such key: allocated' },
    ])
  })

  it('reports a division by zero, on metric', () => {
    const issues = tryServiceExpressions(
      service('mailbox', { metric: 'decimal("1") / 0' }),
      mailbox,
    )
    expect(issues[0]).toMatchObject({ field: 'metric', rule: 'expression' })
    expect(issues[0]?.message).toContain('division by zero')
  })

  it('reports a negative metric, on metric', () => {
    const issues = tryServiceExpressions(service('mailbox', { metric: '0 - mailbox.id' }), mailbox)
    expect(issues[0]).toMatchObject({
      field: 'metric',
      message: 'gives -1: it may not be negative',
    })
  })

  it('throws, rather than blaming the expression, on a sample of the wrong shape', () => {
    const broken = { ...mailbox, id: 'one' }
    expect(() => tryServiceExpressions(service('mailbox'), broken)).toThrow(
      'mailbox.id must be a whole number',
    )
  })

  it('passes expressions that work on the sample object', () => {
    const ok = service('mailbox', {
      match: 'mailbox.is_active',
      metric: 'max(orZero(mailbox.resources.disk.?allocated) - 1, 0)',
      orderDescription: '"Mailbox " + mailbox.name',
    })
    expect(tryServiceExpressions(ok, mailbox)).toEqual([])
  })
})

describe('logsteps', () => {
  it('rounds half up to the power of ten of n', () => {
    expect(logsteps(money(1234)).toString()).toBe('1000')
    expect(logsteps(money(1500)).toString()).toBe('2000')
    expect(logsteps(money(2500)).toString()).toBe('3000')
    expect(logsteps(money(7)).toString()).toBe('7')
    expect(logsteps(money('0.34')).toString()).toBe('0.3')
    expect(logsteps(money(0)).toString()).toBe('0')
  })

  it('rounds to size times the power of ten', () => {
    expect(logsteps(money(3000), money(5)).toString()).toBe('5000')
    expect(logsteps(money(7600), money(5)).toString()).toBe('10000')
    expect(logsteps(money(1234), money(5)).toString()).toBe('0')
  })

  it('refuses a size below 1', () => {
    expect(() => logsteps(money(10), money(0))).toThrow('size must be 1 or more')
  })

  it('stays within half a step of n for any positive integer', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10 ** 12 }), (n) => {
        const value = money(n)
        const step = money(10).pow(value.e)
        return logsteps(value).minus(value).abs().lessThanOrEqualTo(step.dividedBy(2))
      }),
    )
  })
})
