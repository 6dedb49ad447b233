/**
 * Escaping for each context a value can reach. Every module that puts user data into another
 * language goes through here, so each rule is written and tested once.
 */

/** The escape character used with `LIKE … ESCAPE '\'` (both SQLite and PostgreSQL accept it). */
export const LIKE_ESCAPE = '\\'

/** A LIKE pattern that matches `text` anywhere, with `%`, `_` and `\` taken literally. */
export function likeContains(text: string): string {
  return `%${text.replace(/[\\%_]/g, (char) => LIKE_ESCAPE + char)}%`
}
