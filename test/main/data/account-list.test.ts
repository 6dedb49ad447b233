import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { AccountListQuery } from '../../../src-shared/schemas/accounts'
import { listAccounts } from '../../../src-main/data/account-list'
import { FEW_MATCHES } from '../../../src-main/data/account-search-index'
import type { SqliteStore } from '../../../src-main/db/sqlite-store'
import { bulkInsert, bulkLoad } from '../../../src-main/dev/generator'
import { accountInput, caller, makeCore, type TestCore } from '../../support/core'
import { TEST_DIALECT } from '../../support/databases'

/**
 * Account search goes through a trigram index for long words and LIKE for short ones, with
 * three query plans and a count that stops at a cap; each case is checked against the plain
 * rule it must keep: every word appears in the stored search text.
 */

// Both dialects: SQLite through its trigram index and LIKE plans, PostgreSQL through pg_trgm.

let core: TestCore
const call = caller(() => core)

interface Stored {
  id: number
  username: string
  type: string
  text: string
}

/** The accounts that match `q` by the plain rule, in username order. */
async function expected(q: string): Promise<Stored[]> {
  const words = q.toLowerCase().split(/\s+/).filter(Boolean)
  const all = await core.store.execute<Stored>(
    sql`select id, username, type, search_text as text from accounts order by username, id`,
  )
  return all.filter((account) => words.every((word) => account.text.includes(word)))
}

const usernames = (rows: { username: string }[]) => rows.map((row) => row.username)

async function expectSameAsPlainRule(q: string) {
  const want = await expected(q)
  const page = await call('accounts:list', { q, page: 1, pageSize: 25 })
  expect(page.total, `total for "${q}"`).toBe(want.length)
  expect(page.totalExact).toBe(true)
  expect(usernames(page.rows)).toEqual(usernames(want.slice(0, 25)))
}

beforeAll(async () => {
  core = await makeCore()
  // Enough accounts that a short word matches more than FEW_MATCHES, taking the other plan.
  if (TEST_DIALECT === 'sqlite') bulkLoad(core.store as SqliteStore, FEW_MATCHES + 500, 7)
  else await bulkInsert(core.store, FEW_MATCHES + 500, 7)
  const odd = [
    ['pct', '50% Off_Shop'],
    ['quote', 'Say "Hi" Ltd'],
    ['slash', 'Back\\Slash Coop'],
  ]
  for (const [username, fullName] of odd) {
    await call('accounts:create', accountInput({ username, fullName, email: `${username}@ex.net` }))
  }
})
afterAll(() => core.dispose())

describe('accounts:list search', () => {
  it.each([
    ['a word of three or more characters', 'puig'],
    ['a rare fragment', 'casals12'],
    ['a non-ASCII name', 'łukasz'],
    ['one character', 'a'],
    ['two characters', 'ri'],
    ['two characters that match little', 'zq'],
    ['several long words', 'ana puig'],
    ['long and short words together', 'ri puig'],
    ['nothing', 'xylophone'],
  ])('finds what the plain rule finds for %s', async (_case, q) => {
    await expectSameAsPlainRule(q)
  })

  it('finds two characters that only end the search text', async () => {
    const contacts = [{ shortName: 'Jx', email: 'end@ex.net' }]
    await call('accounts:create', { ...accountInput({ username: 'endcase' }), contacts })
    const page = await call('accounts:list', { q: 'jx' })
    expect(page.rows.map((row) => row.username)).toEqual(['endcase'])
  })

  it('takes LIKE wildcards, quotes and backslashes literally', async () => {
    for (const q of ['50%', '0%', 'f_s', 'off_', '"hi"', 'say "', 'k\\s', '%', '_']) {
      await expectSameAsPlainRule(q)
    }
    expect((await call('accounts:list', { q: '50%' })).rows.map((r) => r.username)).toEqual(['pct'])
  })

  it('counts each account its own contacts', async () => {
    const page = await call('accounts:list', { q: 'casals', pageSize: 200 })
    const counts = await core.store.execute<{ id: number; n: number }>(
      sql`select account_id as id, count(*) as n from contacts group by account_id`,
    )
    // PostgreSQL's count(*) is a bigint, which its driver hands over as text.
    const byId = new Map(counts.map((c) => [c.id, Number(c.n)]))
    expect(page.rows.length).toBeGreaterThan(20)
    for (const row of page.rows) expect(row.contactCount).toBe(byId.get(row.id))
  })

  it('combines search with filters and pages past the end', async () => {
    const companies = await call('accounts:list', { q: 'puig', type: 'INDIVIDUAL', pageSize: 200 })
    const want = (await expected('puig')).length
    expect(companies.total).toBeGreaterThan(0)
    expect(companies.total).toBeLessThan(want)
    expect(companies.rows.every((row) => row.type === 'INDIVIDUAL')).toBe(true)

    const beyond = await call('accounts:list', { q: 'puig', page: 1000 })
    expect(beyond).toMatchObject({ rows: [], total: want, page: 1000 })
  })
})

