/**
 * Errors that cross the renderer/main boundary. Both transports (IPC and the HTTP bridge) carry
 * them as plain JSON of this shape, so the renderer handles one kind of failure.
 */

export const ERROR_CODES = [
  'VALIDATION',
  'NOT_FOUND',
  'CONFLICT',
  'FORBIDDEN',
  'UNAUTHORIZED',
  'UNKNOWN_CHANNEL',
  /** Something the app relies on (the database server, the OS keychain) is not available. */
  'UNAVAILABLE',
  'INTERNAL',
] as const

export type ErrorCode = (typeof ERROR_CODES)[number]

/** One broken rule on one field. `field` is a dotted path such as `contacts.0.email`. */
export interface FieldIssue {
  field: string
  rule: string
  message: string
}

export interface ErrorBody {
  code: ErrorCode
  message: string
  /** The first offending field, for validation and conflict errors. */
  field?: string
  issues?: FieldIssue[]
  /** Extra data for the caller, e.g. the stored version on a conflict. */
  details?: unknown
}

export class AppError extends Error {
  readonly code: ErrorCode
  readonly field?: string
  readonly issues?: FieldIssue[]
  readonly details?: unknown

  constructor(body: ErrorBody, options?: { cause?: unknown }) {
    super(body.message, options)
    this.name = 'AppError'
    this.code = body.code
    this.field = body.field ?? body.issues?.[0]?.field
    this.issues = body.issues
    this.details = body.details
  }

  toBody(): ErrorBody {
    return {
      code: this.code,
      message: this.message,
      ...(this.field !== undefined && { field: this.field }),
      ...(this.issues !== undefined && { issues: this.issues }),
      ...(this.details !== undefined && { details: this.details }),
    }
  }

  static validation(issues: FieldIssue[]): AppError {
    const first = issues[0]
    const message = first ? `${first.field}: ${first.message}` : 'Invalid request'
    return new AppError({ code: 'VALIDATION', message, issues })
  }

  static notFound(what: string, id: number | string): AppError {
    return new AppError({ code: 'NOT_FOUND', message: `${what} ${id} does not exist` })
  }
}

export function isErrorBody(value: unknown): value is ErrorBody {
  if (typeof value !== 'object' || value === null) return false
  const code = (value as { code?: unknown }).code
  return typeof code === 'string' && (ERROR_CODES as readonly string[]).includes(code)
}

/** HTTP status for each code, used by the bridge. */
export const HTTP_STATUS: Record<ErrorCode, number> = {
  VALIDATION: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  UNKNOWN_CHANNEL: 404,
  CONFLICT: 409,
  INTERNAL: 500,
  UNAVAILABLE: 503,
}
