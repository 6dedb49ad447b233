import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { AppError } from '../../../src-shared/errors'
import { mailboxes } from '../../../src-main/db/schema'
import { verifyUnixPassword } from '../../../src-main/core/passwords'
import { accountInput, caller, makeCore, type TestCore } from '../../support/core'

let core: TestCore
const call = caller(() => core)
let joe: number
let ann: number
let exampleOrg: number

async function failure(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(AppError)
  return error as AppError
}

const mailbox = (name: string, accountId = joe) =>
  call('mailboxes:create', { accountId, name, password: 'correct horse' })

/** The local domain's zone names in-zone name servers; outside ones keep it loadable. */
async function localDomainOf(accountId: number) {
  await call('settings:update', { name: 'DOMAINS_DEFAULT_NS', value: ['ns1.example.net.'] })
  const [created] = await call('domains:create', { name: 'orchestra.lan', accountId })
  return created!.domain.id
}

beforeEach(async () => {
  core = await makeCore()
  joe = (await call('accounts:create', accountInput({ username: 'joe' }))).account.id
  ann = (await call('accounts:create', accountInput({ username: 'ann' }))).account.id
  const [domain] = await call('domains:create', { name: 'example.org', accountId: joe })
  exampleOrg = domain!.domain.id
})
afterEach(() => core.dispose())

describe('mailboxes:create', () => {
  it('refuses a 33-character name and one with a space, accepts john.doe (14.20)', async () => {
    const long = await failure(mailbox('a'.repeat(33)))
    expect(long.issues?.[0]?.field).toBe('name')
    const spaced = await failure(mailbox('john doe'))
    expect(spaced.issues?.[0]).toMatchObject({ field: 'name', rule: 'mailbox_name' })
    const created = await mailbox('John.Doe')
    expect(created.mailbox).toMatchObject({ name: 'john.doe', filtering: 'REDIRECT' })
  })

  it('refuses dot-only names and names starting with a dash', async () => {
    for (const name of ['..', '.', '-rf', '.hidden']) {
      expect((await failure(mailbox(name))).issues?.[0]?.field).toBe('name')
    }
  })

  it('refuses CUSTOM filtering without a script (14.20)', async () => {
    const error = await failure(
      call('mailboxes:create', {
        accountId: joe,
        name: 'bob',
        password: 'correct horse',
        filtering: 'CUSTOM',
      }),
    )
    expect(error.issues?.[0]).toMatchObject({ field: 'customFiltering', rule: 'required' })
  })

  it('refuses a custom filter sievec cannot compile, naming its line', async () => {
    const error = await failure(
      call('mailboxes:create', {
        accountId: joe,
        name: 'bob',
        password: 'correct horse',
        filtering: 'CUSTOM',
        customFiltering: 'require ["fileinto"];\nkeep;\nfrobnicate;',
      }),
    )
    expect(error.issues?.[0]).toMatchObject({ field: 'customFiltering', rule: 'sieve' })
    expect(error.issues?.[0]?.message).toMatch(/^line 3: .*frobnicate/)
  })

  it('stores only a SHA-512 crypt hash and answers hasPassword', async () => {
    const created = await mailbox('bob')
    expect(created.mailbox.hasPassword).toBe(true)
    expect(JSON.stringify(created)).not.toContain('$6$')
    const [row] = await core.store.read((tx) => tx.select().from(mailboxes))
    expect(row!.passwordHash).toMatch(/^\$6\$/)
    expect(await verifyUnixPassword('correct horse', row!.passwordHash)).toBe(true)
  })

  it('creates carol@orchestra.lan delivering to carol on the same account (14.25)', async () => {
    await localDomainOf(joe)
    const carol = await mailbox('carol')
    expect(carol.addresses.map((a) => a.email)).toEqual(['carol@orchestra.lan'])
    const { rows } = await call('mailAddresses:list', { q: 'carol@orchestra.lan' })
    expect(rows[0]).toMatchObject({ forward: '', mailboxes: [{ name: 'carol' }] })
  })

  it('forwards the local address when the local domain is another account’s (14.25)', async () => {
    await localDomainOf(ann)
    await mailbox('carol')
    const { rows } = await call('mailAddresses:list', { q: 'carol@orchestra.lan' })
    expect(rows[0]).toMatchObject({ forward: 'carol', mailboxes: [], accountId: ann })
  })
})

