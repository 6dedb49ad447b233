import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { accountInput, caller, makeCore, type TestCore } from '../../support/core'
import { startMariadb, type MariadbServer } from '../../support/mariadb-server'
import { addTestServer } from '../../support/orchestration'
import { startSshServer, type TestSshServer } from '../../support/ssh-server'

// While an account is disabled, nothing done to one of its services on its own may unlock it
// on a server: enabling a service, setting a new password or adding a service all leave the
// logins locked until the account itself is enabled. Sending everything again twice leaves
// the servers as they were, with no noise on stderr.

const BACKENDS = ['unix-user', 'dovecot-mailbox', 'postfix-virtual', 'mysql-user', 'mysql-database']

describe('services of a disabled account, changed on their own', () => {
  let ssh: TestSshServer
  let maria: MariadbServer
  let core: TestCore
  const call = caller(() => core)

  beforeAll(async () => {
    ;[ssh, maria] = await Promise.all([startSshServer(), startMariadb()])
    ssh.exec(
      `mkdir -p /etc/orchestra && printf '[client]\\nuser=root\\nsocket=%s\\n' ` +
        `'${maria.socket}' > /etc/orchestra/mysql.cnf`,
    )
  })
  afterAll(async () => {
    await Promise.all([ssh?.stop(), maria?.stop()])
  })
  beforeEach(async () => {
    core = await makeCore()
    const server = await addTestServer(core, ssh, 'web1')
    for (const backend of BACKENDS) {
      await call('routes:create', { backend, serverId: server.id, match: 'true' })
    }
  })
  afterEach(() => core.dispose())

  /** `L` for a locked password, `P` for a usable one, as `passwd -S` reports it. */
  const shadowState = (user: string) => ssh.exec(`passwd -S ${user}`).split(' ')[1]
  /** The account's expiry day as `chage` stores it: 1 is expired, empty is never. */
  const expiry = (user: string) => ssh.exec(`getent shadow ${user} | cut -d: -f8`).trim()
  const mailLogin = (name: string) =>
    ssh.exec(`grep '^${name}:' /etc/dovecot/orchestra/passwd | cut -d: -f2`).trim()
  const login = (user: string, password: string) =>
    maria.queryAs(user, password, 'SELECT 1').status === 0

  async function allLogs() {
    const list = await call('logs:list', { dir: 'asc', pageSize: 200 })
    return Promise.all(list.rows.map((row) => call('logs:get', { id: row.id })))
  }

  /** What the server holds for the account, to compare before and after a run. */
  const serverState = () =>
    ssh.exec(
      [
        'getent passwd joe joe-cgi joeftp joenew | sort',
        'getent shadow joe joe-cgi joeftp joenew | sort',
        'getent group joe joe-cgi joeftp joenew | sort',
        'cat /etc/dovecot/orchestra/passwd',
        'ls -ld /home/joe /home/joeftp /home/joenew 2>&1 | cut -c1-10',
      ].join('; '),
    ) +
    maria.query(
      "SELECT user, host, plugin, authentication_string FROM mysql.user WHERE user LIKE 'joe%' " +
        'ORDER BY user',
    ) +
    maria.query("SHOW CREATE USER 'joe_web'@'localhost'")

  it('keeps every login locked until the account is enabled, whatever is changed', async () => {
    const { account } = await call('accounts:create', accountInput({ username: 'joe' }))
    const ftp = await call('systemUsers:create', {
      accountId: account.id,
      username: 'joeftp',
      password: 'ftp password',
    })
    const old = await call('mailboxes:create', {
      accountId: account.id,
      name: 'old',
      password: 'mail password',
    })
    const db = await call('sqlUsers:create', {
      username: 'joe_web',
      type: 'mysql',
      accountId: account.id,
      password: 'db password',
    })
    await call('systemUsers:setActive', { ids: [ftp.user.id], active: false })
    await call('mailboxes:setActive', { ids: [old.mailbox.id], active: false })
    await call('accounts:setActive', { ids: [account.id], active: false })

    // Each service enabled on its own and given a new password while the account is off.
    await call('systemUsers:setActive', { ids: [ftp.user.id], active: true })
    const ftpNow = await call('systemUsers:get', { id: ftp.user.id })
    await call('systemUsers:update', {
      id: ftp.user.id,
      version: ftpNow.user.version,
      password: 'new ftp password',
    })
    await call('mailboxes:setActive', { ids: [old.mailbox.id], active: true })
    const oldNow = await call('mailboxes:get', { id: old.mailbox.id })
    await call('mailboxes:update', {
      id: old.mailbox.id,
      version: oldNow.mailbox.version,
      password: 'new mail password',
    })
    await call('sqlUsers:update', {
      id: db.user.id,
      version: db.user.version,
      password: 'new db password',
    })
    // And new services added to the disabled account.
    await call('systemUsers:create', {
      accountId: account.id,
      username: 'joenew',
      password: 'another password',
    })
    await call('mailboxes:create', {
      accountId: account.id,
      name: 'fresh',
      password: 'fresh password',
    })
    await call('sqlUsers:create', {
      username: 'joe_new',
      type: 'mysql',
      accountId: account.id,
      password: 'fresh db password',
    })

    for (const user of ['joe', 'joeftp', 'joenew']) {
      expect(shadowState(user), user).toBe('L')
      expect(expiry(user), user).toBe('1')
    }
    expect(mailLogin('old')).toMatch(/^\{SHA512-CRYPT\}!/)
    expect(mailLogin('fresh')).toMatch(/^\{SHA512-CRYPT\}!/)
    expect(login('joe_web', 'new db password')).toBe(false)
    expect(login('joe_new', 'fresh db password')).toBe(false)

    // Sending everything again twice changes nothing on the server, and says nothing.
    const before = serverState()
    for (const run of [1, 2]) {
      const { summary } = await call('orchestration:orchestrate', {})
      expect(summary, `run ${run}`).not.toBeNull()
      expect(serverState(), `run ${run}`).toBe(before)
    }
    expect(shadowState('joeftp')).toBe('L')
    expect(login('joe_web', 'new db password')).toBe(false)

    await call('accounts:setActive', { ids: [account.id], active: true })
    expect(shadowState('joeftp')).toBe('P')
    expect(expiry('joeftp')).toBe('')
    expect(mailLogin('old')).toMatch(/^\{SHA512-CRYPT\}\$6\$/)
    expect(mailLogin('fresh')).toMatch(/^\{SHA512-CRYPT\}\$6\$/)
    expect(login('joe_web', 'new db password')).toBe(true)
    expect(login('joe_new', 'fresh db password')).toBe(true)

    const logs = await allLogs()
    expect(logs.length).toBeGreaterThan(0)
    // The test server runs no Dovecot: the one reload it would need is skipped, and says so.
    const noise = (log: { stderr: string }) =>
      log.stderr.replace('Dovecot is not running here: reload skipped\n', '')
    expect(logs.map((log) => `${log.backend} ${log.state} ${noise(log)}`)).toEqual(
      logs.map((log) => `${log.backend} SUCCESS `),
    )

    await call('accounts:delete', { id: account.id })
    const gone = 'getent passwd joe joe-cgi joeftp joenew || echo gone'
    expect(ssh.exec(gone).trim()).toBe('gone')
    expect(ssh.exec('ls /home')).not.toMatch(/joe/)
    expect(ssh.exec('cat /etc/dovecot/orchestra/passwd')).toBe('')
    expect(maria.query("SELECT user FROM mysql.user WHERE user LIKE 'joe%'")).toBe('')
    const after = await allLogs()
    expect(after.filter((log) => log.state !== 'SUCCESS').map((log) => log.stderr)).toEqual([])
  })
})
