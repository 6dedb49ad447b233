import { eq } from 'drizzle-orm'
import fc from 'fast-check'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { mysqlNativeHash } from '../../../src-main/core/passwords'
import { passwordHashFor } from '../../../src-main/data/sql-writes'
import { historyEntries, sqlUsers } from '../../../src-main/db/schema'
import { AppError } from '../../../src-shared/errors'
import {
  sqlDatabaseCreateSchema,
  sqlUserCreateSchema,
} from '../../../src-shared/schemas/sql-databases'
import { accountInput, caller, makeCore, type TestCore } from '../../support/core'
import { hostileString } from '../../support/hostile'

let core: TestCore
let accountId: number
const call = caller(() => core)

beforeEach(async () => {
  core = await makeCore()
  accountId = (await call('accounts:create', accountInput({ username: 'joe' }))).account.id
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

const newDatabase = (overrides: Record<string, unknown> = {}) => ({
  name: 'joe_blog',
  accountId,
  newUser: { username: 'joe_blog', password: 'a long password' },
  ...overrides,
})

describe('database and user rules (spec 4.1, 14.35)', () => {
  it('refuses a MySQL user name of 17 characters and accepts 16', async () => {
    const long = { username: 'a'.repeat(17), accountId, password: 'a long password' }
    expect(await refusal(call('sqlUsers:create', long))).toEqual([
      { field: 'username', rule: 'max_length' },
    ])
    const user = await call('sqlUsers:create', { ...long, username: 'a'.repeat(16) })
    expect(user.user.username).toBe('a'.repeat(16))
    // PostgreSQL roles may be longer.
    await call('sqlUsers:create', { ...long, type: 'postgresql', username: 'b'.repeat(40) })
  })

  it('refuses upper-case letters instead of lower-casing them', async () => {
    const input = { username: 'Joe', accountId, password: 'a long password' }
    expect(await refusal(call('sqlUsers:create', input))).toEqual([
      { field: 'username', rule: 'sql_identifier' },
    ])
    expect(await refusal(call('sqlDatabases:create', newDatabase({ name: 'Blog' })))).toEqual([
      { field: 'name', rule: 'sql_identifier' },
    ])
  })

  it('refuses to link a user of another type', async () => {
    const pgUser = await call('sqlUsers:create', {
      username: 'joe_pg',
      type: 'postgresql',
      accountId,
      password: 'a long password',
    })
    const create = newDatabase({ newUser: undefined, userId: pgUser.user.id })
    expect(await refusal(call('sqlDatabases:create', create))).toEqual([
      { field: 'userId', rule: 'type' },
    ])
    const db = await call('sqlDatabases:create', newDatabase())
    const update = { id: db.database.id, version: db.database.version }
    expect(
      await refusal(call('sqlDatabases:update', { ...update, userIds: [pgUser.user.id] })),
    ).toEqual([{ field: 'userIds', rule: 'type' }])
  })

  it('wants an existing user or a new one, not both and not neither', async () => {
    const user = await call('sqlUsers:create', {
      username: 'joe_app',
      accountId,
      password: 'a long password',
    })
    const both = newDatabase({ userId: user.user.id })
    expect(await refusal(call('sqlDatabases:create', both))).toEqual([
      { field: 'userId', rule: 'one_user' },
    ])
    const neither = newDatabase({ newUser: undefined })
    expect(await refusal(call('sqlDatabases:create', neither))).toEqual([
      { field: 'userId', rule: 'one_user' },
    ])
    const withExisting = await call(
      'sqlDatabases:create',
      newDatabase({ newUser: undefined, userId: user.user.id }),
    )
    expect(withExisting.grants.map((g) => g.username)).toEqual(['joe_app'])
  })

  it('refuses a new user whose name exists, and a user of another account', async () => {
    await call('sqlUsers:create', { username: 'joe_blog', accountId, password: 'a long password' })
    expect(await refusal(call('sqlDatabases:create', newDatabase()))).toEqual([
      { field: 'newUser.username', rule: 'unique' },
    ])
    const ann = (
      await call('accounts:create', accountInput({ username: 'ann', email: 'ann@x.org' }))
    ).account.id
    const annUser = await call('sqlUsers:create', {
      username: 'ann_app',
      accountId: ann,
      password: 'a long password',
    })
    const foreign = newDatabase({ newUser: undefined, userId: annUser.user.id })
    expect(await refusal(call('sqlDatabases:create', foreign))).toEqual([
      { field: 'userId', rule: 'account' },
    ])
  })

  it('keeps names unique per type only', async () => {
    await call('sqlDatabases:create', newDatabase())
    expect(
      await refusal(
        call(
          'sqlDatabases:create',
          newDatabase({ newUser: { username: 'joe_x', password: 'a long password' } }),
        ),
      ),
    ).toEqual([{ field: 'name', rule: 'unique' }])
    const pg = await call('sqlDatabases:create', newDatabase({ type: 'postgresql' }))
    expect(pg.database).toMatchObject({ name: 'joe_blog', type: 'postgresql' })
  })

  it('refuses the names the servers keep for themselves', async () => {
    for (const name of ['mysql', 'information_schema', 'performance_schema', 'sys']) {
      expect(
        sqlDatabaseCreateSchema.safeParse(newDatabase({ name })).error?.issues[0],
      ).toMatchObject({
        params: { rule: 'reserved' },
      })
    }
    for (const name of ['postgres', 'template0', 'template1']) {
      const parsed = sqlDatabaseCreateSchema.safeParse(newDatabase({ name, type: 'postgresql' }))
      expect(parsed.error?.issues[0]).toMatchObject({ params: { rule: 'reserved' } })
    }
    const user = { accountId, password: 'a long password' }
    for (const [username, type] of [
      ['root', 'mysql'],
      ['postgres', 'postgresql'],
      ['pg_monitor', 'postgresql'],
    ] as const) {
      const parsed = sqlUserCreateSchema.safeParse({ ...user, username, type })
      expect(parsed.error?.issues[0]).toMatchObject({ params: { rule: 'reserved' } })
    }
  })

  it('refuses every hostile name and takes only [a-z][a-z0-9_]*', () => {
    fc.assert(
      fc.property(hostileString('/tmp/'), (name) => {
        const parsed = sqlDatabaseCreateSchema.safeParse(newDatabase({ name }))
        if (parsed.success) expect(parsed.data.name).toMatch(/^[a-z][a-z0-9_]{0,63}$/)
        const user = sqlUserCreateSchema.safeParse({
          username: name,
          accountId,
          password: 'p'.repeat(8),
        })
        if (user.success) expect(user.data.username).toMatch(/^[a-z][a-z0-9_]{0,15}$/)
      }),
      { numRuns: 2_000 },
    )
    for (const name of ['-rf', '..', 'a-b', 'a.b', 'a b', "a'b", 'a`b', '1abc', '']) {
      expect(sqlDatabaseCreateSchema.safeParse(newDatabase({ name })).success).toBe(false)
    }
  })

  it('refuses a password with a line break but takes every quote and backslash', () => {
    const base = { username: 'joe_x', accountId }
    expect(sqlUserCreateSchema.safeParse({ ...base, password: 'line one\nline two' }).success).toBe(
      false,
    )
    expect(sqlUserCreateSchema.safeParse({ ...base, password: `'"\\\`$();--` }).success).toBe(true)
    expect(sqlUserCreateSchema.safeParse({ ...base, password: 'short' }).success).toBe(false)
  })
})

describe('database passwords (spec 14.36)', () => {
  it('hashes `password` as MySQL does, and keeps only that', async () => {
    expect(passwordHashFor('mysql', 'password')).toBe('*2470C0C06DEE42FD1618BB99005ADCA2EC9D1E19')
    expect(mysqlNativeHash('password')).toBe('*2470C0C06DEE42FD1618BB99005ADCA2EC9D1E19')
    const user = await call('sqlUsers:create', {
      username: 'joe_h',
      accountId,
      password: 'password',
    })
    expect(user.user.hasPassword).toBe(true)
    expect(JSON.stringify(user)).not.toContain('2470C0C0')
    const [row] = await core.store.read((tx) =>
      tx.select().from(sqlUsers).where(eq(sqlUsers.id, user.user.id)),
    )
    expect(row!.passwordHash).toBe('*2470C0C06DEE42FD1618BB99005ADCA2EC9D1E19')
  })

  it('keeps a PostgreSQL SCRAM verifier, never the password', async () => {
    const user = await call('sqlUsers:create', {
      username: 'joe_pg',
      type: 'postgresql',
      accountId,
      password: 'password',
    })
    const [row] = await core.store.read((tx) =>
      tx.select().from(sqlUsers).where(eq(sqlUsers.id, user.user.id)),
    )
    expect(row!.passwordHash).toMatch(
      /^SCRAM-SHA-256\$4096:[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+$/,
    )
    const history = await core.store.read((tx) => tx.select().from(historyEntries))
    expect(JSON.stringify(history)).not.toContain('password"')
  })
})

describe('owners and deletions', () => {
  it('passes ownership to the next user when the owner is deleted', async () => {
    const db = await call('sqlDatabases:create', newDatabase())
    const second = await call('sqlUsers:create', {
      username: 'joe_two',
      accountId,
      password: 'a long password',
    })
    await call('sqlDatabases:update', {
      id: db.database.id,
      version: db.database.version,
      userIds: [db.grants[0]!.userId, second.user.id],
    })
    await call('sqlUsers:delete', { ids: [db.grants[0]!.userId] })
    const after = await call('sqlDatabases:get', { id: db.database.id })
    expect(after.grants.map((g) => [g.username, g.isOwner])).toEqual([['joe_two', true]])
    const history = await call('history:list', {
      objectType: 'sqlDatabase',
      objectId: db.database.id,
    })
    expect(history.rows[0]).toMatchObject({ action: 'changed', message: 'User joe_blog deleted' })
  })

  it("lists an account's databases and users on its page and deletes them with it", async () => {
    await call('sqlDatabases:create', newDatabase())
    const detail = await call('accounts:get', { id: accountId })
    expect(
      detail.services.filter((s) => s.kind.startsWith('sql')).map((s) => [s.kind, s.name]),
    ).toEqual([
      ['sqlDatabase', 'joe_blog'],
      ['sqlUser', 'joe_blog'],
    ])
    await call('accounts:delete', { id: accountId })
    expect((await call('sqlDatabases:list', {})).total).toBe(0)
    expect((await call('sqlUsers:list', {})).total).toBe(0)
    const history = await call('history:list', { q: 'Deleted with account joe' })
    const sql = history.rows.filter((row) => row.objectType.startsWith('sql'))
    expect(sql.map((row) => row.objectType).sort()).toEqual(['sqlDatabase', 'sqlUser'])
  })

  it('searches and filters lists by name, type and account', async () => {
    await call('sqlDatabases:create', newDatabase())
    await call('sqlDatabases:create', newDatabase({ name: 'joe_shop', type: 'postgresql' }))
    expect((await call('sqlDatabases:list', { q: 'shop' })).rows.map((r) => r.name)).toEqual([
      'joe_shop',
    ])
    const mysql = await call('sqlDatabases:list', { type: 'mysql', accountId })
    expect(mysql.rows.map((r) => [r.name, r.usernames])).toEqual([['joe_blog', ['joe_blog']]])
    const users = await call('sqlUsers:list', { type: 'postgresql' })
    expect(users.rows.map((r) => [r.username, r.databaseNames])).toEqual([
      ['joe_blog', ['joe_shop']],
    ])
  })
})
