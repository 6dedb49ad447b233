import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { AppError } from '../../../src-shared/errors'
import { verifyUnixPassword } from '../../../src-main/core/passwords'
import { systemUsers } from '../../../src-main/db/schema'
import { accountInput, caller, makeCore, type TestCore } from '../../support/core'

let core: TestCore
const call = caller(() => core)
let joe: number

async function failure(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(AppError)
  return error as AppError
}

async function usersOf(accountId: number) {
  return (await call('systemUsers:list', { accountId })).rows
}

const fields = (error: AppError) => error.issues?.map((issue) => [issue.field, issue.rule])

beforeEach(async () => {
  core = await makeCore()
  joe = (await call('accounts:create', accountInput({ username: 'joe' }))).account.id
})
afterEach(() => core.dispose())

describe('system users of a new account', () => {
  it('creates the main user and the CGI user with the account', async () => {
    const users = await usersOf(joe)
    expect(users.map((u) => [u.username, u.role, u.shell, u.effectiveHome])).toEqual([
      ['joe', 'main', '/dev/null', '/home/joe'],
      ['joe-cgi', 'cgi', '/dev/null', '/home/joe'],
    ])
    expect(users.every((u) => u.isActive && !u.hasPassword)).toBe(true)
    const account = await call('accounts:get', { id: joe })
    expect(account.services.map((s) => [s.kind, s.name])).toEqual([
      ['systemUser', 'joe'],
      ['systemUser', 'joe-cgi'],
    ])
  })

  it('starts the main user inactive when the account asks for no system user', async () => {
    const { account } = await call(
      'accounts:create',
      accountInput({ username: 'kim', email: 'kim@example.net', enableSystemUser: false }),
    )
    const [main] = await usersOf(account.id)
    expect(main).toMatchObject({ username: 'kim', role: 'main', isActive: false })
  })

  it('cuts a long username to fit the CGI user in 32 characters', async () => {
    const long = 'a'.repeat(30)
    const { account } = await call('accounts:create', accountInput({ username: long }))
    const cgi = (await usersOf(account.id)).find((u) => u.role === 'cgi')!
    expect(cgi.username).toBe(`${'a'.repeat(28)}-cgi`)
    const other = 'a'.repeat(29)
    const second = await call('accounts:create', accountInput({ username: other }))
    const cgi2 = (await usersOf(second.account.id)).find((u) => u.role === 'cgi')!
    expect(cgi2.username).toBe(`${'a'.repeat(26)}-${second.account.id}-cgi`)
    expect(cgi2.username.length).toBeLessThanOrEqual(32)
  })

  it('refuses an account username that is another account’s system user', async () => {
    await call('systemUsers:create', { accountId: joe, username: 'joeftp' })
    const error = await failure(call('accounts:create', accountInput({ username: 'joeftp' })))
    expect(fields(error)).toEqual([['username', 'unique']])
    expect((await call('accounts:list', {})).total).toBe(1)
  })
})

