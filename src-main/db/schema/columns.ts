import { sql } from 'drizzle-orm'

/**
 * Defaults written as SQL. The PostgreSQL tables are derived from these SQLite ones
 * (db/pg-schema.ts), which knows each of these by identity and gives it its PostgreSQL twin;
 * any other SQL default stops the derivation, so a new one must be mapped on purpose.
 */

/** The current time as an ISO 8601 UTC timestamp with milliseconds: `2026-12-03T21:28:00.000Z`. */
export const UTC_NOW = sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`

/** `UTC_NOW` in PostgreSQL: the same text, from the transaction's clock. */
export const UTC_NOW_POSTGRES = sql`to_char(now() at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`
