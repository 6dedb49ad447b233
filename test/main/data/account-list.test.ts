import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { FEW_MATCHES } from '../../../src-main/data/account-search-index'
import { bulkLoad } from '../../../src-main/dev/generator'
import { accountInput, caller, makeCore, type TestCore } from '../../support/core'

/**
 * Account search goes through a trigram index for long words and LIKE for short ones, with two
 * query plans; each case is checked against the plain rule it must keep: every word appears in
 * the stored search text.
 */

let core: TestCore
const call = caller(() => core)

interface Stored {
  id: number
  username: string
  text: string
}

/** The accounts that match `q` by the plain rule, in username order. */
function expected(q: string): Stored[] {
  const words = q.toLowerCase().split(/\s+/).filter(Boolean)
  const all = core.store.sqlite
    .prepare('select id, username, search_text as text from accounts order by username, id')
    .all() as Stored[]
  return all.filter((account) => words.every((word) => account.text.includes(word)))
}

async function expectSameAsPlainRule(q: string) {
  const want = expected(q)
  const page = await call('accounts:list', { q, page: 1, pageSize: 25 })
  expect(page.total, `total for "${q}"`).toBe(want.length)
  expect(page.rows.map((row) => row.username)).toEqual(want.slice(0, 25).map((a) => a.username))
}

beforeAll(async () => {
  core = makeCore()
  // Enough accounts that a short word matches more than FEW_MATCHES, taking the other plan.
  bulkLoad(core.store, FEW_MATCHES + 500, 7)
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
    const counts = core.store.sqlite
      .prepare('select account_id as id, count(*) as n from contacts group by account_id')
      .all() as { id: number; n: number }[]
    const byId = new Map(counts.map((c) => [c.id, c.n]))
    expect(page.rows.length).toBeGreaterThan(20)
    for (const row of page.rows) expect(row.contactCount).toBe(byId.get(row.id))
  })

  it('combines search with filters and pages past the end', async () => {
    const companies = await call('accounts:list', { q: 'puig', type: 'INDIVIDUAL', pageSize: 200 })
    const want = expected('puig').length
    expect(companies.total).toBeGreaterThan(0)
    expect(companies.total).toBeLessThan(want)
    expect(companies.rows.every((row) => row.type === 'INDIVIDUAL')).toBe(true)

    const beyond = await call('accounts:list', { q: 'puig', page: 1000 })
    expect(beyond).toMatchObject({ rows: [], total: want, page: 1000 })
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
