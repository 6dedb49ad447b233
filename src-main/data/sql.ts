import { domainToASCII } from 'node:url'
import { or, sql, type AnyColumn, type SQL } from 'drizzle-orm'
import { LIKE_ESCAPE, likeContains } from '../core/escape'
import { isPostgres, type Tx } from '../db/store'

/**
 * `column` contains `text`, with LIKE wildcards in `text` taken literally. Search columns hold
 * lower-case text, so callers lower-case the needle and the match works the same on SQLite
 * (LIKE is case-insensitive for ASCII only) and PostgreSQL (LIKE is case-sensitive).
 */
export function contains(column: AnyColumn | SQL, text: string): SQL {
  return sql`${column} LIKE ${likeContains(text)} ESCAPE ${LIKE_ESCAPE}`
}

/**
 * `column` contains `text` in any letter case, for columns kept as typed (history's names,
 * actors and messages) rather than as lower-cased search text. SQLite's LIKE ignores case;
 * PostgreSQL's does not, so there it is ILIKE. Both fold ASCII letters; PostgreSQL also folds
 * other letters when the database's locale is not C.
 */
export function containsAnyCase(tx: Tx, column: AnyColumn | SQL, text: string): SQL {
  const like = isPostgres(tx) ? sql`ILIKE` : sql`LIKE`
  return sql`${column} ${like} ${likeContains(text)} ESCAPE ${LIKE_ESCAPE}`
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

/**
 * `text` holds a search word, where names may hold domains: a word with letters outside ASCII
 * is looked for as typed (a part of a name in Unicode) and in its `xn--` form (a whole name).
 */
export function containsName(text: AnyColumn | SQL, word: string): SQL {
  if (![...word].some((char) => char.codePointAt(0)! > 0x7f)) return contains(text, word)
  const ascii = domainToASCII(word)
  return ascii ? or(contains(text, word), contains(text, ascii))! : contains(text, word)
}
