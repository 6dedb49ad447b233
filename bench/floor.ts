import type Database from 'better-sqlite3'
import { likeContains } from '../src-main/core/escape'
import { COUNT_CAP } from '../src-main/data/account-list'
import { searchPlan, type SearchPlan } from '../src-main/data/account-search-index'
import { searchWords } from '../src-main/data/sql'

export interface FloorPage {
  rows: { id: number; contact_count: number }[]
  total: number
  totalExact: boolean
}

const MATCH_IDS = 'select rowid from accounts_search where accounts_search match ?'
const CONTACT_COUNT = '(select count(*) from contacts c where c.account_id = a.id) as contact_count'
const LIKE = `a.search_text like ? escape '\\'`
const quote = (text: string) => `"${text.replaceAll('"', '""')}"`
const isSingle = (word: string) => [...word].length === 1

/**
 * The floor: page one of accounts by username and its count, as hand-written prepared
 * better-sqlite3 statements doing the same work as `listAccounts` (a search counts up to
 * COUNT_CAP matches and then reports a lower bound; the trigram index for words of two
 * characters or more, LIKE for single characters; the same choice of plan from the count) but
 * with no validation, ORM, unit of work or mapping. What is left between it and ours is our
 * own overhead.
 */
export class AccountFloor {
  private readonly statements = new Map<string, Database.Statement>()

  constructor(private readonly sqlite: Database.Database) {}

  firstPage(q: string, pageSize: number): FloorPage {
    const words = searchWords(q)
    const singles = words.filter(isSingle)
    const longer = words.filter((word) => !isSingle(word))
    const phrases = longer.map((word) => this.phrase(word))
    if (phrases.includes(undefined)) return { rows: [], total: 0, totalExact: true }
    const match = phrases.length ? phrases.join(' AND ') : undefined
    const params = [...(match ? [match] : []), ...singles.map(likeContains)]

    // One past the cap tells whether there are more; without search words, count them all.
    const limit = words.length ? Math.max(COUNT_CAP, pageSize) : undefined
    const count =
      limit === undefined
        ? (this.prepare('count all', 'select count(*) as total from accounts').get() as Counted)
        : (this.count(!!match, singles.length).get(...params, limit + 1) as Counted)
    const totalExact = limit === undefined || count.total <= limit
    const total = totalExact ? count.total : limit
    if (total === 0) return { rows: [], total, totalExact }

    const plan = searchPlan(total, totalExact)
    // The dense plan tests every word with LIKE, single characters first as ours does.
    const pageParams = plan === 'dense' ? [...singles, ...longer].map(likeContains) : params
    const page = this.page(!!match, singles.length, longer.length, plan)
    return { rows: page.all(...pageParams, pageSize) as FloorPage['rows'], total, totalExact }
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

  /** Matches, counted up to the limit given as the last parameter. */
  private count(matched: boolean, singles: number): Database.Statement {
    if (matched && !singles) {
      return this.prepare(
        'count',
        `select count(*) as total
        from (select 1 from accounts_search where accounts_search match ? limit ?)`,
      )
    }
    const where = [...(matched ? [`a.id in (${MATCH_IDS})`] : []), ...likes(singles)]
    return this.prepare(
      `count ${matched} ${singles}`,
      `select count(*) as total
      from (select 1 from accounts a ${whereClause(where)} limit ?)`,
    )
  }

  private page(
    matched: boolean,
    singles: number,
    longer: number,
    plan: SearchPlan,
  ): Database.Statement {
    const where = whereClause(pageConditions(matched, singles, longer, plan))
    return this.prepare(
      `page ${matched} ${singles} ${longer} ${plan}`,
      `select a.*, ${CONTACT_COUNT}
      from accounts a ${where} order by a.username, a.id limit ?`,
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

interface Counted {
  total: number
}

/** The page's conditions for each plan, shaped as `searchCondition` shapes ours. */
function pageConditions(
  matched: boolean,
  singles: number,
  longer: number,
  plan: SearchPlan,
): string[] {
  if (plan === 'dense') return likes(singles + longer)
  const fetchMatches = plan === 'from-matches'
  if (matched) return [`${fetchMatches ? '' : '+'}a.id in (${MATCH_IDS})`, ...likes(singles)]
  if (fetchMatches && singles) {
    return [`a.id in (select id from accounts a where ${likes(singles).join(' and ')})`]
  }
  return likes(singles)
}

const likes = (count: number) => Array.from({ length: count }, () => LIKE)

function whereClause(conditions: string[]): string {
  return conditions.length ? `where ${conditions.join(' and ')}` : ''
}
