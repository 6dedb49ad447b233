import type { z } from 'zod'
import type { FieldIssue } from './errors'

/**
 * Turns zod issues into field issues with a stable rule name and a message written for the
 * user. The same function runs in the forms and in main, so both say the same thing.
 *
 * `input` is the value that was parsed. Zod 4 does not say whether a value of the wrong type
 * was missing or present, so this looks it up there: a missing value is `required`, a present
 * one of the wrong type is `type`. (Without `input`, issues parsed with `reportInput: true`
 * carry their own input; otherwise every wrong type reads as missing.)
 */
export function toFieldIssues(error: z.ZodError, input?: unknown): FieldIssue[] {
  return error.issues.flatMap((issue) => {
    const path = issue.path.map(String)
    // One issue per unknown key, so the error names the field the caller should not send.
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({
        field: [...path, key].join('.'),
        rule: 'unknown_field',
        message: 'cannot be set by this request',
      }))
    }
    const missing =
      input !== undefined ? valueAt(input, issue.path) === undefined : issue.input === undefined
    const { rule, message } = describe(issue, missing)
    return [{ field: path.join('.') || '(request)', rule, message }]
  })
}

/** The value at `path` inside `input`, or undefined where the path leads nowhere. */
function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input
  for (const key of path) {
    if (typeof value !== 'object' || value === null || !Object.hasOwn(value, key)) return undefined
    value = (value as Record<PropertyKey, unknown>)[key]
  }
  return value
}

/** What each type zod expects is called in a message. */
const TYPE_NAMES: Record<string, string> = {
  string: 'a string',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  object: 'an object',
}

type Issue = z.core.$ZodIssue

function describe(issue: Issue, missing: boolean): { rule: string; message: string } {
  switch (issue.code) {
    case 'too_small':
      return tooSmall(issue)
    case 'too_big':
      return tooBig(issue)
    case 'invalid_format':
      if (issue.format === 'email')
        return { rule: 'email', message: 'is not a valid email address' }
      return { rule: 'pattern', message: issue.message }
    case 'invalid_value':
      return { rule: 'choice', message: `must be one of ${issue.values.join(', ')}` }
    case 'invalid_type':
      if (missing) return { rule: 'required', message: 'is required' }
      return {
        rule: 'type',
        message: `must be ${TYPE_NAMES[issue.expected] ?? `a ${issue.expected}`}`,
      }
    case 'custom': {
      const rule = (issue.params as { rule?: string } | undefined)?.rule ?? 'invalid'
      return { rule, message: issue.message }
    }
    default:
      return { rule: issue.code, message: issue.message }
  }
}

function tooSmall(issue: z.core.$ZodIssueTooSmall): { rule: string; message: string } {
  const minimum = Number(issue.minimum)
  // `inclusive: false` is a strict bound: `.positive()` is "greater than 0".
  const exclusive = issue.inclusive === false
  switch (issue.origin) {
    case 'string':
      if (minimum === 1 && !exclusive) return { rule: 'required', message: 'is required' }
      return {
        rule: 'min_length',
        message: `must be at least ${exclusive ? minimum + 1 : minimum} characters`,
      }
    case 'array':
      return {
        rule: 'min_items',
        message: `needs at least ${exclusive ? minimum + 1 : minimum} item(s)`,
      }
    default:
      return {
        rule: 'min',
        message: exclusive ? `must be greater than ${minimum}` : `must be at least ${minimum}`,
      }
  }
}

function tooBig(issue: z.core.$ZodIssueTooBig): { rule: string; message: string } {
  const maximum = Number(issue.maximum)
  const exclusive = issue.inclusive === false
  switch (issue.origin) {
    case 'string':
      return {
        rule: 'max_length',
        message: `must be at most ${exclusive ? maximum - 1 : maximum} characters`,
      }
    case 'array':
      return {
        rule: 'max_items',
        message: `allows at most ${exclusive ? maximum - 1 : maximum} item(s)`,
      }
    default:
      return {
        rule: 'max',
        message: exclusive ? `must be less than ${maximum}` : `must be at most ${maximum}`,
      }
  }
}
