import { DrizzleQueryError } from 'drizzle-orm'

/**
 * Database errors that callers turn into field errors, recognised the same way on both
 * dialects. drizzle may wrap the driver's error, so the cause chain is searched.
 */

interface DriverError {
  code?: unknown
  message?: unknown
  constraint?: unknown
  table?: unknown
  detail?: unknown
  cause?: unknown
}

function* causes(error: unknown): Generator<DriverError> {
  for (let current = error, depth = 0; current && depth < 5; depth++) {
    yield current as DriverError
    current = (current as DriverError).cause
  }
}

/** The table and column of a unique constraint a write broke, or undefined. */
export function uniqueViolation(error: unknown): { table: string; column: string } | undefined {
  for (const cause of causes(error)) {
    const message = typeof cause.message === 'string' ? cause.message : ''
    // SQLite: "UNIQUE constraint failed: accounts.username"
    if (
      cause.code === 'SQLITE_CONSTRAINT_UNIQUE' ||
      cause.code === 'SQLITE_CONSTRAINT_PRIMARYKEY'
    ) {
      const match = /constraint failed: (\w+)\.(\w+)/.exec(message)
      if (match) return { table: match[1]!, column: match[2]! }
    }
    // PostgreSQL: unique_violation, with "Key (username)=(ana) already exists."
    if (cause.code === '23505' && typeof cause.table === 'string') {
      const match = typeof cause.detail === 'string' ? /^Key \(([\w]+)\)=/.exec(cause.detail) : null
      if (match) return { table: cause.table, column: match[1]! }
    }
  }
  return undefined
}

/** PostgreSQL could not serialise the transaction, or chose it as a deadlock victim: retry. */
export function isRetryableConflict(error: unknown): boolean {
  for (const cause of causes(error)) {
    if (cause.code === '40001' || cause.code === '40P01') return true
  }
  return false
}

/**
 * The driver's own error when drizzle wrapped it ("Failed query: …" with the driver's error as
 * its cause): the driver's message is the one that says what went wrong.
 */
export function driverError(error: unknown): unknown {
  return error instanceof DrizzleQueryError && error.cause instanceof Error ? error.cause : error
}
