import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { accountInput, caller, makeCore, type TestCore } from '../../support/core'
import { startMariadb, type MariadbServer } from '../../support/mariadb-server'
import { addTestServer } from '../../support/orchestration'
import { startPostgres, type PostgresServer } from '../../support/postgres-server'
import { checkScripts } from '../../support/shell'
import { startSshServer, type TestSshServer } from '../../support/ssh-server'

// Spec 15.4: disabling suspends for real. A locked database login that keeps the sessions it
// already had open still reads and writes its databases; the sessions must end with the lock.

const BACKENDS = ['mysql-user', 'mysql-database', 'postgresql-user', 'postgresql-database']

async function waitFor(what: string, check: () => boolean | Promise<boolean>, ms = 10_000) {
  const until = Date.now() + ms
  while (Date.now() < until) {
    if (await check()) return
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  throw new Error(`timed out waiting for ${what}`)
}

describe('database sessions of a disabled account', () => {
  let ssh: TestSshServer
  let maria: MariadbServer
  let postgres: PostgresServer
  let core: TestCore
  const call = caller(() => core)
  const open: ChildProcess[] = []
  const clients: pg.Client[] = []
  const dir = mkdtempSync(join(tmpdir(), 'sql-suspension-'))

  async function admin(sql: string) {
    const client = new pg.Client({
      host: '127.0.0.1',
      port: postgres.port,
      user: 'postgres',
      database: 'postgres',
    })
    await client.connect()
    try {
      return (await client.query(sql)).rows as Record<string, unknown>[]
    } finally {
      await client.end()
    }
  }

  beforeAll(async () => {
    ;[ssh, maria, postgres] = await Promise.all([startSshServer(), startMariadb(), startPostgres()])
    ssh.exec(
      `mkdir -p /etc/orchestra && printf '[client]\\nuser=root\\nsocket=%s\\n' ` +
        `'${maria.socket}' > /etc/orchestra/mysql.cnf && printf ` +
        `'[orchestra]\\nhost=127.0.0.1\\nport=${postgres.port}\\nuser=postgres\\n` +
        "dbname=postgres\\nsslmode=disable\\n' > /etc/orchestra/pg_service.conf",
    )
  }, 60_000)
  afterAll(async () => {
    postgres?.stop()
    await Promise.all([ssh?.stop(), maria?.stop()])
    rmSync(dir, { recursive: true, force: true })
  })
  beforeEach(async () => {
    core = await makeCore()
    const server = await addTestServer(core, ssh, 'db1')
    for (const backend of BACKENDS) {
      await call('routes:create', { backend, serverId: server.id, match: '' })
    }
  })
  afterEach(async () => {
    for (const child of open.splice(0)) child.kill('SIGKILL')
    for (const client of clients.splice(0)) await client.end().catch(() => undefined)
    await core.dispose()
    await admin('DROP DATABASE IF EXISTS kim_shop WITH (FORCE)')
    await admin('DROP ROLE IF EXISTS kim_pg')
    await admin('DROP ROLE IF EXISTS kim_pg2')
  })

  const mysqlSessions = () =>
    maria.query("SELECT COUNT(*) FROM information_schema.PROCESSLIST WHERE User = 'kim_my'").trim()
  const pgSessions = async () =>
    (await admin("SELECT COUNT(*)::int AS n FROM pg_stat_activity WHERE usename = 'kim_pg'"))[0]!
      .n as number

  /** An application's long query on MariaDB, and an idle connection pool on PostgreSQL. */
  async function openSessions() {
    const child = spawn(
      'mariadb',
      ['--no-defaults', `--socket=${maria.socket}`, '--user=kim_my', 'kim_site'],
      { env: { ...process.env, MYSQL_PWD: 'session password' }, stdio: ['pipe', 'ignore', 'pipe'] },
    )
    open.push(child)
    child.stdin!.write('SELECT SLEEP(60);\n')
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve))
    const client = new pg.Client({
      host: '127.0.0.1',
      port: postgres.port,
      user: 'kim_pg',
      password: 'session password',
      database: 'kim_shop',
    })
    clients.push(client)
    client.on('error', () => undefined)
    await client.connect()
    await client.query('SELECT 1')
    await waitFor('the MariaDB session', () => mysqlSessions() === '1')
    expect(await pgSessions()).toBe(1)
    return { exited, client }
  }

  async function expectSessionsEnded({ exited, client }: Awaited<ReturnType<typeof openSessions>>) {
    await waitFor('the MariaDB session to end', () => mysqlSessions() === '0')
    expect(await exited).not.toBe(0)
    await waitFor('the PostgreSQL session to end', async () => (await pgSessions()) === 0)
    await expect(client.query('SELECT 1')).rejects.toThrow()
  }

  async function expectCleanLogs() {
    const list = await call('logs:list', { dir: 'asc', pageSize: 200 })
    const logs = await Promise.all(list.rows.map((row) => call('logs:get', { id: row.id })))
    // A backend of the other type writes nothing for an object: NOTHING is its state.
    const states = logs.map((log) => `${log.backend} ${log.state} ${log.stderr}`)
    expect(states.filter((line) => !/^\S+ (SUCCESS|NOTHING) $/.test(line))).toEqual([])
    expect(states.filter((line) => line.includes('SUCCESS')).length).toBeGreaterThan(4)
    const scripts = Object.fromEntries(logs.map((log) => [`log${log.id}`, log.script]))
    expect(checkScripts(dir, scripts)).toEqual([])
  }

  async function kimWithDatabases() {
    const { account } = await call('accounts:create', accountInput({ username: 'kim' }))
    const userIds: number[] = []
    for (const [type, name, username] of [
      ['mysql', 'kim_site', 'kim_my'],
      ['postgresql', 'kim_shop', 'kim_pg'],
    ] as const) {
      const created = await call('sqlDatabases:create', {
        name,
        type,
        accountId: account.id,
        newUser: { username, password: 'session password' },
      })
      userIds.push(created.grants[0]!.userId)
    }
    return { account, userIds }
  }

  it('ends the open MySQL and PostgreSQL sessions when the account is disabled', async () => {
    const { account } = await kimWithDatabases()
    const sessions = await openSessions()
    await call('accounts:setActive', { ids: [account.id], active: false })
    await expectSessionsEnded(sessions)
    // Enabled again, the logins work as before, and a second suspension ends them again.
    await call('accounts:setActive', { ids: [account.id], active: true })
    const again = await openSessions()
    await call('accounts:setActive', { ids: [account.id], active: false })
    await expectSessionsEnded(again)
    await expectCleanLogs()
  })

  it('ends the open sessions of a deleted database user', async () => {
    const { userIds } = await kimWithDatabases()
    const sessions = await openSessions()
    await call('sqlUsers:delete', { ids: userIds })
    await expectSessionsEnded(sessions)
    await expectCleanLogs()
  })

  it('shuts a MySQL user taken off a database out of the session it had open there', async () => {
    const { account, userIds } = await kimWithDatabases()
    const two = await call('sqlUsers:create', {
      username: 'kim_two',
      type: 'mysql',
      accountId: account.id,
      password: 'second password',
    })
    const [site] = (await call('sqlDatabases:list', { accountId: account.id, type: 'mysql' })).rows
    const both = await call('sqlDatabases:update', {
      id: site!.id,
      version: site!.version,
      userIds: [userIds[0]!, two.user.id],
    })
    const child = spawn(
      'mariadb',
      ['--no-defaults', '--unbuffered', `--socket=${maria.socket}`, '--user=kim_two', 'kim_site'],
      { env: { ...process.env, MYSQL_PWD: 'second password' }, stdio: 'pipe' },
    )
    open.push(child)
    let output = ''
    child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()))
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve))
    child.stdin!.write("CREATE TABLE notes (line TEXT); SELECT 'created';\n")
    await waitFor('the table', () => output.includes('created'))

    await call('sqlDatabases:update', {
      id: site!.id,
      version: both.database.version,
      userIds: [userIds[0]!],
    })
    child.stdin!.write("INSERT INTO notes VALUES ('after removal'); SELECT 'still in';\n")
    child.stdin!.end()
    await exited
    expect(output).not.toContain('still in')
    expect(maria.query('SELECT COUNT(*) FROM kim_site.notes').trim()).toBe('0')
    await expectCleanLogs()
  })

  it('ends the MySQL sessions in a database when it is deleted', async () => {
    const { account } = await kimWithDatabases()
    const sessions = await openSessions()
    const [site] = (await call('sqlDatabases:list', { accountId: account.id, type: 'mysql' })).rows
    await call('sqlDatabases:delete', { ids: [site!.id] })
    await waitFor('the MariaDB session to end', () => mysqlSessions() === '0')
    expect(await sessions.exited).not.toBe(0)
    expect(maria.query("SHOW DATABASES LIKE 'kim_site'")).toBe('')
    await expectCleanLogs()
  })

  it('ends the PostgreSQL sessions of a user taken off a database', async () => {
    const { account, userIds } = await kimWithDatabases()
    const two = await call('sqlUsers:create', {
      username: 'kim_pg2',
      type: 'postgresql',
      accountId: account.id,
      password: 'second password',
    })
    const list = await call('sqlDatabases:list', { accountId: account.id, type: 'postgresql' })
    const shop = list.rows[0]!
    const both = await call('sqlDatabases:update', {
      id: shop.id,
      version: shop.version,
      userIds: [userIds[1]!, two.user.id],
    })
    const client = new pg.Client({
      host: '127.0.0.1',
      port: postgres.port,
      user: 'kim_pg2',
      password: 'second password',
      database: 'kim_shop',
    })
    clients.push(client)
    client.on('error', () => undefined)
    await client.connect()
    await client.query('CREATE TABLE notes (line text)')

    await call('sqlDatabases:update', {
      id: shop.id,
      version: both.database.version,
      userIds: [userIds[1]!],
    })
    await expect(client.query("INSERT INTO notes VALUES ('after removal')")).rejects.toThrow()
    await expectCleanLogs()
    await call('sqlUsers:delete', { ids: [two.user.id] })
  })
})
