import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { accountInput, caller, makeCore, type TestCore } from '../../support/core'

let core: TestCore
const call = caller(() => core)

beforeEach(async () => {
  core = await makeCore()
})
afterEach(() => core.dispose())

describe('changes no route takes', () => {
  it('names only the backends meant for the object, by their default match', async () => {
    const { account } = await call('accounts:create', accountInput({ username: 'joe' }))
    const preview = await call('orchestration:preview', {
      channel: 'sqlUsers:create',
      request: {
        username: 'joe_web',
        type: 'mysql',
        accountId: account.id,
        password: 'web password',
      },
    })
    const backends = preview.notRouted.map((entry) => entry.backend)
    expect(backends).toContain('mysql-user')
    expect(backends).not.toContain('postgresql-user')
  })
})