describe('systemUsers:create', () => {
  it('hashes the password and never returns it', async () => {
    const created = await call('systemUsers:create', {
      accountId: joe,
      username: 'joeftp',
      password: `it's $(secret)`,
    })
    expect(created.user).toMatchObject({ username: 'joeftp', role: 'extra', hasPassword: true })
    expect(JSON.stringify(created)).not.toContain('$6$')
    const stored = (await core.store.read((tx) => tx.select().from(systemUsers))).find(
      (u) => u.username === 'joeftp',
    )!
    expect(stored.passwordHash).toMatch(/^\$6\$/)
    expect(await verifyUnixPassword(`it's $(secret)`, stored.passwordHash)).toBe(true)
  })

  it.each([
    ['..', 'pattern'],
    ['.', 'pattern'],
    ['-rf', 'pattern'],
    ['Joe', 'pattern'],
    ['jo.e', 'pattern'],
    ['ñandu', 'pattern'],
    ['a'.repeat(33), 'max_length'],
    ['root', 'reserved'],
    ['web-cgi', 'reserved'],
  ])('refuses the username %j', async (username, rule) => {
    const error = await failure(call('systemUsers:create', { accountId: joe, username }))
    expect(error.issues?.[0]).toMatchObject({ field: 'username', rule })
  })

  it('refuses a username that is taken', async () => {
    const error = await failure(call('systemUsers:create', { accountId: joe, username: 'joe' }))
    expect(fields(error)).toEqual([['username', 'unique']])
  })

  it('refuses a shell that is not in SYSTEMUSERS_SHELLS', async () => {
    const error = await failure(
      call('systemUsers:create', { accountId: joe, username: 'joe2', shell: '/bin/zsh' }),
    )
    expect(fields(error)).toEqual([['shell', 'choice']])
  })

  it('rejects a shell user homed in the main user’s home (spec 14.31)', async () => {
    const error = await failure(
      call('systemUsers:create', {
        accountId: joe,
        username: 'joessh',
        shell: '/bin/bash',
        home: '/home/joe',
      }),
    )
    expect(fields(error)).toEqual([['home', 'shell_home']])
  })

  it('accepts a user without a shell in the main user’s home, in a directory', async () => {
    const created = await call('systemUsers:create', {
      accountId: joe,
      username: 'joeweb',
      home: '/home/joe',
      directory: '/webapps/blog/',
    })
    expect(created.user).toMatchObject({ home: '/home/joe', directory: 'webapps/blog' })
    expect(created.effectiveHome).toBe('/home/joe/webapps/blog')
  })

  it('stores the user’s own base home as empty', async () => {
    const created = await call('systemUsers:create', {
      accountId: joe,
      username: 'joessh',
      shell: '/bin/bash',
      home: '/home/joessh',
    })
    expect(created.user.home).toBe('')
    expect(created.effectiveHome).toBe('/home/joessh')
  })

  it('refuses a home that is neither its own nor the main user’s', async () => {
    const error = await failure(
      call('systemUsers:create', { accountId: joe, username: 'joe2', home: '/srv/www' }),
    )
    expect(fields(error)).toEqual([['home', 'home_choice']])
  })

  it.each([
    ['/home/joe/../root', 'dot_segment'],
    ['/home/joe\n/x', 'control_character'],
    ['home/joe', 'path'],
    ["/home/j'oe", 'path'],
  ])('refuses the home %j', async (home, rule) => {
    const error = await failure(
      call('systemUsers:create', { accountId: joe, username: 'joe2', home }),
    )
    expect(error.issues?.[0]).toMatchObject({ field: 'home', rule })
  })

  describe('directory (spec 14.32)', () => {
    const create = (extra: object) =>
      call('systemUsers:create', { accountId: joe, username: 'joe2', ...extra })

    it('rejects a directory for a shell user', async () => {
      const error = await failure(create({ shell: '/bin/bash', directory: 'web' }))
      expect(fields(error)).toEqual([['directory', 'shell']])
    })

    it('rejects a directory under the user’s own base home', async () => {
      const error = await failure(create({ directory: 'web' }))
      expect(fields(error)).toEqual([['directory', 'own_home']])
    })

    it('rejects a directory for the main user', async () => {
      const [main] = await usersOf(joe)
      const error = await failure(
        call('systemUsers:update', { id: main!.id, version: main!.version, directory: 'web' }),
      )
      expect(fields(error)).toEqual([['directory', 'main']])
    })

    it('rejects a directory matching a SYSTEMUSERS_FORBIDDEN_PATHS glob', async () => {
      await call('settings:update', { name: 'SYSTEMUSERS_FORBIDDEN_PATHS', value: 'logs,web*' })
      for (const directory of ['logs', 'logs/old', 'webapps/blog']) {
        const error = await failure(create({ home: '/home/joe', directory }))
        expect(fields(error)).toEqual([['directory', 'forbidden']])
      }
      await create({ home: '/home/joe', directory: 'blog/logs' })
    })

    it.each([
      ['a/../../etc', 'dot_segment'],
      ['./x', 'dot_segment'],
      ['a\tb', 'control_character'],
      ['a b', 'path'],
    ])('refuses the directory %j', async (directory, rule) => {
      const error = await failure(create({ home: '/home/joe', directory }))
      expect(error.issues?.[0]).toMatchObject({ field: 'directory', rule })
    })
  })

  describe('groups', () => {
    it('takes other users of the same account, and refuses itself and strangers', async () => {
      const other = await call('accounts:create', accountInput({ username: 'bea' }))
      const [bea] = await usersOf(other.account.id)
      const [main] = await usersOf(joe)
      const created = await call('systemUsers:create', {
        accountId: joe,
        username: 'joe2',
        groups: [main!.id],
      })
      expect(created.groups).toEqual([{ id: main!.id, username: 'joe' }])
      const self = await failure(
        call('systemUsers:update', {
          id: created.user.id,
          version: created.user.version,
          groups: [created.user.id],
        }),
      )
      expect(fields(self)).toEqual([['groups', 'self']])
      const stranger = await failure(
        call('systemUsers:create', { accountId: joe, username: 'joe3', groups: [bea!.id] }),
      )
      expect(fields(stranger)).toEqual([['groups', 'account']])
    })
  })
})

