import { and, count, sql, type SQL } from 'drizzle-orm'
import { LIKE_ESCAPE, likeContains } from '../core/escape'
import { isPostgres, type Tx } from '../db/store'
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

/** At or below this many matches, the page is taken from the matching rows (`from-matches`). */
export const FEW_MATCHES = 2000

/**
 * How the page's rows are found; every plan returns the same rows, only the cost differs.
 *
 * - `from-matches`: few matches. They are fetched through the index and sorted.
 * - `in-sort-order`: many matches. The sort order's index is walked until the page is full,
 *   keeping the rows that are among the index's matches. SQLite first gathers those matches
 *   into a set, which costs in proportion to their number.
 * - `dense`: so many matches that counting stopped at the cap. The sort order is walked too,
 *   but each row's text is tested with LIKE, so no set of every match is built: with matches
 *   this common, the page fills after a short walk.
 */
export type SearchPlan = 'from-matches' | 'in-sort-order' | 'dense'

export interface AccountSearch {
  /** Every word, single characters first; each must appear in the search text. */
  words: string[]
  /** How many of `words`, from the start, the index cannot look up: the single characters. */
  scanned: number
  /** FTS5 query for the other words, all required. */
  match?: string
  /** A two-character word that no account holds: nothing can match. */
  hopeless: boolean
}

/** An FTS5 string: quoted, with quotes doubled, so nothing in it is query syntax. */
const quote = (text: string) => `"${text.replaceAll('"', '""')}"`

const isSingle = (word: string) => [...word].length === 1

export async function accountSearch(tx: Tx, words: string[]): Promise<AccountSearch> {
  // PostgreSQL answers LIKE '%word%' from its trigram index (pg_trgm, migration 0002), so
  // every word is a plain LIKE there and its planner picks the order of work.
  if (isPostgres(tx)) return { words, scanned: words.length, hopeless: false }
  const scanned = words.filter(isSingle)
  const indexed = words.filter((word) => !isSingle(word))
  const search = { words: [...scanned, ...indexed], scanned: scanned.length, hopeless: false }
  const phrases: string[] = []
  for (const word of indexed) {
    if ([...word].length > 2) {
      phrases.push(quote(word))
      continue
    }
    const trigrams = await trigramsStartingWith(tx, word)
    if (!trigrams.length) return { ...search, hopeless: true }
    phrases.push(`(${trigrams.map(quote).join(' OR ')})`)
  }
  return { ...search, match: phrases.length ? phrases.join(' AND ') : undefined }
}

async function trigramsStartingWith(tx: Tx, prefix: string): Promise<string[]> {
  const query = prepared(tx, 'accounts:trigrams', () =>
    tx
      .select({ term: sql<string>`term` })
      .from(sql`accounts_search_terms`)
      .where(sql`term >= ${sql.placeholder('from')} and term <= ${sql.placeholder('to')}`),
  )
  const rows = await query.all({ from: prefix, to: `${prefix}\u{10ffff}` })
  return rows.map((row) => row.term).filter((term) => term.startsWith(prefix))
}

/**
 * The plan for a page, from the count: `total` matches, or more than that when the count
 * stopped at its cap (`exact` false).
 */
export function searchPlan(total: number, exact: boolean): SearchPlan {
  if (!exact) return 'dense'
  return total <= FEW_MATCHES ? 'from-matches' : 'in-sort-order'
}

/** What the SQL of a search's conditions depends on; its values go in `searchParams`. */
export function searchShape(search: AccountSearch): string {
  return search.hopeless ? 'none' : `${search.scanned}+${search.words.length - search.scanned}`
}

/** `like0`, `like1`… for every word, in the order of `words`; `match` for the index. */
export function searchParams(search: AccountSearch): Record<string, string> {
  const params: Record<string, string> = search.match ? { match: search.match } : {}
  search.words.forEach((word, i) => (params[`like${i}`] = likeContains(word)))
  return params
}

/** The search's WHERE part, shaped so that SQLite's planner takes the given plan. */
export function searchCondition(search: AccountSearch, plan: SearchPlan): SQL | undefined {
  if (search.hopeless) return sql`false`
  const like = (i: number) =>
    sql`${accounts.searchText} LIKE ${sql.placeholder(`like${i}`)} ESCAPE ${LIKE_ESCAPE}`
  // Every word tested on the row itself: nothing for the planner to fetch from the index.
  if (plan === 'dense') return and(...search.words.map((_word, i) => like(i)))

  const likes = Array.from({ length: search.scanned }, (_none, i) => like(i))
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
 * The search's WHERE part for counting, where order does not matter: the index's matches, or
 * without indexed words, LIKE over the narrow search-text index (which a count can read alone).
 */
export function countCondition(search: AccountSearch): SQL | undefined {
  return searchCondition(search, search.match ? 'from-matches' : 'in-sort-order')
}

/**
 * Counts matches straight from the index, stopping at `limit`, when only indexed words filter:
 * it holds one entry per account, so the table need not be read. Undefined when that does not
 * apply.
 */
export async function countFromIndex(
  tx: Tx,
  search: AccountSearch,
  filtered: boolean,
  limit: number,
): Promise<number | undefined> {
  if (filtered || !search.match || search.scanned) return undefined
  const query = prepared(tx, 'accounts:index-count', () => {
    const matches = tx
      .select({ one: sql`1`.as('one') })
      .from(sql`accounts_search`)
      .where(sql`accounts_search match ${sql.placeholder('match')}`)
      .limit(sql.placeholder('limit'))
      .as('matches')
    return tx.select({ n: count() }).from(matches)
  })
  return (await query.get({ match: search.match, limit }))?.n ?? 0
}
