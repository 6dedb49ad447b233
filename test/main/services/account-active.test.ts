import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { accountInput, caller, makeCore, type TestCore } from '../../support/core'
import { startMariadb, type MariadbServer } from '../../support/mariadb-server'
import { addTestServer } from '../../support/orchestration'
import { startSshServer, type TestSshServer } from '../../support/ssh-server'

// Disabling an account disables each of its services on the servers; enabling it restores
// exactly the services that were enabled before, since each keeps its own flag. Then deleting
// the account takes them off the servers.

const BACKENDS = ['unix-user', 'dovecot-mailbox', 'postfix-virtual', 'mysql-user', 'mysql-database']

describe('an account disabled, enabled and deleted, as its servers see it', () => {
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
  const mailLogin = (name: string) =>
    ssh.exec(`grep '^${name}:' /etc/dovecot/orchestra/passwd | cut -d: -f2`).trim()
  const dbLocked = (user: string) =>
    maria.query(`SHOW CREATE USER '${user}'@'localhost'`).includes('ACCOUNT LOCK')
  const login = (user: string, password: string) =>
    maria.queryAs(user, password, 'SELECT 1').status === 0

  it('locks a disabled account’s services, unlocks only those enabled before', async () => {
    const { account } = await call('accounts:create', accountInput({ username: 'joe' }))
    const extra = await call('systemUsers:create', {
      accountId: account.id,
      username: 'joeftp',
      password: 'ftp password',
    })
    const [inbox, archive] = [
      await call('mailboxes:create', { accountId: account.id, name: 'joe', password: 'mail one' }),
      await call('mailboxes:create', { accountId: account.id, name: 'old', password: 'mail two' }),
    ]
    await call('sqlUsers:create', {
      username: 'joe_web',
      type: 'mysql',
      accountId: account.id,
      password: 'db password',
    })
    // Two services disabled on their own, before the account is.
    await call('systemUsers:setActive', { ids: [extra.user.id], active: false })
    await call('mailboxes:setActive', { ids: [archive.mailbox.id], active: false })

    expect(shadowState('joeftp')).toBe('L')
    expect(mailLogin('joe')).toMatch(/^\{SHA512-CRYPT\}\$6\$/)
    expect(mailLogin('old')).toMatch(/^\{SHA512-CRYPT\}!/)
    expect(login('joe_web', 'db password')).toBe(true)

    await call('accounts:setActive', { ids: [account.id], active: false })
    expect(shadowState('joeftp')).toBe('L')
    expect(mailLogin('joe')).toMatch(/^\{SHA512-CRYPT\}!/)
    expect(mailLogin('old')).toMatch(/^\{SHA512-CRYPT\}!/)
    expect(dbLocked('joe_web')).toBe(true)
    expect(login('joe_web', 'db password')).toBe(false)

    await call('accounts:setActive', { ids: [account.id], active: true })
    expect(shadowState('joeftp')).toBe('L')
    expect(mailLogin('joe')).toMatch(/^\{SHA512-CRYPT\}\$6\$/)
    expect(mailLogin('old')).toMatch(/^\{SHA512-CRYPT\}!/)
    expect(dbLocked('joe_web')).toBe(false)
    expect(login('joe_web', 'db password')).toBe(true)
    expect(inbox.mailbox.isActive).toBe(true)

    const logs = await call('logs:list', { pageSize: 200 })
    expect(logs.rows.filter((row) => row.state !== 'SUCCESS')).toEqual([])

    await call('accounts:delete', { id: account.id })
    expect(ssh.exec('getent passwd joe joeftp joe-cgi || echo gone').trim()).toBe('gone')
    expect(ssh.exec('cat /etc/dovecot/orchestra/passwd')).toBe('')
    expect(maria.query("SELECT user FROM mysql.user WHERE user = 'joe_web'")).toBe('')
  })
})
