import type { z } from 'zod'
import { AppError, type FieldIssue } from '../../../src-shared/errors'
import { toFieldIssues } from '../../../src-shared/validation'
import { i18next } from '../i18n'
import { translateOr } from '../i18n/translate'

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError
}

export function isConflict(error: unknown): boolean {
  return isAppError(error) && error.code === 'CONFLICT'
}

export function isNotFound(error: unknown): boolean {
  return isAppError(error) && error.code === 'NOT_FOUND'
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
}

/** The message for one broken rule: translated when the rule is known, else the server's. */
export function issueMessage(issue: FieldIssue): string {
  return translateOr(`rules.${issue.rule}`, capitalize(issue.message))
}

/** Field issues of a failed request, empty unless it failed validation. */
export function validationIssues(error: unknown): FieldIssue[] {
  if (!isAppError(error) || error.code !== 'VALIDATION') return []
  return error.issues ?? []
}

/** Field path to message, in the dotted form Mantine forms use (`contacts.0.email`). */
export function issuesToErrors(issues: FieldIssue[]): Record<string, string> {
  const errors: Record<string, string> = {}
  for (const issue of issues) errors[issue.field] ??= issueMessage(issue)
  return errors
}

/** Validates with the shared schema, so the form and main apply the same rules. */
export function schemaErrors(schema: z.ZodType, values: unknown): Record<string, string> {
  const result = schema.safeParse(values)
  return result.success ? {} : issuesToErrors(toFieldIssues(result.error))
}

// FORBIDDEN keeps the core's message: it says why (a read-only database, a log that cannot run).
const OWN_WORDING = new Set(['CONFLICT', 'UNAUTHORIZED'])

/** One sentence for a notification or an inline callout. */
export function errorMessage(error: unknown): string {
  if (isAppError(error)) {
    const issue = error.issues?.[0]
    if (error.code === 'VALIDATION' && issue) return issueMessage(issue)
    // These read better in our words than in the core's technical ones.
    if (OWN_WORDING.has(error.code)) return i18next.t(`errors.codes.${error.code}`)
    return error.message || i18next.t(`errors.codes.${error.code}`)
  }
  if (error instanceof TypeError) return i18next.t('errors.network')
  return error instanceof Error ? error.message : String(error)
}
