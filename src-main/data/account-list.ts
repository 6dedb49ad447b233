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
  countFromIndex,
  FEW_MATCHES,
  searchCondition,
  searchParams,
  searchShape,
  type AccountSearch,
  type SearchPlan,
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
 * A page of accounts and the total. Counting first tells whether the page is empty and which
 * plan finds its rows fastest. Both queries are prepared once per shape (filters present, kind
 * of search, plan, sort) and take the values as placeholders.
 */
export async function listAccounts(tx: Tx, input: AccountListQuery): Promise<Page<AccountRow>> {
  const query = accountListSchema.parse(input)
  const search = await accountSearch(tx, searchWords(query.q))
  const params = { ...filterParams(query), ...searchParams(search) }
  const shape = `${filterShape(query)}|${searchShape(search)}`

  const total = await countAccounts(tx, query, search, shape, params)
  const offset = (query.page - 1) * query.pageSize
  const page = { total, page: query.page, pageSize: query.pageSize }
  if (offset >= total) return { rows: [], ...page }

  const plan: SearchPlan = total <= FEW_MATCHES ? 'from-matches' : 'in-sort-order'
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
        .prepare()
    },
  )
  const rows = await pageQuery.all({ ...params, limit: query.pageSize, offset })
  return { rows: rows.map((row) => toRow(row.account, row.contactCount)), ...page }
}

async function countAccounts(
  tx: Tx,
  query: ListQuery,
  search: AccountSearch,
  shape: string,
  params: Record<string, unknown>,
): Promise<number> {
  const fromIndex = await countFromIndex(tx, search, filterConditions(query).length > 0)
  if (fromIndex !== undefined) return fromIndex

  const countQuery = prepared(tx, `accounts:count|${shape}`, () => {
    const plan = search.match ? 'from-matches' : 'in-sort-order'
    return tx
      .select({ n: count() })
      .from(accounts)
      .where(and(...filterConditions(query), searchCondition(search, plan)))
      .prepare()
  })
  return (await countQuery.get(params))?.n ?? 0
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
