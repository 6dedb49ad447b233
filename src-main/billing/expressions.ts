import { Environment } from '@marcbachmann/cel-js'
import { AppError, type FieldIssue } from '../../src-shared/errors'
import { EXPRESSION_MAX, type BillableModel } from '../../src-shared/schemas/billing-services'
import { describeMatchError, normaliseMatch } from '../orchestration/expression'
import {
  BILLABLE_MODEL_SPECS,
  objectText,
  toCelValues,
  type FieldTree,
  type PlainValues,
} from './billable-models'
import { registerBillingFunctions } from './expression-functions'
import { money, type Money } from './money'

/**
 * A service's match, metric and order description are CEL, as route matches are (see
 * orchestration/expression.ts): attribute paths, arithmetic, comparisons and string functions,
 * nothing that reaches the process. Each is type-checked at save time against the fields of the
 * service's kind of object (billable-models.ts), so a misspelt field is a field error on save.
 *
 * Names an expression sees: the object as `instance`, `obj` and its model's name (`mailbox`),
 * and `service` (its description, price and periods). Results: match is true or false; metric
 * is an integer or a Decimal, returned as Money, never as a binary float; the description is
 * text. The original's `not`, `and`, `or` are CEL's `!`, `&&`, `||`; its `Decimal("1.5")` is
 * `decimal("1.5")`. Its `math` and `log10` computed in binary floats and are left out: the
 * rounding a rule needs is `logsteps`, and min and max are `min` and `max`.
 */

export type ExpressionField = 'match' | 'metric' | 'orderDescription'

/** What of a service its expressions need. */
export interface ServiceExpressions {
  contentType: BillableModel
  description: string
  nominalPrice: string
  billingPeriod: string
  pricingPeriod: string
  isFee: boolean
  match: string
  metric: string
  orderDescription: string
}

const SERVICE_FIELDS = {
  description: 'string',
  content_type: 'string',
  nominal_price: 'Decimal',
  billing_period: 'string',
  pricing_period: 'string',
  is_fee: 'bool',
} as const satisfies FieldTree

const RESULT_TYPES: Record<ExpressionField, readonly string[]> = {
  match: ['bool'],
  metric: ['int', 'Decimal'],
  orderDescription: ['string'],
}

const RESULT_NAMES: Record<ExpressionField, string> = {
  match: 'true or false',
  metric: 'a whole number or a Decimal (write a fraction as decimal("1.5"))',
  orderDescription: 'text',
}

/** The longest order description; longer text is cut, as a line has no room for more. */
export const DESCRIPTION_MAX = 256

// --- Environments ------------------------------------------------------------------------------

/**
 * Small limits: a billing rule is a line or two. The nesting and node bounds refuse deep or
 * sprawling input at parse time, before any evaluation.
 */
const LIMITS = {
  maxAstNodes: 300,
  maxDepth: 24,
  maxListElements: 100,
  maxMapEntries: 50,
  maxCallArguments: 8,
}

function environmentFor(model: BillableModel): Environment {
  const env = new Environment({ limits: LIMITS, enableOptionalTypes: true })
  registerBillingFunctions(env)
  const schema = BILLABLE_MODEL_SPECS[model].fields
  for (const name of new Set(['instance', 'obj', model])) env.registerVariable({ name, schema })
  env.registerVariable({ name: 'service', schema: SERVICE_FIELDS })
  return env
}

const environments = new Map<BillableModel, Environment>()

function cachedEnvironment(model: BillableModel): Environment {
  let env = environments.get(model)
  if (!env) environments.set(model, (env = environmentFor(model)))
  return env
}

// --- Checking ----------------------------------------------------------------------------------

function issue(field: ExpressionField, message: string): FieldIssue {
  return { field, rule: 'expression', message }
}

/** The expression a field is evaluated as; a blank metric or description has none. */
function source(field: ExpressionField, text: string): string | null {
  if (field === 'match') return normaliseMatch(text)
  return text.trim() === '' ? null : text.trim()
}

const COMPREHENSIONS = new Set(['all', 'exists', 'exists_one', 'map', 'filter'])

/**
 * What the type checker lets through but a billing rule must not have. Comprehensions
 * (`list.map(x, ...)`) nested in one another multiply their work, and `cel.bind` lets one list
 * feed many of them: a short text could keep the process busy for hours; one level is all a
 * rule on one object needs. `matches` runs a regular expression, and a pattern such as
 * `(a+)+b` backtracks for hours on a 30-character name: prefix, suffix and substring tests
 * (`startsWith`, `endsWith`, `contains`) are what rules use.
 */
function structureProblem(node: unknown, depth = 0): string | undefined {
  if (typeof node !== 'object' || node === null) return undefined
  const { op, args } = node as { op?: unknown; args?: unknown }
  let inner = depth
  if ((op === 'rcall' || op === 'call') && Array.isArray(args)) {
    if (args[0] === 'matches') return 'regular expressions (matches) are not available here'
    if (op === 'rcall' && args[0] === 'bind') return 'cel.bind is not available here'
    if (op === 'rcall' && COMPREHENSIONS.has(args[0] as string) && ++inner > 1) {
      return 'a list macro (map, filter, all, exists) may not contain another'
    }
  }
  const children = Array.isArray(args) ? args : [args]
  for (const child of children.flat(2)) {
    const problem = structureProblem(child, inner)
    if (problem) return problem
  }
  return undefined
}

