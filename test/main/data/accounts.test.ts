import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { AppError } from '../../../src-shared/errors'
import type { Account } from '../../../src-shared/schemas/accounts'
import type { AccountServiceProvider } from '../../../src-main/data/account-services'
import type { SQLiteTable } from 'drizzle-orm/sqlite-core'
import { accounts, contacts, historyEntries } from '../../../src-main/db/schema'
import { accountInput, caller, countRows, makeCore, type TestCore } from '../../support/core'

let core: TestCore
const call = caller(() => core)

async function failure(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(AppError)
  return error as AppError
}

/** The fields an edit form sends back. */
function editable(account: Account) {
  const { id, version, shortName, fullName, email, type, language, comments, isSuperuser } = account
  return { id, version, shortName, fullName, email, type, language, comments, isSuperuser }
}

function counts(...tables: SQLiteTable[]): Promise<number[]> {
  return Promise.all(tables.map((table) => countRows(core, table)))
}

beforeEach(async () => {
  core = await makeCore()
})
afterEach(() => core.dispose())

describe('accounts:create', () => {
  it('creates the account with its contacts and records who did it', async () => {
    const second = {
      shortName: 'Billing',
      email: 'billing@example.net',
      emailUsage: ['BILLING' as const],
    }
    const detail = await call('accounts:create', {
      ...accountInput(),
      contacts: [...accountInput().contacts, second],
    })

    expect(detail.account).toMatchObject({ username: 'ana', isActive: true, version: 1 })
    expect(detail.contacts.map((c) => c.shortName)).toEqual(['Ana', 'Billing'])
    expect(detail.contacts[1]!.emailUsage).toEqual(['BILLING'])
    const history = await call('history:list', { accountId: detail.account.id, dir: 'asc' })
    expect(history.rows.map((h) => `${h.objectType}:${h.action}:${h.actor}`)).toEqual([
      'account:added:tester@ws1',
      'contact:added:tester@ws1',
      'contact:added:tester@ws1',
      // The main system user and the CGI user come with the account.
      'systemUser:added:tester@ws1',
      'systemUser:added:tester@ws1',
    ])
  })

  it('stores dates in UTC with an explicit zone', async () => {
    const { account } = await call('accounts:create', accountInput())
    expect(account.dateJoined).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/)
  })

  it('returns a field error for a taken username and writes nothing', async () => {
    await call('accounts:create', accountInput())
    const before = await counts(accounts, contacts, historyEntries)

    const error = await failure(call('accounts:create', accountInput({ fullName: 'Other' })))
    expect(error.code).toBe('VALIDATION')
    expect(error.issues).toEqual([expect.objectContaining({ field: 'username', rule: 'unique' })])
    expect(await counts(accounts, contacts, historyEntries)).toEqual(before)
  })

  it('takes the type and language a request leaves out from the settings', async () => {
    const { account } = await call('accounts:create', accountInput())
    expect(account).toMatchObject({ type: 'INDIVIDUAL', language: 'EN' })

    await call('settings:update', { name: 'ACCOUNTS_DEFAULT_TYPE', value: 'COMPANY' })
    await call('settings:update', { name: 'ACCOUNTS_DEFAULT_LANGUAGE', value: 'CA' })
    const configured = await call('accounts:create', accountInput({ username: 'bob' }))
    expect(configured.account).toMatchObject({ type: 'COMPANY', language: 'CA' })
    const chosen = accountInput({ username: 'carla', type: 'STAFF', language: 'ES' })
    expect((await call('accounts:create', chosen)).account).toMatchObject({
      type: 'STAFF',
      language: 'ES',
    })
  })

  it("checks each contact's phone in the default country it gets, naming the contact", async () => {
    await call('settings:update', { name: 'CONTACTS_DEFAULT_COUNTRY', value: 'GB' })
    const london = { shortName: 'London', email: 'l@example.net', phone: '020 7946 0958' }
    const madrid = { shortName: 'Madrid', email: 'm@example.net', phone: '612345678' }

    const error = await failure(
      call('accounts:create', accountInput({ contacts: [london, madrid] })),
    )
    expect(error.issues).toEqual([
      expect.objectContaining({ field: 'contacts.1.phone', rule: 'phone' }),
    ])
    expect(await counts(accounts, contacts)).toEqual([0, 0])
    const created = await call('accounts:create', accountInput({ contacts: [london] }))
    expect(created.contacts[0]!.country).toBe('GB')
  })

  it('rolls everything back when a later step fails', async () => {
    const failing: AccountServiceProvider = {
      kind: 'systemuser',
      listForAccount: async () => [],
      onAccountCreated: async () => {
        throw new Error('server refused')
      },
    }
    await core.dispose()
    core = await makeCore({ accountServices: [failing] })

    const error = await failure(call('accounts:create', accountInput()))
    expect(error.code).toBe('INTERNAL')
    expect(error.message).toContain('server refused')
    expect(await counts(accounts, contacts, historyEntries)).toEqual([0, 0, 0])
  })

  it('lets a service provider attach to the new account in the same unit of work', async () => {
    const created: string[] = []
    const provider: AccountServiceProvider = {
      kind: 'systemuser',
      listForAccount: async (_tx, id) => [{ kind: 'systemuser', id, name: 'ana', isActive: true }],
      onAccountCreated: async (_ctx, account, { enableSystemUser }) => {
        created.push(`${account.username}:${enableSystemUser}`)
      },
    }
    await core.dispose()
    core = await makeCore({ accountServices: [provider] })

    const detail = await call('accounts:create', accountInput({ enableSystemUser: false }))
    expect(created).toEqual(['ana:false'])
    expect(detail.services.filter((s) => s.kind === 'systemuser')).toEqual([
      { kind: 'systemuser', id: 1, name: 'ana', isActive: true },
    ])
  })
})