describe('mailAddresses:create', () => {
  const address = (fields: Record<string, unknown>) =>
    call('mailAddresses:create', { name: 'info', domainId: exampleOrg, ...fields })

  it('refuses an address with neither mailboxes nor forward (14.21)', async () => {
    const error = await failure(address({}))
    expect(error.issues?.[0]).toMatchObject({ field: 'mailboxIds', rule: 'mailbox_or_forward' })
  })

  it('refuses a forward to no mailbox, a token twice and a bad address (14.21)', async () => {
    expect((await failure(address({ forward: 'bob' }))).issues?.[0]?.rule).toBe('mailbox')
    await mailbox('bob', ann)
    expect((await failure(address({ forward: 'bob bob' }))).issues?.[0]?.rule).toBe('duplicate')
    const bad = await failure(address({ forward: 'not-an-email@' }))
    expect(bad.issues?.[0]).toMatchObject({ field: 'forward', rule: 'forward_token' })
  })

  it('rewrites bob@orchestra.lan of another account to bob (14.22)', async () => {
    await localDomainOf(ann)
    await mailbox('bob', ann)
    const created = await address({ forward: 'bob@orchestra.lan x@ext.com' })
    expect(created.forward).toBe('bob x@ext.com')
  })

  it('refuses a forward to a mailbox of the same account and to itself (14.22)', async () => {
    await mailbox('alice')
    const same = await failure(address({ forward: 'alice' }))
    expect(same.issues?.[0]).toMatchObject({ field: 'forward', rule: 'same_account' })
    const self = await failure(address({ forward: 'info@example.org' }))
    expect(self.issues?.[0]).toMatchObject({ field: 'forward', rule: 'self' })
  })

  it('refuses local parts the original let into its scripts (15.1)', async () => {
    for (const name of ["a'`id`'", 'a$b', 'a|b', 'a&b', 'a{b}', 'a/b', 'a b', 'a\nb', 'a..b']) {
      const error = await failure(address({ name, forward: 'x@ext.com' }))
      expect(error.issues?.[0]?.field).toBe('name')
    }
    for (const forward of ["x'`id`'@ext.com", 'x@ext.com/a', '$(id)@ext.com']) {
      expect((await failure(address({ forward }))).issues?.[0]?.field).toBe('forward')
    }
  })

  it('stores a catch-all as @domain and refuses a second address of the same name', async () => {
    const all = await address({ name: '', forward: 'x@ext.com' })
    expect(all.email).toBe('@example.org')
    await address({ forward: 'x@ext.com' })
    const twice = await failure(address({ name: 'INFO', forward: 'y@ext.com' }))
    expect(twice.issues?.[0]).toMatchObject({ field: 'name', rule: 'unique' })
  })

  it('refuses to turn an autoresponse on without a message', async () => {
    const info = await address({ forward: 'x@ext.com' })
    const error = await failure(
      call('mailAddresses:update', {
        id: info.id,
        version: info.version,
        autoresponseEnabled: true,
      }),
    )
    expect(error.issues?.[0]).toMatchObject({ field: 'autoresponseMessage', rule: 'required' })
  })

  it('refuses a mailbox of another account in the mailboxes list', async () => {
    const bob = await mailbox('bob', ann)
    const error = await failure(address({ mailboxIds: [bob.mailbox.id] }))
    expect(error.issues?.[0]).toMatchObject({ field: 'mailboxIds', rule: 'account' })
  })
})

describe('mailboxes:delete', () => {
  it('takes bob out of forwards and deletes addresses left empty (14.26)', async () => {
    const bob = await mailbox('bob', ann)
    const kept = await call('mailAddresses:create', {
      name: 'sales',
      domainId: exampleOrg,
      forward: 'bob x@y.org',
    })
    const gone = await call('mailAddresses:create', {
      name: 'only',
      domainId: exampleOrg,
      forward: 'bob',
    })
    await call('mailboxes:delete', { ids: [bob.mailbox.id] })
    expect((await call('mailAddresses:get', { id: kept.id })).forward).toBe('x@y.org')
    await expect(call('mailAddresses:get', { id: gone.id })).rejects.toThrow(/does not exist/)
  })

  it('deletes the local address it was created with', async () => {
    await localDomainOf(joe)
    const carol = await mailbox('carol')
    await call('mailboxes:delete', { ids: [carol.mailbox.id] })
    expect((await call('mailAddresses:list', {})).total).toBe(0)
  })
})

describe('mail and the account', () => {
  it('deletes a domain’s addresses with it, its subdomains’ too', async () => {
    await call('domains:create', { name: 'www.example.org' })
    const { rows } = await call('domains:list', { q: 'www.example.org' })
    await call('mailAddresses:create', { name: 'a', domainId: exampleOrg, forward: 'x@y.org' })
    await call('mailAddresses:create', { name: 'b', domainId: rows[0]!.id, forward: 'x@y.org' })
    await call('domains:delete', { id: exampleOrg })
    expect((await call('mailAddresses:list', {})).total).toBe(0)
  })

  it('bulk enable enables and bulk disable disables', async () => {
    const bob = await mailbox('bob')
    await call('mailboxes:setActive', { ids: [bob.mailbox.id], active: false })
    expect((await call('mailboxes:get', { id: bob.mailbox.id })).mailbox.isActive).toBe(false)
    await call('mailboxes:setActive', { ids: [bob.mailbox.id], active: true })
    expect((await call('mailboxes:get', { id: bob.mailbox.id })).mailbox.isActive).toBe(true)
  })

  it('shows a mailbox inactive while its account is, and keeps its own flag', async () => {
    const bob = await mailbox('bob')
    await call('accounts:setActive', { ids: [joe], active: false })
    const off = await call('mailboxes:get', { id: bob.mailbox.id })
    expect(off.mailbox).toMatchObject({ isActive: true, effectiveActive: false })
    const history = await call('history:list', { objectType: 'mailbox', action: 'changed' })
    expect(history.rows[0]?.message).toBe('Account joe disabled')
  })

  it('lists the account’s mailboxes and addresses among its services', async () => {
    await mailbox('bob')
    await call('mailAddresses:create', { name: 'a', domainId: exampleOrg, forward: 'bob@x.org' })
    const { services } = await call('accounts:get', { id: joe })
    const mail = services.filter((s) => s.kind.startsWith('mail'))
    expect(mail.map((s) => `${s.kind} ${s.name}`)).toEqual([
      'mailbox bob',
      'mailAddress a@example.org',
    ])
  })

  it('deletes the account’s addresses and mailboxes with the account', async () => {
    await mailbox('bob')
    await call('mailAddresses:create', { name: 'a', domainId: exampleOrg, forward: 'bob@x.org' })
    await call('accounts:delete', { id: joe })
    expect((await call('mailboxes:list', {})).total).toBe(0)
    expect((await call('mailAddresses:list', {})).total).toBe(0)
  })
})