describe('accounts:list count cap', () => {
  // Low enough that words common in 2,500 accounts pass it and take the dense plan.
  const CAP = 100

  const capped = (request: AccountListQuery) =>
    core.store.read((tx) => listAccounts(tx, request, CAP))

  it('applies to words common enough for the rule below', async () => {
    for (const q of ['a', 'ri', 'ri a']) expect((await expected(q)).length).toBeGreaterThan(CAP)
    expect((await expected('puig casals')).length).toBeLessThanOrEqual(CAP)
  })

  it.each(['a', 'ri', 'puig', 'ri a', 'ana puig', 'puig casals', 'zq', 'xylophone'])(
    'counts "%s" up to the cap and still finds what the plain rule finds',
    async (q) => {
      const want = await expected(q)
      const page = await capped({ q, pageSize: 25 })
      if (want.length > CAP) expect(page).toMatchObject({ total: CAP, totalExact: false })
      else expect(page).toMatchObject({ total: want.length, totalExact: true })
      expect(usernames(page.rows)).toEqual(usernames(want.slice(0, 25)))
    },
  )

  it('counts past the cap to fill a page that lies beyond it', async () => {
    const want = await expected('a')
    // Rows 126-150: the count goes on to row 150 and finds more after it.
    const page = await capped({ q: 'a', page: 6, pageSize: 25 })
    expect(page).toMatchObject({ total: 150, totalExact: false })
    expect(usernames(page.rows)).toEqual(usernames(want.slice(125, 150)))

    const beyond = await capped({ q: 'a', page: 1000, pageSize: 25 })
    expect(beyond).toMatchObject({ rows: [], total: want.length, totalExact: true })
  })

  it('gives the same rows in every sort order and with filters', async () => {
    const sorts = [
      { sort: 'fullName', dir: 'desc' },
      { sort: 'dateJoined', dir: 'asc' },
      { sort: 'type', dir: 'asc' },
    ] as const
    for (const order of sorts) {
      for (const page of [1, 3]) {
        const request = { q: 'ri', page, pageSize: 25, ...order }
        const exact = await call('accounts:list', request)
        const dense = await capped(request)
        expect(dense.totalExact).toBe(false)
        expect(usernames(dense.rows), `${order.sort} page ${page}`).toEqual(usernames(exact.rows))
      }
    }

    const want = (await expected('ri')).filter((account) => account.type === 'COMPANY')
    expect(want.length).toBeGreaterThan(CAP)
    const companies = await capped({ q: 'ri', type: 'COMPANY', pageSize: 25 })
    expect(companies).toMatchObject({ total: CAP, totalExact: false })
    expect(usernames(companies.rows)).toEqual(usernames(want.slice(0, 25)))
  })

  it('leaves the list without a search counted exactly', async () => {
    const [all] = await core.store.execute<{ n: number }>(sql`select count(*) as n from accounts`)
    const total = Number(all!.n)
    expect(await capped({ pageSize: 25 })).toMatchObject({ total, totalExact: true })
  })
})

describe('accounts:list search index', () => {
  it('follows edits, new contacts and deletions', async () => {
    const { account } = await call('accounts:create', accountInput({ username: 'edith' }))
    const found = async (q: string) =>
      (await call('accounts:list', { q })).rows.some((row) => row.id === account.id)
    expect(await found('edith')).toBe(true)

    const { id, version, shortName, email, type, language, comments, isSuperuser } = account
    const edit = { id, version, shortName, email, type, language, comments, isSuperuser }
    await call('accounts:update', { ...edit, fullName: 'Edith Wharton Quarterly' })
    expect(await found('wharton')).toBe(true)
    expect(await found('ana puig')).toBe(false)

    const contact = { accountId: account.id, shortName: 'Zelda', email: 'zelda@ex.net' }
    await call('contacts:create', contact)
    expect(await found('zelda')).toBe(true)

    await call('accounts:delete', { id: account.id })
    expect(await found('wharton')).toBe(false)
  })
})
