import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  checkServiceExpressions,
  tryServiceExpressions,
  type ExpressionField,
  type ServiceExpressions,
} from '../../../src-main/billing/expressions'

/**
 * Expressions are typed by operators into a form, so they are hostile input: each of these is
 * refused on its field, or evaluates harmlessly, and none reaches the process.
 */

function service(field: ExpressionField, text: string): ServiceExpressions {
  return {
    contentType: 'mailbox',
    description: 'Mailbox',
    nominalPrice: '1.00',
    billingPeriod: 'ANUAL',
    pricingPeriod: '',
    isFee: false,
    match: '',
    metric: '',
    orderDescription: '',
    [field]: text,
  }
}

const mailbox = {
  id: 1,
  name: 'a'.repeat(40),
  filtering: 'REDIRECT',
  is_active: true,
  account: { id: 1, username: 'ana' },
}

function refusal(field: ExpressionField, text: string) {
  const issues = checkServiceExpressions(service(field, text))
  expect(issues, text).toHaveLength(1)
  expect(issues[0]).toMatchObject({ field, rule: 'expression' })
  return issues[0]!.message
}

describe('checkServiceExpressions, hostile input', () => {
  it('refuses a call to the process on each field', () => {
    for (const field of ['match', 'metric', 'orderDescription'] as const) {
      expect(refusal(field, 'process.exit()')).toBe('TypeError: Unknown variable: process')
    }
  })

  it('refuses globals of the JavaScript runtime', () => {
    for (const text of ['require("fs")', 'globalThis.x', 'eval("1")', 'Function("x")()']) {
      expect(refusal('match', text), text).toMatch(/Unknown|found no matching overload|ParseError/)
    }
  })

  it('refuses the prototype and constructor of an object', () => {
    for (const text of [
      'mailbox.constructor == null',
      'mailbox.__proto__ == null',
      'mailbox["constructor"] == null',
      'mailbox.account.__proto__.polluted == 1',
      'service.constructor.name == ""',
    ]) {
      expect(refusal('match', text), text).toMatch(/No such key: (constructor|__proto__)/)
    }
  })

  it('refuses calling a method of a value', () => {
    expect(refusal('match', 'mailbox.name.constructor("x") == ""')).toContain(
      'no matching overload',
    )
  })

  it('refuses very deep nesting at parse time', () => {
    const deep = `${'('.repeat(500)}true${')'.repeat(500)}`.slice(0, 1000)
    expect(refusal('match', `${'('.repeat(100)}true${')'.repeat(100)}`)).toContain('maxDepth')
    expect(deep.length).toBe(1000)
    expect(refusal('match', deep)).toMatch(/maxDepth|Unexpected end/)
  })

  it('refuses an expression with too many parts', () => {
    const many = `${'1+'.repeat(400)}1 > 0`
    expect(refusal('match', many)).toContain('maxAstNodes')
  })

  it('refuses a huge string before parsing it', () => {
    const huge = `mailbox.name == "${'x'.repeat(1_000_000)}"`
    const started = performance.now()
    expect(refusal('match', huge)).toBe('is longer than 1000 characters')
    expect(performance.now() - started).toBeLessThan(100)
  })

  it('refuses a list macro inside another, which multiplies work', () => {
    const nested = '[1,2,3].map(a, [1,2,3].map(b, a * b)).size() > 0'
    expect(refusal('match', nested)).toBe(
      'a list macro (map, filter, all, exists) may not contain another',
    )
  })

  it('refuses cel.bind, which lets one list feed many macros', () => {
    expect(refusal('match', 'cel.bind(l, [1, 2], l.size() == 2)')).toBe(
      'cel.bind is not available here',
    )
  })

  it('refuses regular expressions, whose backtracking can run for hours', () => {
    expect(refusal('match', 'mailbox.name.matches("(a+)+b")')).toBe(
      'regular expressions (matches) are not available here',
    )
  })

  it('accepts one level of list macro', () => {
    expect(checkServiceExpressions(service('match', '[1, 2].exists(x, x == mailbox.id)'))).toEqual(
      [],
    )
  })
})

describe('tryServiceExpressions, hostile input', () => {
  it('turns an integer overflow into a field error', () => {
    const issues = tryServiceExpressions(
      service('metric', '9223372036854775807 + mailbox.id'),
      mailbox,
    )
    expect(issues[0]).toMatchObject({ field: 'metric', rule: 'expression' })
    expect(issues[0]?.message).toContain('overflow')
  })

  it('cannot read an undeclared value the object was given', () => {
    const withHash = { ...mailbox, passwordHash: '$6$secret' }
    const issues = tryServiceExpressions(
      service('match', 'dyn(mailbox).passwordHash == "$6$secret"'),
      withHash,
    )
    expect(issues).toEqual([
      {
        field: 'match',
        rule: 'expression',
        message: 'EvaluationError: No such key: passwordHash',
      },
    ])
  })

  it('leaves Object.prototype alone when an object carries a __proto__ key', () => {
    const poisoned = JSON.parse('{"id": 1, "name": "x", "__proto__": {"polluted": true}}')
    expect(tryServiceExpressions(service('match', 'mailbox.name == "x"'), poisoned)).toEqual([])
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })

  it('evaluates a long but allowed expression quickly', () => {
    const list = `[${Array.from({ length: 100 }, (_, i) => i).join(',')}]`
    const text = `${list}.filter(x, x > mailbox.id).size() > 0`
    const started = performance.now()
    expect(tryServiceExpressions(service('match', text), mailbox)).toEqual([])
    expect(performance.now() - started).toBeLessThan(500)
  })
})

describe('checkServiceExpressions, any text', () => {
  const tokens = fc.constantFrom(
    'mailbox',
    '.',
    'name',
    'resources',
    'disk',
    '?',
    'used',
    '(',
    ')',
    '[',
    ']',
    '{',
    '}',
    '"',
    "'",
    '\\',
    '+',
    '-',
    '*',
    '/',
    '%',
    '!',
    '&&',
    '||',
    '==',
    '<',
    '?',
    ':',
    ',',
    '1',
    '0',
    '1.5',
    'decimal',
    'max',
    'logsteps',
    'orZero',
    'map',
    'x',
    'true',
    'null',
    'constructor',
    '__proto__',
    'process',
    ' ',
  )
  const texts = fc.oneof(
    fc.string({ maxLength: 200 }),
    fc.array(tokens, { maxLength: 80 }).map((parts) => parts.join('')),
  )

  it('returns issues for any text on any field and never throws', () => {
    fc.assert(
      fc.property(texts, fc.constantFrom('match', 'metric', 'orderDescription'), (text, field) => {
        const issues = checkServiceExpressions(service(field as ExpressionField, text))
        return issues.every((found) => found.field === field && found.rule === 'expression')
      }),
      { numRuns: 500 },
    )
  })

  it('evaluates any text that passes the check without reaching beyond a field error', () => {
    fc.assert(
      fc.property(texts, (text) => {
        const issues = tryServiceExpressions(service('metric', text), mailbox)
        return issues.every((found) => found.field === 'metric')
      }),
      { numRuns: 500 },
    )
  })
})
