import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { accountInput, caller, makeCore, type TestCore } from '../../support/core'

let core: TestCore
const call = caller(() => core)

beforeEach(async () => {
  core = await makeCore()
})
afterEach(() => core.dispose())

describe('app:dashboard', () => {
  it('counts accounts, contacts and each service across accounts', async () => {
    const { account } = await call('accounts:create', accountInput({ username: 'ana' }))
    await call('accounts:create', accountInput({ username: 'bea' }))
    await call('accounts:setActive', { ids: [account.id], active: false })
    await call('domains:create', { name: 'example.org\nexample.net', accountId: account.id })
    await call('mailboxes:create', { accountId: account.id, name: 'ana', password: 'mail pass' })

    const summary = await call('app:dashboard', {})
    expect(summary.accounts).toEqual({ total: 2, active: 1 })
    expect(summary.contacts).toBe(2)
    // Each account brings its main and CGI users.
    expect(summary.services).toEqual({ domains: 2, mailboxes: 1, databases: 0, systemUsers: 4 })
  })
})