describe('accounts:list', () => {
  it("counts each account's own contacts", async () => {
    await call('accounts:create', accountInput())
    const second = { shortName: 'Billing', email: 'billing@example.net' }
    await call('accounts:create', {
      ...accountInput({ username: 'bob', fullName: 'Bob Ferrer' }),
      contacts: [...accountInput().contacts, second],
    })
    const page = await call('accounts:list', { sort: 'username' })
    expect(page.rows.map((a) => `${a.username}:${a.contactCount}`)).toEqual(['ana:1', 'bob:2'])
  })

  it('finds accounts by a contact name, filters by type and pages in sort order', async () => {
    for (const [username, type] of [
      ['carla', 'COMPANY'],
      ['bea', 'COMPANY'],
      ['ana', 'INDIVIDUAL'],
    ] as const) {
      await call('accounts:create', accountInput({ username, fullName: `${username} Puig`, type }))
    }
    const companies = await call('accounts:list', {
      type: 'COMPANY',
      sort: 'username',
      dir: 'desc',
    })
    expect(companies.rows.map((a) => a.username)).toEqual(['carla', 'bea'])
    const second = await call('accounts:list', { q: 'puig', pageSize: 1, page: 2 })
    expect([second.total, second.rows[0]?.username]).toEqual([3, 'bea'])
    expect((await call('accounts:list', { q: 'ana@example' })).total).toBe(3)
  })
})

describe('accounts:update', () => {
  it('records each changed field with its old and new value', async () => {
    const { account } = await call('accounts:create', accountInput())
    const updated = await call('accounts:update', {
      ...editable(account),
      fullName: 'Ana Puig i Serra',
      type: 'COMPANY',
    })
    expect(updated.account.version).toBe(2)

    const history = await call('history:list', { objectType: 'account', objectId: account.id })
    expect(history.rows[0]).toMatchObject({
      action: 'changed',
      changes: [
        { field: 'fullName', from: 'Ana Puig', to: 'Ana Puig i Serra' },
        { field: 'type', from: 'INDIVIDUAL', to: 'COMPANY' },
      ],
    })
  })

  it('refuses an edit made from an older version and keeps the newer one', async () => {
    const { account } = await call('accounts:create', accountInput())
    await call('accounts:update', { ...editable(account), fullName: 'First edit' })

    const stale = { ...editable(account), fullName: 'Second edit' }
    const error = await failure(call('accounts:update', stale))
    expect(error.code).toBe('CONFLICT')
    expect(error.details).toMatchObject({ stored: { fullName: 'First edit', version: 2 } })
    const stored = await call('accounts:get', { id: account.id })
    expect(stored.account.fullName).toBe('First edit')
  })

  it('refuses to change the username', async () => {
    const { account } = await call('accounts:create', accountInput())
    const edit = { ...editable(account), username: 'other' }
    const error = await failure(call('accounts:update', edit as never))
    expect(error.issues).toEqual([
      expect.objectContaining({ field: 'username', rule: 'unknown_field' }),
    ])
  })
})