describe('deleting system users (spec 14.33)', () => {
  it('refuses the main user alone and in bulk, naming it, and deletes nothing', async () => {
    const extra = await call('systemUsers:create', { accountId: joe, username: 'joe2' })
    const [main, cgi] = await usersOf(joe)
    const one = await failure(call('systemUsers:delete', { ids: [main!.id] }))
    expect(one.code).toBe('FORBIDDEN')
    expect(one.message).toContain('joe')
    const bulk = await failure(
      call('systemUsers:delete', { ids: [extra.user.id, main!.id, cgi!.id] }),
    )
    expect(bulk.message).toMatch(/^joe, joe-cgi: /)
    expect((await usersOf(joe)).length).toBe(3)

    await call('systemUsers:delete', { ids: [extra.user.id] })
    expect((await usersOf(joe)).map((u) => u.username)).toEqual(['joe', 'joe-cgi'])
  })

  it('deletes every user with the account, extra users first and the main user last', async () => {
    await call('systemUsers:create', { accountId: joe, username: 'joe2' })
    await call('accounts:delete', { id: joe })
    const history = await call('history:list', { objectType: 'systemUser', dir: 'asc' })
    const deleted = history.rows.filter((entry) => entry.action === 'deleted')
    expect(deleted.map((entry) => entry.objectRepr)).toEqual(['joe2', 'joe-cgi', 'joe'])
    expect((await call('systemUsers:list', {})).total).toBe(0)
  })
})

describe('disabling', () => {
  it('keeps each user’s own flag across the account being disabled and enabled', async () => {
    const extra = await call('systemUsers:create', { accountId: joe, username: 'joe2' })
    await call('systemUsers:setActive', { ids: [extra.user.id], active: false })
    await call('accounts:setActive', { ids: [joe], active: false })
    let users = await usersOf(joe)
    expect(users.map((u) => [u.username, u.isActive, u.accountIsActive])).toEqual([
      ['joe', true, false],
      ['joe-cgi', true, false],
      ['joe2', false, false],
    ])
    await call('accounts:setActive', { ids: [joe], active: true })
    users = await usersOf(joe)
    expect(users.map((u) => u.isActive)).toEqual([true, true, false])
    const detail = await call('systemUsers:get', { id: extra.user.id })
    expect(detail.effectiveActive).toBe(false)
  })

  it('lists by role, shell and flag', async () => {
    await call('systemUsers:create', { accountId: joe, username: 'joessh', shell: '/bin/bash' })
    const byRole = await call('systemUsers:list', { role: 'cgi' })
    expect(byRole.rows.map((u) => u.username)).toEqual(['joe-cgi'])
    const byShell = await call('systemUsers:list', { shell: '/bin/bash' })
    expect(byShell.rows.map((u) => u.username)).toEqual(['joessh'])
    const search = await call('systemUsers:list', { q: 'ssh' })
    expect(search.total).toBe(1)
  })
})

describe('setting a password', () => {
  it('stores a new hash and records the change without any value', async () => {
    const [main] = await usersOf(joe)
    const detail = await call('systemUsers:update', {
      id: main!.id,
      version: main!.version,
      password: 'n3w p4ss',
    })
    expect(detail.user.hasPassword).toBe(true)
    const history = await call('history:list', { objectType: 'systemUser', objectId: main!.id })
    expect(history.rows[0]).toMatchObject({
      message: 'Password set',
      changes: [{ field: 'password', from: null, to: null }],
    })
    expect(JSON.stringify(history)).not.toContain('$6$')
  })

  it('refuses a password for the CGI user', async () => {
    const cgi = (await usersOf(joe)).find((u) => u.role === 'cgi')!
    const error = await failure(
      call('systemUsers:update', { id: cgi.id, version: cgi.version, password: 'x' }),
    )
    expect(fields(error)).toEqual([['password', 'cgi']])
  })
})

describe('SYSTEMUSERS_ settings', () => {
  it.each([
    ['SYSTEMUSERS_HOME', '/home/users'],
    ['SYSTEMUSERS_HOME', '/home/../%(user)s'],
    ['SYSTEMUSERS_HOME', "/home/%(user)s'$(id)"],
    ['SYSTEMUSERS_HOME', '/home/%(group)s/%(user)s'],
    ['SYSTEMUSERS_DEFAULT_GROUP_MEMBERS', 'www-data,-rf'],
    ['SYSTEMUSERS_SHELLS', '/bin/bash,bash'],
    ['SYSTEMUSERS_FORBIDDEN_PATHS', '../etc'],
    ['SYSTEMUSERS_MOVE_ON_DELETE_PATH', '/srv/archive'],
  ])('refuses %s = %j', async (name, value) => {
    const error = await failure(
      call('settings:update', { name: name as 'SYSTEMUSERS_HOME', value }),
    )
    expect(error.issues?.[0]?.field).toBe('value')
  })

  it('puts new users under another home template', async () => {
    await call('settings:update', { name: 'SYSTEMUSERS_HOME', value: '/srv/users/%(user)s' })
    const created = await call('systemUsers:create', { accountId: joe, username: 'joe2' })
    expect(created.effectiveHome).toBe('/srv/users/joe2')
    expect(created.mainHome).toBe('/srv/users/joe')
  })
})
