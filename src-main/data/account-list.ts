import { and, asc, count, desc, eq, getTableName, sql, type AnyColumn, type SQL } from 'drizzle-orm'
import type { z } from 'zod'
import {
  accountListSchema,
  type AccountListQuery,
  type AccountRow,
} from '../../src-shared/schemas/accounts'
import type { Page } from '../../src-shared/schemas/common'
import type { Tx } from '../db/store'
import { accounts, contacts } from '../db/schema'
import {
  accountSearch,
  countCondition,
  countFromIndex,
  searchCondition,
  searchParams,
  searchPlan,
  searchShape,
  type AccountSearch,
} from './account-search-index'
import { prepared } from './prepared'
import { searchWords } from './sql'

type ListQuery = z.output<typeof accountListSchema>

const SORT_COLUMNS = {
  username: accounts.username,
  fullName: accounts.fullName,
  type: accounts.type,
  isActive: accounts.isActive,
  dateJoined: accounts.dateJoined,
}

/**
 * A search counts its matches up to this many, then reports the total as a lower bound
 * ("10,000+"). An exact count reads every match: for a one- or two-character word that is
 * most of the table, and costs more than the page. Nobody pages through ten thousand
 * matches; they narrow the search.
 */
export const COUNT_CAP = 10_000

/**
 * A page of accounts and the total. Counting first tells whether the page is empty and which
 * plan finds its rows fastest. Both queries are prepared once per shape (filters present, kind
 * of search, plan, sort) and take the values as placeholders. `countCap` is there for tests.
 */
export async function listAccounts(
  tx: Tx,
  input: AccountListQuery,
  countCap = COUNT_CAP,
): Promise<Page<AccountRow>> {
  const query = accountListSchema.parse(input)
  const search = await accountSearch(tx, searchWords(query.q))
  const params = { ...filterParams(query), ...searchParams(search) }
  const shape = `${filterShape(query)}|${searchShape(search)}`
  const offset = (query.page - 1) * query.pageSize

  // Without search words the count is a plain index count and stays exact. A search counts at
  // least to the end of the requested page, so a page past the cap (from a URL) has its rows.
  const countLimit = search.words.length ? Math.max(countCap, offset + query.pageSize) : undefined
  const { total, exact } = await countAccounts(tx, query, search, shape, params, countLimit)
  const page = { total, totalExact: exact, page: query.page, pageSize: query.pageSize }
  if (offset >= total) return { rows: [], ...page }

  const plan = searchPlan(total, exact)
  const pageQuery = prepared(
    tx,
    `accounts:page|${shape}|${plan}|${query.sort}|${query.dir}`,
    () => {
      const order = query.dir === 'asc' ? asc : desc
      return tx
        .select({ account: accounts, contactCount: contactCount() })
        .from(accounts)
        .where(and(...filterConditions(query), searchCondition(search, plan)))
        .orderBy(order(SORT_COLUMNS[query.sort]), order(accounts.id))
        .limit(sql.placeholder('limit'))
        .offset(sql.placeholder('offset'))
    },
  )
  const rows = await pageQuery.all({ ...params, limit: query.pageSize, offset })
  return { rows: rows.map((row) => toRow(row.account, row.contactCount)), ...page }
}

/**
 * The number of matches, or when there are more than `limit`, `limit` marked inexact. Counting
 * one row past the limit tells the two apart without reading the rest.
 */
async function countAccounts(
  tx: Tx,
  query: ListQuery,
  search: AccountSearch,
  shape: string,
  params: Record<string, unknown>,
  limit: number | undefined,
): Promise<{ total: number; exact: boolean }> {
  if (limit === undefined) return { total: await countAll(tx, query, shape, params), exact: true }
  const filtered = filterConditions(query).length > 0
  const n =
    (await countFromIndex(tx, search, filtered, limit + 1)) ??
    (await countUpTo(tx, query, search, shape, params, limit + 1))
  return n > limit ? { total: limit, exact: false } : { total: n, exact: true }
}

/** Accounts that pass the filters; only used without search words. */
async function countAll(
  tx: Tx,
  query: ListQuery,
  shape: string,
  params: Record<string, unknown>,
): Promise<number> {
  const countQuery = prepared(tx, `accounts:count|${shape}`, () =>
    tx
      .select({ n: count() })
      .from(accounts)
      .where(and(...filterConditions(query))),
  )
  return (await countQuery.get(params))?.n ?? 0
}

/**
 * Matches, counted up to `limit`. The limit sits in a subquery so that SQLite (and PostgreSQL)
 * stop reading rows once it is reached; `count(*)` over the whole table would not.
 */
async function countUpTo(
  tx: Tx,
  query: ListQuery,
  search: AccountSearch,
  shape: string,
  params: Record<string, unknown>,
  limit: number,
): Promise<number> {
  const countQuery = prepared(tx, `accounts:count-up-to|${shape}`, () => {
    const matching = tx
      .select({ one: sql`1`.as('one') })
      .from(accounts)
      .where(and(...filterConditions(query), countCondition(search)))
      .limit(sql.placeholder('limit'))
      .as('matching')
    return tx.select({ n: count() }).from(matching)
  })
  return (await countQuery.get({ ...params, limit }))?.n ?? 0
}

// --- Filters ---------------------------------------------------------------------------------

function filterShape(query: ListQuery): string {
  return `${query.type ? 'type' : ''}+${query.active === undefined ? '' : 'active'}`
}

function filterConditions(query: ListQuery): SQL[] {
  const conditions: SQL[] = []
  if (query.type) conditions.push(eq(accounts.type, sql.placeholder('type')))
  if (query.active !== undefined) conditions.push(eq(accounts.isActive, sql.placeholder('active')))
  return conditions
}

/** Placeholders bypass drizzle's column mapping, so the flag goes in as SQLite stores it. */
function filterParams(query: ListQuery): Record<string, unknown> {
  return { type: query.type, active: query.active === undefined ? undefined : Number(query.active) }
}

// --- Rows ------------------------------------------------------------------------------------

/**
 * Contacts per account, counted in the page query. drizzle leaves columns unqualified in a
 * one-table select, where `id` inside this subquery would mean the contact's own id; the
 * account's id is therefore named with its table.
 */
function contactCount(): SQL<number> {
  return sql<number>`(select count(*) from ${contacts}
    where ${contacts.accountId} = ${qualified(accounts.id)})`.mapWith(Number)
}

function qualified(column: AnyColumn): SQL {
  return sql`${sql.identifier(getTableName(column.table))}.${sql.identifier(column.name)}`
}

function toRow(record: typeof accounts.$inferSelect, contactCount: number): AccountRow {
  const { searchText: _search, ...account } = record
  return { ...account, contactCount }
}