describe('accounts:setActive', () => {
  it('disables and enables, writing one history entry per change', async () => {
    const { account } = await call('accounts:create', accountInput())
    expect(await call('accounts:setActive', { ids: [account.id], active: false })).toEqual({
      changed: 1,
    })
    expect(await call('accounts:setActive', { ids: [account.id], active: false })).toEqual({
      changed: 0,
    })
    await call('accounts:setActive', { ids: [account.id], active: true })

    const history = await call('history:list', { objectId: account.id, objectType: 'account' })
    expect(history.rows.map((h) => h.action)).toEqual(['enabled', 'disabled', 'added'])
  })

  it('tells providers once per flip so servers get the new state', async () => {
    const told: string[] = []
    await core.dispose()
    core = await makeCore({
      accountServices: [
        {
          kind: 'mailbox',
          listForAccount: async () => [],
          onAccountActiveChanged: async (_ctx, a) => void told.push(`${a.username}:${a.isActive}`),
        },
      ],
    })
    const { account } = await call('accounts:create', accountInput())
    await call('accounts:setActive', { ids: [account.id], active: false })
    await call('accounts:setActive', { ids: [account.id], active: false })
    expect(told).toEqual(['ana:false'])
  })

  it('names the missing ids and changes nothing', async () => {
    const { account } = await call('accounts:create', accountInput())
    const error = await failure(
      call('accounts:setActive', { ids: [account.id, 99], active: false }),
    )
    expect(error.code).toBe('NOT_FOUND')
    expect(error.message).toContain('99')
    expect((await call('accounts:get', { id: account.id })).account.isActive).toBe(true)
  })
})

describe('accounts:delete', () => {
  it('previews what goes with the account', async () => {
    const { account } = await call('accounts:create', accountInput())
    const preview = await call('accounts:deletePreview', { id: account.id })
    expect(preview.contacts.map((c) => c.shortName)).toEqual(['Ana'])
    expect(preview.blockers).toEqual([])
  })

  it('deletes contacts with the account and keeps the history', async () => {
    const { account } = await call('accounts:create', accountInput())
    await call('accounts:delete', { id: account.id })

    expect(await counts(accounts, contacts)).toEqual([0, 0])
    const history = await call('history:list', { accountId: account.id })
    expect(history.rows.map((h) => `${h.objectType}:${h.action}`)).toEqual([
      'account:deleted',
      'contact:deleted',
      'systemUser:deleted',
      'systemUser:deleted',
      'systemUser:added',
      'systemUser:added',
      'contact:added',
      'account:added',
    ])
  })

  it('refuses while a provider reports something that must be kept', async () => {
    await core.dispose()
    core = await makeCore({
      accountServices: [
        {
          kind: 'bill',
          listForAccount: async () => [],
          deletionBlockers: async () => ['2 bills must be kept'],
        },
      ],
    })
    const { account } = await call('accounts:create', accountInput())
    const error = await failure(call('accounts:delete', { id: account.id }))
    expect(error.code).toBe('FORBIDDEN')
    expect(error.message).toContain('2 bills must be kept')
    expect(await countRows(core, accounts)).toBe(1)
  })

  it('answers not found for an unknown id', async () => {
    const error = await failure(call('accounts:delete', { id: 42 }))
    expect(error).toMatchObject({ code: 'NOT_FOUND', message: 'Account 42 does not exist' })
  })
})
