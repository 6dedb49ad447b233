import { describe, expect, it } from 'vitest'
import {
  tryServiceExpressions,
  type ServiceExpressions,
} from '../../../src-main/billing/expressions'

// Spec 2.1: a metric expression that leaves CEL's 64-bit integers is a field error, however
// it gets there, as it is when arithmetic overflows.

function metric(text: string): ServiceExpressions {
  return {
    contentType: 'mailbox',
    description: 'Mailbox',
    nominalPrice: '1.00',
    billingPeriod: 'ANUAL',
    pricingPeriod: '',
    isFee: false,
    match: '',
    metric: text,
    orderDescription: '',
  }
}

const mailbox = {
  id: 1,
  name: 'ana',
  filtering: 'REDIRECT',
  is_active: true,
  account: { id: 1, username: 'ana' },
}

describe('int(Decimal) in a metric expression', () => {
  it('refuses a Decimal beyond the largest 64-bit integer', () => {
    const issues = tryServiceExpressions(metric('int(decimal("9223372036854775808"))'), mailbox)
    expect(issues).toEqual([
      {
        field: 'metric',
        rule: 'expression',
        message: 'Error: integer overflow: 9223372036854775808 is not a 64-bit integer',
      },
    ])
  })

  it('refuses a Decimal below the smallest 64-bit integer', () => {
    const issues = tryServiceExpressions(metric('-int(decimal("-9223372036854775809"))'), mailbox)
    expect(issues.map((issue) => issue.message)).toEqual([
      'Error: integer overflow: -9223372036854775809 is not a 64-bit integer',
    ])
  })

  it('takes the largest 64-bit integer itself', () => {
    expect(tryServiceExpressions(metric('int(decimal("9223372036854775807"))'), mailbox)).toEqual(
      [],
    )
  })
})
