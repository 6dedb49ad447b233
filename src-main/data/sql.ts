import { sql, type AnyColumn, type SQL } from 'drizzle-orm'
import { LIKE_ESCAPE, likeContains } from '../core/escape'

/**
 * `column` contains `text`, with LIKE wildcards in `text` taken literally. Search columns hold
 * lower-case text, so callers lower-case the needle and the match works the same on SQLite
 * (LIKE is case-insensitive for ASCII only) and PostgreSQL (LIKE is case-sensitive).
 */
export function contains(column: AnyColumn | SQL, text: string): SQL {
  return sql`${column} LIKE ${likeContains(text)} ESCAPE ${LIKE_ESCAPE}`
}

/** Search words: each must appear somewhere in the search text. */
export function searchWords(q: string): string[] {
  return q.toLowerCase().split(/\s+/).filter(Boolean)
}

/** The stored search text: the parts, lower-cased and joined. */
export function searchText(parts: (string | null | undefined)[]): string {
  return parts
    .filter((part): part is string => !!part)
    .join(' ')
    .toLowerCase()
}
