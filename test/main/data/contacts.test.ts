import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { AppError } from '../../../src-shared/errors'
import { accountInput, caller, makeCore, type TestCore } from '../../support/core'

let core: TestCore
const call = caller(() => core)

beforeEach(async () => {
  core = await makeCore()
})
afterEach(() => core.dispose())

async function seed() {
  const ana = await call('accounts:create', accountInput())
  const bob = await call('accounts:create', {
    ...accountInput({ username: 'bob', fullName: 'Bob Ferrer', email: 'bob@example.org' }),
    contacts: [
      { shortName: 'Bob', email: 'bob@example.org', emailUsage: ['TECH'] },
      { shortName: 'Clara', fullName: 'Clara Vidal', email: 'c@example.org', emailUsage: ['ADDS'] },
    ],
  })
  return { ana, bob }
}

describe('contacts:list', () => {
  it('filters contacts having any of the given usages', async () => {
    await seed()
    const page = await call('contacts:list', { usages: ['TECH', 'ADDS'], sort: 'shortName' })
    // Ana has all six usages by default; Bob has TECH; Clara has ADDS.
    expect(page.rows.map((c) => c.shortName)).toEqual(['Ana', 'Bob', 'Clara'])
    const billing = await call('contacts:list', { usages: ['BILLING'] })
    expect(billing.rows.map((c) => c.shortName)).toEqual(['Ana'])
  })

  it('does not match a usage that is only a prefix of another', async () => {
    await seed()
    const page = await call('contacts:list', { usages: ['ADMIN'] })
    expect(page.rows.map((c) => c.shortName)).toEqual(['Ana'])
  })

  it('searches names, email and the account username', async () => {
    await seed()
    expect((await call('contacts:list', { q: 'vidal' })).rows.map((c) => c.shortName)).toEqual([
      'Clara',
    ])
    const byAccount = await call('contacts:list', { q: 'bob', sort: 'shortName' })
    expect(byAccount.rows.map((c) => c.accountUsername)).toEqual(['bob', 'bob'])
  })

  it('takes LIKE wildcards in the search literally', async () => {
    await seed()
    for (const q of ['%', '_', '\\', "'; drop table contacts; --"]) {
      expect((await call('contacts:list', { q })).total, q).toBe(0)
    }
    expect((await call('contacts:list', {})).total).toBe(3)
  })
})

describe('contacts:create and contacts:update', () => {
  it('adds a contact to an account and makes the account findable by it', async () => {
    const { ana } = await seed()
    await call('contacts:create', {
      accountId: ana.account.id,
      shortName: 'Jordi',
      fullName: 'Jordi Sørensen',
      email: 'jordi@example.net',
    })
    const found = await call('accounts:list', { q: 'sørensen' })
    expect(found.rows.map((a) => a.username)).toEqual(['ana'])
  })

  it('refuses a contact for an account that does not exist', async () => {
    const error = await call('contacts:create', {
      accountId: 77,
      shortName: 'X',
      email: 'x@example.net',
    }).then(
      () => undefined,
      (e: AppError) => e,
    )
    expect(error?.issues?.[0]).toMatchObject({ field: 'accountId', rule: 'exists' })
  })

  it('gives a contact without a country the default one and checks its phone there', async () => {
    const { ana } = await seed()
    const madrid = { accountId: ana.account.id, shortName: 'M', email: 'm@example.net' }
    const spanish = await call('contacts:create', { ...madrid, phone: '612345678' })
    expect(spanish.country).toBe('ES')

    await call('settings:update', { name: 'CONTACTS_DEFAULT_COUNTRY', value: 'GB' })
    const refused = call('contacts:create', { ...madrid, phone: '612345678' })
    await expect(refused).rejects.toMatchObject({
      code: 'VALIDATION',
      issues: [expect.objectContaining({ field: 'phone', rule: 'phone' })],
    })
    const placed = await call('contacts:create', { ...madrid, phone: '612345678', country: 'ES' })
    expect(placed.country).toBe('ES')
  })

  it('changes only the fields sent and checks the rules on the result', async () => {
    const { bob } = await seed()
    const clara = bob.contacts[1]!
    const updated = await call('contacts:update', { id: clara.id, version: 1, phone2: '934567890' })
    expect(updated).toMatchObject({ fullName: 'Clara Vidal', phone2: '934567890', version: 2 })
    expect(updated.emailUsage).toEqual(['ADDS'])
    const found = await call('contacts:list', { q: 'vidal' })
    expect(found.rows.map((c) => c.shortName)).toEqual(['Clara'])

    const addressOnly = call('contacts:update', { id: clara.id, version: 2, address: 'Major 1' })
    await expect(addressOnly).rejects.toMatchObject({
      code: 'VALIDATION',
      issues: [
        expect.objectContaining({ field: 'city', rule: 'required_with_address' }),
        expect.objectContaining({ field: 'zipcode', rule: 'required_with_address' }),
      ],
    })
    const badPhone = call('contacts:update', { id: clara.id, version: 2, phone: '12' })
    await expect(badPhone).rejects.toMatchObject({ issues: [{ field: 'phone', rule: 'phone' }] })
  })

  it('records changed fields and refuses a stale version', async () => {
    const { ana } = await seed()
    const contact = ana.contacts[0]!
    const { id, version, accountId: _a, createdAt: _c, updatedAt: _u, ...fields } = contact
    const updated = await call('contacts:update', { id, version, ...fields, city: 'Girona' })
    expect(updated.version).toBe(2)

    const history = await call('history:list', { objectType: 'contact', objectId: id })
    expect(history.rows[0]?.changes).toEqual([{ field: 'city', from: '', to: 'Girona' }])
    const stale = call('contacts:update', { id, version, ...fields, city: 'Reus' })
    await expect(stale).rejects.toMatchObject({ code: 'CONFLICT' })
  })
})

describe('contacts:delete', () => {
  it('refuses to delete the last contact of an account', async () => {
    const { ana } = await seed()
    const last = call('contacts:delete', { id: ana.contacts[0]!.id })
    await expect(last).rejects.toMatchObject({
      code: 'VALIDATION',
      issues: [expect.objectContaining({ rule: 'last_contact' })],
    })
  })

  it('deletes one of several contacts', async () => {
    const { bob } = await seed()
    await call('contacts:delete', { id: bob.contacts[1]!.id })
    const detail = await call('accounts:get', { id: bob.account.id })
    expect(detail.contacts.map((c) => c.shortName)).toEqual(['Bob'])
    expect((await call('accounts:list', { q: 'clara' })).total).toBe(0)
  })
})
