import type { z } from 'zod'
import type { FieldIssue } from './errors'

/**
 * Turns zod issues into field issues with a stable rule name and a message written for the
 * user. The same function runs in the forms and in main, so both say the same thing.
 */
export function toFieldIssues(error: z.ZodError): FieldIssue[] {
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
    const { rule, message } = describe(issue)
    return [{ field: path.join('.') || '(request)', rule, message }]
  })
}

type Issue = z.core.$ZodIssue

function describe(issue: Issue): { rule: string; message: string } {
  switch (issue.code) {
    case 'too_small':
      if (issue.origin === 'string' && Number(issue.minimum) === 1) {
        return { rule: 'required', message: 'is required' }
      }
      if (issue.origin === 'array') {
        return { rule: 'min_items', message: `needs at least ${issue.minimum} item(s)` }
      }
      return issue.origin === 'string'
        ? { rule: 'min_length', message: `must be at least ${issue.minimum} characters` }
        : { rule: 'min', message: `must be at least ${issue.minimum}` }
    case 'too_big':
      if (issue.origin === 'array') {
        return { rule: 'max_items', message: `allows at most ${issue.maximum} item(s)` }
      }
      return issue.origin === 'string'
        ? { rule: 'max_length', message: `must be at most ${issue.maximum} characters` }
        : { rule: 'max', message: `must be at most ${issue.maximum}` }
    case 'invalid_format':
      if (issue.format === 'email')
        return { rule: 'email', message: 'is not a valid email address' }
      return { rule: 'pattern', message: issue.message }
    case 'invalid_value':
      return { rule: 'choice', message: `must be one of ${issue.values.join(', ')}` }
    case 'invalid_type':
      return issue.input === undefined
        ? { rule: 'required', message: 'is required' }
        : { rule: 'type', message: `must be a ${issue.expected}` }
    case 'custom': {
      const rule = (issue.params as { rule?: string } | undefined)?.rule ?? 'invalid'
      return { rule, message: issue.message }
    }
    default:
      return { rule: issue.code, message: issue.message }
  }
}