function checkOne(model: BillableModel, field: ExpressionField, text: string) {
  if (text.length > EXPRESSION_MAX) {
    return issue(field, `is longer than ${EXPRESSION_MAX} characters`)
  }
  const expression = source(field, text)
  if (expression === null) return undefined
  const env = cachedEnvironment(model)
  const result = env.check(expression)
  if (!result.valid) return issue(field, describeMatchError(result.error))
  const problem = structureProblem(env.parse(expression).ast)
  if (problem) return issue(field, problem)
  const type = result.type ?? 'unknown'
  if (!RESULT_TYPES[field].includes(type)) {
    return issue(field, `must give ${RESULT_NAMES[field]}, not ${type}`)
  }
  return undefined
}

/** Type-checks a service's three expressions against its kind of object; one issue per field. */
export function checkServiceExpressions(service: ServiceExpressions): FieldIssue[] {
  const fields: ExpressionField[] = ['match', 'metric', 'orderDescription']
  return fields.flatMap((field) => checkOne(service.contentType, field, service[field]) ?? [])
}

// --- Evaluating --------------------------------------------------------------------------------

export interface CompiledService {
  matches(object: PlainValues): boolean
  /** Null when the service has no metric: each order then counts as one. */
  metric: ((object: PlainValues) => Money) | null
  description(object: PlainValues): string
}

type Evaluate = (context: Record<string, unknown>) => unknown

/**
 * Compiles a service's expressions. An invalid one is a validation error naming its field;
 * so is one that fails on an object (a missing field, a division by zero), thrown by the
 * returned functions.
 */
export function compileServiceExpressions(service: ServiceExpressions): CompiledService {
  const issues = checkServiceExpressions(service)
  if (issues.length > 0) throw AppError.validation(issues)

  const model = service.contentType
  const env = cachedEnvironment(model)
  const compile = (field: ExpressionField): Evaluate | null => {
    const expression = source(field, service[field])
    return expression === null ? null : env.parse(expression)
  }
  const serviceValues = toServiceValues(service)
  const run = (field: ExpressionField, evaluate: Evaluate, object: PlainValues) => {
    const values = toCelValues(model, object)
    try {
      return evaluate({ instance: values, obj: values, [model]: values, service: serviceValues })
    } catch (error) {
      throw AppError.validation([issue(field, describeMatchError(error))])
    }
  }

  const match = compile('match')!
  const metric = compile('metric')
  const description = compile('orderDescription')
  return {
    matches: (object) => run('match', match, object) === true,
    metric: metric && ((object) => metricValue(run('metric', metric, object))),
    description: (object) =>
      description
        ? descriptionText(run('orderDescription', description, object))
        : defaultDescription(service, model, object),
  }
}

function toServiceValues(service: ServiceExpressions): Record<string, unknown> {
  return {
    description: service.description,
    content_type: service.contentType,
    nominal_price: money(service.nominalPrice),
    billing_period: service.billingPeriod,
    pricing_period: service.pricingPeriod,
    is_fee: service.isFee,
  }
}

function metricValue(result: unknown): Money {
  const value = typeof result === 'bigint' ? money(result.toString()) : (result as Money)
  if (value.isNegative()) {
    throw AppError.validation([
      issue('metric', `gives ${value.toString()}: it may not be negative`),
    ])
  }
  return value
}

/** One line of text: control characters (newlines too) become spaces, then it is cut. */
function descriptionText(result: unknown): string {
  const text = String(result)
    .replace(/\p{Cc}+/gu, ' ')
    .trim()
  return [...text].slice(0, DESCRIPTION_MAX).join('')
}

// TODO(#7): translate the service's description into the account's language once services
// carry translations; the original rendered it with the account's language active.
function defaultDescription(
  service: ServiceExpressions,
  model: BillableModel,
  object: PlainValues,
): string {
  return descriptionText(`${service.description}: ${objectText(model, object)}`)
}

/**
 * Spec billing 2.1, on save: each expression also runs against one existing object of the
 * kind, so an expression that type-checks but fails on real data (a field the object lacks)
 * is a field error then, not a failed order later.
 */
export function tryServiceExpressions(
  service: ServiceExpressions,
  sample: PlainValues,
): FieldIssue[] {
  const issues = checkServiceExpressions(service)
  if (issues.length > 0) return issues
  const compiled = compileServiceExpressions(service)
  const attempts: (() => unknown)[] = [
    () => compiled.matches(sample),
    () => compiled.metric?.(sample),
    () => compiled.description(sample),
  ]
  return attempts.flatMap((attempt) => {
    try {
      attempt()
      return []
    } catch (error) {
      // Only the expression's own failures: a sample of the wrong shape is a bug to see.
      if (error instanceof AppError && error.issues) return error.issues
      throw error
    }
  })
}
