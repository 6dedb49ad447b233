import { and, count, sql, type SQL } from 'drizzle-orm'
import { LIKE_ESCAPE, likeContains } from '../core/escape'
import type { Tx } from '../db/store'
import { accounts } from '../db/schema'
import { prepared } from './prepared'

/**
 * Account search on SQLite, kept apart so that the PostgreSQL dialect can replace it with plain
 * LIKE over a pg_trgm index without touching the list query.
 *
 * Words are looked up in the trigram index `accounts_search` (migration 0003): a word of three
 * characters or more as a phrase of its trigrams, a two-character word through the indexed
 * trigrams that begin with it (each text is indexed with a trailing space, so its last two
 * characters begin one too). Both match exactly the rows that `LIKE '%word%'` would. A single
 * character has no trigram of its own and is matched with LIKE over the narrow search-text
 * index. Conditions use placeholders so that list queries can stay prepared.
 */

/**
 * At or below this many matches, the page is taken from the matching rows, sorted. Above it,
 * the sort order's index is walked until the page is full, which stops early when matches are
 * dense but would read the whole index for a rare word. Both plans return the same rows.
 */
export const FEW_MATCHES = 2000

export type SearchPlan = 'from-matches' | 'in-sort-order'

export interface AccountSearch {
  /** FTS5 query for the words of two characters or more, all required. */
  match?: string
  /** Single characters. */
  scanned: string[]
  /** A two-character word that no account holds: nothing can match. */
  hopeless: boolean
}

/** An FTS5 string: quoted, with quotes doubled, so nothing in it is query syntax. */
const quote = (text: string) => `"${text.replaceAll('"', '""')}"`

export async function accountSearch(tx: Tx, words: string[]): Promise<AccountSearch> {
  const phrases: string[] = []
  const scanned: string[] = []
  for (const word of words) {
    const length = [...word].length
    if (length === 1) {
      scanned.push(word)
    } else if (length === 2) {
      const trigrams = await trigramsStartingWith(tx, word)
      if (!trigrams.length) return { scanned, hopeless: true }
      phrases.push(`(${trigrams.map(quote).join(' OR ')})`)
    } else {
      phrases.push(quote(word))
    }
  }
  return { match: phrases.length ? phrases.join(' AND ') : undefined, scanned, hopeless: false }
}

async function trigramsStartingWith(tx: Tx, prefix: string): Promise<string[]> {
  const query = prepared(tx, 'accounts:trigrams', () =>
    tx
      .select({ term: sql<string>`term` })
      .from(sql`accounts_search_terms`)
      .where(sql`term >= ${sql.placeholder('from')} and term <= ${sql.placeholder('to')}`)
      .prepare(),
  )
  const rows = await query.all({ from: prefix, to: `${prefix}\u{10ffff}` })
  return rows.map((row) => row.term).filter((term) => term.startsWith(prefix))
}

/** What the SQL of a search's conditions depends on; its values go in `searchParams`. */
export function searchShape(search: AccountSearch): string {
  return search.hopeless ? 'none' : `${search.match ? 'match+' : ''}${search.scanned.length}`
}

export function searchParams(search: AccountSearch): Record<string, string> {
  const params: Record<string, string> = search.match ? { match: search.match } : {}
  search.scanned.forEach((word, i) => (params[`like${i}`] = likeContains(word)))
  return params
}

/** The search's WHERE part, shaped so that SQLite's planner takes the given plan. */
export function searchCondition(search: AccountSearch, plan: SearchPlan): SQL | undefined {
  if (search.hopeless) return sql`false`
  const likes = search.scanned.map(
    (_word, i) =>
      sql`${accounts.searchText} LIKE ${sql.placeholder(`like${i}`)} ESCAPE ${LIKE_ESCAPE}`,
  )
  if (!search.match) {
    if (plan === 'in-sort-order' || !likes.length) return and(...likes)
    // Scan the narrow index for the few matches, then fetch them by id.
    return sql`${accounts.id} in (select ${accounts.id} from ${accounts} where ${and(...likes)})`
  }

  // A unary plus hides the id from the planner, which then walks the sort order and probes
  // the matches rather than fetching every match first.
  const id = plan === 'from-matches' ? sql`${accounts.id}` : sql`+${accounts.id}`
  const match = sql.placeholder('match')
  const ids = sql`(select rowid from accounts_search where accounts_search match ${match})`
  return and(sql`${id} in ${ids}`, ...likes)
}

/**
 * Counts matches straight from the index when only indexed words filter: it holds one entry
 * per account, so the table need not be read. Undefined when that does not apply.
 */
export async function countFromIndex(
  tx: Tx,
  search: AccountSearch,
  filtered: boolean,
): Promise<number | undefined> {
  if (filtered || !search.match || search.scanned.length) return undefined
  const query = prepared(tx, 'accounts:index-count', () =>
    tx
      .select({ n: count() })
      .from(sql`accounts_search`)
      .where(sql`accounts_search match ${sql.placeholder('match')}`)
      .prepare(),
  )
  return (await query.get({ match: search.match }))?.n ?? 0
}
