import { sql } from 'drizzle-orm'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { ChangeEvent } from '../../../src-main/data/context'
import { accountInput, makeCore, type TestCore } from '../../support/core'

let core: TestCore

beforeEach(async () => {
  core = await makeCore()
})
afterEach(() => core.dispose())

describe('history', () => {
  it('cannot be edited or deleted, even with direct SQL', async () => {
    await core.dispatcher.dispatch('accounts:create', accountInput())
    const entries = sql.identifier('history_entries')
    await expect(
      core.store.execute(sql`update ${entries} set actor = ${'someone else'}`),
    ).rejects.toThrow(/append-only/)
    await expect(core.store.execute(sql`delete from ${entries}`)).rejects.toThrow(/append-only/)
    const [row] = await core.store.execute<{ n: number }>(
      sql`select count(*) as n from ${entries} where actor = ${'tester@ws1'}`,
    )
    expect(Number(row!.n)).toBeGreaterThan(0)
  })

  it('pushes a change event only after the unit of work commits', async () => {
    const seen: string[] = []
    core.events.subscribe((event, payload) => {
      if (event === 'data:changed') seen.push(`${event}:${(payload as ChangeEvent).objectType}`)
    })

    await core.dispatcher.dispatch('accounts:create', accountInput()).catch(() => undefined)
    await core.dispatcher.dispatch('accounts:create', accountInput()).catch(() => undefined)
    expect(seen).toEqual([
      'data:changed:account',
      'data:changed:contact',
      'data:changed:systemUser',
      'data:changed:systemUser',
    ])
  })

  it('filters by action and searches the object text', async () => {
    const { account } = await core.dispatcher.dispatch('accounts:create', accountInput())
    await core.dispatcher.dispatch('accounts:setActive', { ids: [account.id], active: false })
    const disabled = await core.dispatcher.dispatch('history:list', { action: 'disabled' })
    expect(disabled.rows.map((h) => h.objectRepr)).toEqual(['ana'])
    // The account's entries name "ana", the contact's "Ana": the search ignores case. The
    // system users ana and ana-cgi each have two: added, then saved again on the disabling.
    const searched = await core.dispatcher.dispatch('history:list', { q: 'ana' })
    expect(searched.total).toBe(7)
    const shouted = await core.dispatcher.dispatch('history:list', { q: 'ANA' })
    expect(shouted.total).toBe(7)
  })
})

describe('search:global', () => {
  it('opens an account by exact username with a trailing "!"', async () => {
    await core.dispatcher.dispatch('accounts:create', accountInput())
    await core.dispatcher.dispatch('accounts:create', {
      ...accountInput({ username: 'anabel', fullName: 'Anabel Costa' }),
    })
    const hits = await core.dispatcher.dispatch('search:global', { q: 'ana!' })
    expect(hits.map((h) => h.title)).toEqual(['ana'])
    const all = await core.dispatcher.dispatch('search:global', { q: 'ana' })
    const people = all.filter((h) => h.objectType === 'account' || h.objectType === 'contact')
    expect(people.map((h) => `${h.objectType}:${h.title}`)).toEqual([
      'account:ana',
      'account:anabel',
      'contact:Ana',
      'contact:Ana',
    ])
  })
})
