import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { accountInput, caller, makeCore, type TestCore } from '../../support/core'
import { addTestServer } from '../../support/orchestration'
import { startPostgres, type PostgresServer } from '../../support/postgres-server'
import { checkScripts } from '../../support/shell'
import { startSshServer, type TestSshServer } from '../../support/ssh-server'
import { HOSTILE_PASSWORD } from './passwords'

describe('PostgreSQL backends against a real PostgreSQL through a real sshd', () => {
  let ssh: TestSshServer
  let server: PostgresServer
  let core: TestCore
  let accountId: number
  const call = caller(() => core)
  const dir = mkdtempSync(join(tmpdir(), 'pg-scripts-'))

  /** Runs SQL as `user` with `password`, over TCP with SCRAM as a customer's app would. */
  async function as(user: string, password: string, database: string, sql: string) {
    const client = new pg.Client({
      host: '127.0.0.1',
      port: server.port,
      user,
      password,
      database,
    })
    await client.connect()
    try {
      // Several statements answer with one result each: the last is the one asked for.
      const results = (await client.query(sql)) as pg.QueryResult | pg.QueryResult[]
      return (Array.isArray(results) ? results.at(-1)! : results).rows as Record<string, unknown>[]
    } finally {
      await client.end()
    }
  }

  async function admin(sql: string, database = 'postgres') {
    const client = new pg.Client({
      host: '127.0.0.1',
      port: server.port,
      user: 'postgres',
      database,
    })
    await client.connect()
    try {
      return (await client.query(sql)).rows as Record<string, unknown>[]
    } finally {
      await client.end()
    }
  }

  beforeAll(async () => {
    ;[ssh, server] = await Promise.all([startSshServer(), startPostgres()])
    // The server's administrator points the backends at this PostgreSQL (README, servers).
    ssh.exec(
      'mkdir -p /etc/orchestra && printf ' +
        `'[orchestra]\\nhost=127.0.0.1\\nport=${server.port}\\nuser=postgres\\n` +
        "dbname=postgres\\nsslmode=disable\\n' > /etc/orchestra/pg_service.conf",
    )
  }, 60_000)
  afterAll(async () => {
    server.stop()
    await ssh.stop()
    rmSync(dir, { recursive: true, force: true })
  })
  beforeEach(async () => {
    core = await makeCore()
    accountId = (await call('accounts:create', accountInput({ username: 'ana' }))).account.id
    const db1 = await addTestServer(core, ssh, 'db1')
    for (const backend of ['postgresql-user', 'postgresql-database']) {
      await call('routes:create', { backend, serverId: db1.id, match: '' })
    }
  })
  afterEach(async () => {
    await core.dispose()
    await admin('DROP DATABASE IF EXISTS ana_shop WITH (FORCE)')
    for (const { rolname } of await admin("SELECT rolname FROM pg_roles WHERE rolname LIKE 'ana%'"))
      await admin(`DROP ROLE "${String(rolname)}"`)
  })

  async function expectCleanRuns() {
    const list = await call('logs:list', { dir: 'asc', pageSize: 200 })
    const all = await Promise.all(list.rows.map((row) => call('logs:get', { id: row.id })))
    for (const log of all) {
      expect({ backend: log.backend, state: log.state, stderr: log.stderr }).toEqual({
        backend: log.backend,
        state: 'SUCCESS',
        stderr: '',
      })
    }
    const scripts = Object.fromEntries(all.map((log) => [`log${log.id}`, log.script]))
    expect(checkScripts(dir, scripts)).toEqual([])
    return all
  }

  it('creates a database its owner logs into with a hostile password, and drops it', async () => {
    const created = await call('sqlDatabases:create', {
      name: 'ana_shop',
      type: 'postgresql',
      accountId,
      newUser: { username: 'ana_admin', password: HOSTILE_PASSWORD },
    })
    const rows = await as(
      'ana_admin',
      HOSTILE_PASSWORD,
      'ana_shop',
      'CREATE TABLE items (id int); INSERT INTO items VALUES (7); SELECT id FROM items',
    )
    expect(rows).toEqual([{ id: 7 }])
    const [owner] = await admin(
      "SELECT pg_get_userbyid(datdba) AS owner FROM pg_database WHERE datname = 'ana_shop'",
    )
    expect(owner).toEqual({ owner: 'ana_admin' })
    await expect(as('ana_admin', 'wrong password', 'ana_shop', 'SELECT 1')).rejects.toThrow(
      /password authentication failed/,
    )
    expect(ssh.exec('test -e /tmp/pwned && echo yes || echo no').trim()).toBe('no')
    for (const log of await expectCleanRuns()) expect(log.script).not.toContain('SCRAM-SHA-256$')

    await call('sqlDatabases:delete', { ids: [created.database.id] })
    await call('sqlUsers:delete', { ids: [created.grants[0]!.userId] })
    expect(await admin("SELECT datname FROM pg_database WHERE datname = 'ana_shop'")).toEqual([])
    expect(await admin("SELECT rolname FROM pg_roles WHERE rolname = 'ana_admin'")).toEqual([])
    await expectCleanRuns()
  })

  it('lets a second user connect and create tables, and shuts it out once removed', async () => {
    const db = await call('sqlDatabases:create', {
      name: 'ana_shop',
      type: 'postgresql',
      accountId,
      newUser: { username: 'ana_owner', password: 'owner password' },
    })
    const second = await call('sqlUsers:create', {
      username: 'ana_second',
      type: 'postgresql',
      accountId,
      password: 'second password',
    })
    // Not linked yet: PUBLIC may not connect to a customer's database.
    await expect(as('ana_second', 'second password', 'ana_shop', 'SELECT 1')).rejects.toThrow(
      /permission denied/,
    )
    const both = await call('sqlDatabases:update', {
      id: db.database.id,
      version: db.database.version,
      userIds: [db.grants[0]!.userId, second.user.id],
    })
    await as('ana_second', 'second password', 'ana_shop', 'CREATE TABLE notes (id int)')

    await call('sqlDatabases:update', {
      id: db.database.id,
      version: both.database.version,
      userIds: [db.grants[0]!.userId],
    })
    await expect(as('ana_second', 'second password', 'ana_shop', 'SELECT 1')).rejects.toThrow(
      /permission denied/,
    )
    // Its table stays in the database; deleting the user hands it over and drops the role.
    await call('sqlUsers:delete', { ids: [second.user.id] })
    expect(await admin("SELECT rolname FROM pg_roles WHERE rolname = 'ana_second'")).toEqual([])
    await expectCleanRuns()
  })

  it('locks a disabled account out and back in, sets a password, re-runs quietly', async () => {
    await call('sqlUsers:create', {
      username: 'ana_web',
      type: 'postgresql',
      accountId,
      password: 'web password',
    })
    await as('ana_web', 'web password', 'postgres', 'SELECT 1')
    await call('accounts:setActive', { ids: [accountId], active: false })
    await expect(as('ana_web', 'web password', 'postgres', 'SELECT 1')).rejects.toThrow(
      /not permitted to log in/,
    )
    await call('accounts:setActive', { ids: [accountId], active: true })
    await as('ana_web', 'web password', 'postgres', 'SELECT 1')

    const user = (await call('sqlUsers:list', { q: 'ana_web' })).rows[0]!
    await call('sqlUsers:update', { id: user.id, version: user.version, password: 'new password' })
    await expect(as('ana_web', 'web password', 'postgres', 'SELECT 1')).rejects.toThrow(
      /password authentication failed/,
    )
    await as('ana_web', 'new password', 'postgres', 'SELECT 1')

    // Everything again, as `orchestra orchestrate` sends it: nothing fails, nothing is said.
    await call('sqlDatabases:create', {
      name: 'ana_shop',
      type: 'postgresql',
      accountId,
      userId: user.id,
    })
    await call('orchestration:orchestrate', {
      backends: ['postgresql-user', 'postgresql-database'],
    })
    await as('ana_web', 'new password', 'ana_shop', 'SELECT 1')
    await expectCleanRuns()
  })
})
