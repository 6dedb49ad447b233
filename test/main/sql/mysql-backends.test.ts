import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { accountInput, caller, makeCore, type TestCore } from '../../support/core'
import { startMariadb, type MariadbServer } from '../../support/mariadb-server'
import { addTestServer } from '../../support/orchestration'
import { checkScripts } from '../../support/shell'
import { startSshServer, type TestSshServer } from '../../support/ssh-server'
import { HOSTILE_PASSWORD } from './passwords'

describe('MySQL backends against a real MariaDB through a real sshd', () => {
  let ssh: TestSshServer
  let maria: MariadbServer
  let core: TestCore
  let accountId: number
  const call = caller(() => core)
  const dir = mkdtempSync(join(tmpdir(), 'mysql-scripts-'))

  beforeAll(async () => {
    ;[ssh, maria] = await Promise.all([startSshServer(), startMariadb()])
    // The server's administrator points the backends at this MariaDB (README, servers).
    ssh.exec(
      `mkdir -p /etc/orchestra && printf '[client]\\nuser=root\\nsocket=%s\\n' ` +
        `'${maria.socket}' > /etc/orchestra/mysql.cnf`,
    )
  }, 60_000)
  afterAll(async () => {
    await Promise.all([ssh.stop(), maria.stop()])
    rmSync(dir, { recursive: true, force: true })
  })
  beforeEach(async () => {
    core = await makeCore()
    accountId = (await call('accounts:create', accountInput({ username: 'ana' }))).account.id
    const server = await addTestServer(core, ssh, 'db1')
    for (const backend of ['mysql-user', 'mysql-database']) {
      await call('routes:create', { backend, serverId: server.id, match: '' })
    }
  })
  afterEach(async () => {
    await core.dispose()
    const users = maria.query("SELECT User FROM mysql.user WHERE User LIKE 'ana\\_%'")
    for (const user of users.split('\n').filter(Boolean)) {
      maria.query(`DROP USER '${user}'@'localhost'`)
    }
    maria.query('DROP DATABASE IF EXISTS ana_shop')
  })

  async function logs() {
    const list = await call('logs:list', { dir: 'asc', pageSize: 200 })
    return Promise.all(list.rows.map((row) => call('logs:get', { id: row.id })))
  }

  async function expectCleanRuns() {
    const all = await logs()
    for (const log of all) {
      expect({ state: log.state, stderr: log.stderr, backend: log.backend }).toEqual({
        state: 'SUCCESS',
        stderr: '',
        backend: log.backend,
      })
    }
    expect(checkScripts(dir, Object.fromEntries(all.map((l) => [`log${l.id}`, l.script])))).toEqual(
      [],
    )
    return all
  }

  const canLogIn = (user: string, password: string) =>
    maria.queryAs(user, password, 'SELECT CURRENT_USER()').status === 0

  it('creates a database whose owner logs in with a hostile password and uses it', async () => {
    const created = await call('sqlDatabases:create', {
      name: 'ana_shop',
      type: 'mysql',
      accountId,
      newUser: { username: 'ana_admin', password: HOSTILE_PASSWORD },
    })
    expect(created.grants.map((g) => [g.username, g.isOwner])).toEqual([['ana_admin', true]])

    const session = maria.queryAs(
      'ana_admin',
      HOSTILE_PASSWORD,
      'CREATE TABLE ana_shop.items (id INT PRIMARY KEY); INSERT INTO ana_shop.items VALUES (7);' +
        ' SELECT id FROM ana_shop.items;',
    )
    expect(session).toMatchObject({ status: 0, out: '7\n' })
    expect(maria.queryAs('ana_admin', 'wrong password', 'SELECT 1').status).not.toBe(0)
    expect(ssh.exec('test -e /tmp/pwned && echo yes || echo no').trim()).toBe('no')

    const all = await expectCleanRuns()
    // Only the hash travels, and the stored script does not even show that.
    for (const log of all) {
      expect(log.script).not.toContain(HOSTILE_PASSWORD)
      expect(log.script).not.toMatch(/\*[0-9A-F]{40}/)
    }
  })

  it('gives the grant option to the first user only, and revokes a removed one', async () => {
    const db = await call('sqlDatabases:create', {
      name: 'ana_shop',
      accountId,
      newUser: { username: 'ana_u1', password: 'first password' },
    })
    const u2 = await call('sqlUsers:create', {
      username: 'ana_u2',
      accountId,
      password: 'second password',
    })
    const both = await call('sqlDatabases:update', {
      id: db.database.id,
      version: db.database.version,
      userIds: [db.grants[0]!.userId, u2.user.id],
    })
    const grants = (user: string) => maria.query(`SHOW GRANTS FOR '${user}'@'localhost'`)
    expect(grants('ana_u1')).toMatch(
      /GRANT ALL PRIVILEGES ON `ana\\_shop`\.\* .* WITH GRANT OPTION/,
    )
    expect(grants('ana_u2')).toMatch(/GRANT ALL PRIVILEGES ON `ana\\_shop`\.\*/)
    expect(grants('ana_u2')).not.toContain('WITH GRANT OPTION')
    const create = 'CREATE TABLE ana_shop.t2 (id INT)'
    expect(maria.queryAs('ana_u2', 'second password', create).status).toBe(0)

    await call('sqlDatabases:update', {
      id: db.database.id,
      version: both.database.version,
      userIds: [db.grants[0]!.userId],
    })
    expect(grants('ana_u2')).not.toContain('ana\\_shop')
    const denied = maria.queryAs('ana_u2', 'second password', 'SELECT * FROM ana_shop.t2')
    expect(denied.status).not.toBe(0)
    expect(denied.err).toContain('denied')
    await expectCleanRuns()
  })

  it('locks the logins of a disabled account and unlocks them on enable', async () => {
    await call('sqlUsers:create', { username: 'ana_web', accountId, password: 'web password' })
    expect(canLogIn('ana_web', 'web password')).toBe(true)

    await call('accounts:setActive', { ids: [accountId], active: false })
    expect(canLogIn('ana_web', 'web password')).toBe(false)
    expect(maria.queryAs('ana_web', 'web password', 'SELECT 1').err).toContain('locked')

    await call('accounts:setActive', { ids: [accountId], active: true })
    expect(canLogIn('ana_web', 'web password')).toBe(true)
    await expectCleanRuns()
  })

  it('sets a new password, runs again without noise, and drops everything on delete', async () => {
    const db = await call('sqlDatabases:create', {
      name: 'ana_shop',
      accountId,
      newUser: { username: 'ana_admin', password: 'old password' },
    })
    const userId = db.grants[0]!.userId
    const user = await call('sqlUsers:get', { id: userId })
    await call('sqlUsers:update', { id: userId, version: user.user.version, password: 'new pass!' })
    expect(canLogIn('ana_admin', 'old password')).toBe(false)
    expect(canLogIn('ana_admin', 'new pass!')).toBe(true)

    // Everything again, as `orchestra orchestrate` sends it: nothing fails, nothing is said.
    await call('orchestration:orchestrate', { backends: ['mysql-user', 'mysql-database'] })
    await expectCleanRuns()

    await call('sqlDatabases:delete', { ids: [db.database.id] })
    await expectCleanRuns()
    expect(maria.query("SHOW DATABASES LIKE 'ana\\_shop'")).toBe('')
    expect(maria.query("SELECT COUNT(*) FROM mysql.db WHERE Db = 'ana\\\\_shop'")).toBe('0\n')
    await call('sqlUsers:delete', { ids: [userId] })
    expect(maria.query("SELECT COUNT(*) FROM mysql.user WHERE User = 'ana_admin'")).toBe('0\n')
    await expectCleanRuns()
  })

  it('previews the scripts with the hash redacted, and changes nothing', async () => {
    const request = {
      name: 'ana_shop',
      accountId,
      newUser: { username: 'ana_admin', password: HOSTILE_PASSWORD },
    }
    const preview = await call('orchestration:preview', {
      channel: 'sqlDatabases:create',
      request,
    })
    expect(preview.scripts.map((script) => script.backend)).toEqual([
      'mysql-user',
      'mysql-database',
    ])
    const user = preview.scripts[0]!.script
    expect(user).toContain("IDENTIFIED BY PASSWORD '\\''***'\\''")
    expect(user).not.toMatch(/\*[0-9A-F]{40}/)
    expect((await call('sqlDatabases:list', {})).total).toBe(0)
    expect(maria.query("SELECT COUNT(*) FROM mysql.user WHERE User = 'ana_admin'")).toBe('0\n')
  })

  it('drops the databases and logins of a deleted account from the server', async () => {
    await call('sqlDatabases:create', {
      name: 'ana_shop',
      accountId,
      newUser: { username: 'ana_admin', password: 'a long password' },
    })
    await call('accounts:delete', { id: accountId })
    expect(maria.query("SHOW DATABASES LIKE 'ana\\_shop'")).toBe('')
    expect(maria.query("SELECT COUNT(*) FROM mysql.user WHERE User = 'ana_admin'")).toBe('0\n')
    await expectCleanRuns()
  })
})
