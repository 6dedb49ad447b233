import type Database from 'better-sqlite3'
import { likeContains } from '../src-main/core/escape'
import { FEW_MATCHES } from '../src-main/data/account-search-index'
import { searchWords } from '../src-main/data/sql'

export interface FloorPage {
  rows: { id: number; contact_count: number }[]
  total: number
}

const MATCH_IDS = 'select rowid from accounts_search where accounts_search match ?'
const CONTACT_COUNT = '(select count(*) from contacts c where c.account_id = a.id) as contact_count'
const LIKE = `a.search_text like ? escape '\\'`
const quote = (text: string) => `"${text.replaceAll('"', '""')}"`

/**
 * The floor: page one of accounts by username and its count, as hand-written prepared
 * better-sqlite3 statements taking the same plan as `listAccounts` (the trigram index for words
 * of two characters or more, LIKE for single characters, the same choice between fetching the
 * matches and walking the sort order) but with no validation, ORM, unit of work or mapping.
 * What is left between it and ours is our own overhead.
 */
export class AccountFloor {
  private readonly statements = new Map<string, Database.Statement>()

  constructor(private readonly sqlite: Database.Database) {}

  firstPage(q: string, pageSize: number): FloorPage {
    const words = searchWords(q)
    const singles = words.filter((word) => [...word].length === 1)
    const phrases = words.filter((word) => [...word].length > 1).map((word) => this.phrase(word))
    if (phrases.includes(undefined)) return { rows: [], total: 0 }
    const match = phrases.length ? phrases.join(' AND ') : undefined
    const params = [...(match ? [match] : []), ...singles.map(likeContains)]

    const count = this.count(!!match, singles.length).get(...params) as { total: number }
    if (count.total === 0) return { rows: [], total: 0 }
    const page = this.page(!!match, singles.length, count.total <= FEW_MATCHES)
    return { rows: page.all(...params, pageSize) as FloorPage['rows'], total: count.total }
  }

  /** A word as FTS5 syntax; a two-letter word becomes the indexed trigrams it begins. */
  private phrase(word: string): string | undefined {
    if ([...word].length > 2) return quote(word)
    const terms = this.prepare('terms', 'select term from accounts_search_terms where term >= ?')
    const trigrams: string[] = []
    for (const { term } of terms.iterate(word) as Iterable<{ term: string }>) {
      if (!term.startsWith(word)) break
      trigrams.push(quote(term))
    }
    return trigrams.length ? `(${trigrams.join(' OR ')})` : undefined
  }

  private count(matched: boolean, singles: number): Database.Statement {
    if (matched && !singles) {
      return this.prepare(
        'count',
        'select count(*) as total from accounts_search where accounts_search match ?',
      )
    }
    const where = [...(matched ? [`a.id in (${MATCH_IDS})`] : []), ...likes(singles)]
    return this.prepare(
      `count ${matched} ${singles}`,
      `select count(*) as total
      from accounts a ${whereClause(where)}`,
    )
  }

  private page(matched: boolean, singles: number, fetchMatches: boolean): Database.Statement {
    const where = matched
      ? [`${fetchMatches ? '' : '+'}a.id in (${MATCH_IDS})`, ...likes(singles)]
      : fetchMatches && singles
        ? [`a.id in (select id from accounts a where ${likes(singles).join(' and ')})`]
        : likes(singles)
    return this.prepare(
      `page ${matched} ${singles} ${fetchMatches}`,
      `select a.*, ${CONTACT_COUNT}
      from accounts a ${whereClause(where)} order by a.username, a.id limit ?`,
    )
  }

  private prepare(key: string, text: string): Database.Statement {
    let statement = this.statements.get(key)
    if (!statement) {
      statement = this.sqlite.prepare(text)
      this.statements.set(key, statement)
    }
    return statement
  }
}

const likes = (count: number) => Array.from({ length: count }, () => LIKE)

function whereClause(conditions: string[]): string {
  return conditions.length ? `where ${conditions.join(' and ')}` : ''
}
