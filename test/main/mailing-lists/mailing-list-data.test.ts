import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { AppError } from '../../../src-shared/errors'
import { accountInput, caller, makeCore, type TestCore } from '../../support/core'
import { canaries } from '../../support/hostile'

let core: TestCore
let joe: number
let exampleOrg: number
const call = caller(() => core)

beforeEach(async () => {
  core = await makeCore()
  joe = (await call('accounts:create', accountInput({ username: 'joe' }))).account.id
  const [domain] = await call('domains:create', { name: 'example.org', accountId: joe })
  exampleOrg = domain!.domain.id
})
afterEach(() => core.dispose())

/** The field issues a call was refused with. */
async function refusal(promise: Promise<unknown>) {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  )
  expect(error).toBeInstanceOf(AppError)
  return (error as AppError).issues?.map(({ field, rule }) => ({ field, rule })) ?? []
}

const newList = (fields: Record<string, unknown> = {}) =>
  call('mailingLists:create', {
    accountId: joe,
    name: 'joe-news',
    adminEmail: 'joe@example.net',
    ...fields,
  })

describe('mailing list rules (spec 7.1)', () => {
  it('refuses an address name without a domain and accepts a domain alone (14.56)', async () => {
    expect(await refusal(newList({ addressName: 'news' }))).toEqual([
      { field: 'addressDomainId', rule: 'required' },
    ])
    const list = await newList({ addressDomainId: exampleOrg })
    expect(list.customAddress).toBe('joe-news@example.org')
    expect(list.address).toBe('joe-news@lists.orchestra.lan')
  })

  it('keeps list names unique and custom addresses unique per domain', async () => {
    await newList({ addressName: 'news', addressDomainId: exampleOrg })
    expect(await refusal(newList())).toEqual([{ field: 'name', rule: 'unique' }])
    const clash = newList({ name: 'other', addressName: 'news', addressDomainId: exampleOrg })
    expect(await refusal(clash)).toEqual([{ field: 'addressName', rule: 'unique' }])
    // A domain alone answers under the list's name, which may clash too.
    await newList({ name: 'info', addressDomainId: exampleOrg })
    const named = newList({ name: 'x', addressName: 'info', addressDomainId: exampleOrg })
    expect(await refusal(named)).toEqual([{ field: 'addressName', rule: 'unique' }])
  })

  it('refuses a custom address that is a mail address or a domain of another account', async () => {
    await call('mailAddresses:create', {
      name: 'news-request',
      domainId: exampleOrg,
      forward: 'x@ext.com',
    })
    const taken = newList({ addressName: 'news', addressDomainId: exampleOrg })
    expect(await refusal(taken)).toEqual([{ field: 'addressName', rule: 'mail_address' }])
    const ann = (await call('accounts:create', accountInput({ username: 'ann' }))).account.id
    const [annDomain] = await call('domains:create', { name: 'ann.org', accountId: ann })
    const foreign = newList({ addressDomainId: annDomain!.domain.id })
    expect(await refusal(foreign)).toEqual([{ field: 'addressDomainId', rule: 'account' }])
  })

  it('refuses hostile names, address names and owners', async () => {
    const names = ['..', '.news', '-rf', 'a..b', 'News', 'a b', 'a#b', "a'b", 'a\nb', 'a\r\nb']
    for (const name of [...names, ...canaries('/tmp/list-')]) {
      const issues = await refusal(newList({ name }))
      expect(issues[0]?.field, JSON.stringify(name)).toBe('name')
      const address = await refusal(newList({ addressName: name, addressDomainId: exampleOrg }))
      expect(address[0]?.field, JSON.stringify(name)).toBe('addressName')
    }
    for (const adminEmail of ["a'b@example.org", 'a b@example.org', 'a$(id)@x.org', 'a@x.org\n']) {
      const issues = await refusal(newList({ adminEmail: adminEmail.replace('\n', '\nb') }))
      expect(issues[0]?.field, JSON.stringify(adminEmail)).toBe('adminEmail')
    }
  })

  it('refuses a name ending in a Mailman suffix, which would shadow another list', async () => {
    expect(await refusal(newList({ name: 'news-request' }))).toEqual([
      { field: 'name', rule: 'mailman_suffix' },
    ])
  })
})

describe('mailing list changes', () => {
  it('records each change in history and refuses an edit from an old version', async () => {
    const list = await newList()
    const changed = await call('mailingLists:update', {
      id: list.id,
      version: list.version,
      addressName: 'news',
      addressDomainId: exampleOrg,
      adminEmail: 'owner@example.org',
    })
    expect(changed.customAddress).toBe('news@example.org')
    const stale = call('mailingLists:update', { id: list.id, version: list.version })
    await expect(stale).rejects.toMatchObject({ code: 'CONFLICT' })
    const history = await call('history:list', { objectType: 'mailingList', objectId: list.id })
    const fields = history.rows.flatMap((entry) => entry.changes.map((change) => change.field))
    expect(fields).toEqual(expect.arrayContaining(['addressName', 'adminEmail']))
  })

  it('clears the custom address, name included, when its domain is deleted', async () => {
    const list = await newList({ addressName: 'news', addressDomainId: exampleOrg })
    await call('domains:delete', { id: exampleOrg })
    const after = await call('mailingLists:get', { id: list.id })
    expect(after).toMatchObject({ addressName: '', addressDomainId: null, customAddress: null })
    const history = await call('history:list', { objectType: 'mailingList', objectId: list.id })
    expect(history.rows.some((entry) => entry.message === 'Domain example.org deleted')).toBe(true)
  })

  it('enables what it disabled, and follows its account', async () => {
    const list = await newList()
    expect(await call('mailingLists:setActive', { ids: [list.id], active: false })).toEqual({
      changed: 1,
    })
    expect((await call('mailingLists:get', { id: list.id })).isActive).toBe(false)
    await call('mailingLists:setActive', { ids: [list.id], active: true })
    expect((await call('mailingLists:get', { id: list.id })).isActive).toBe(true)
    await call('accounts:setActive', { ids: [joe], active: false })
    const row = await call('mailingLists:get', { id: list.id })
    expect(row).toMatchObject({ isActive: true, effectiveActive: false })
  })

  it('lists and searches lists, and deletes them with their account', async () => {
    await newList({ addressName: 'news', addressDomainId: exampleOrg })
    await newList({ name: 'staff', addressName: 'team', addressDomainId: exampleOrg })
    const found = await call('mailingLists:list', { q: 'news@example' })
    expect(found.rows.map((row) => row.name)).toEqual(['joe-news'])
    expect((await call('mailingLists:list', { accountId: joe })).total).toBe(2)
    // The palette finds a list by its name and by its custom address's name.
    const hits = await call('search:global', { q: 'team', limit: 10 })
    expect(hits.filter((hit) => hit.objectType === 'mailingList').map((hit) => hit.title)).toEqual([
      'staff',
    ])
    const account = await call('accounts:get', { id: joe })
    expect(account.services.filter((s) => s.kind === 'mailingList')).toHaveLength(2)
    await call('accounts:delete', { id: joe })
    expect((await call('mailingLists:list', {})).total).toBe(0)
  })
})
