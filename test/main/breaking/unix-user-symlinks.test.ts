import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { accountInput, caller, makeCore, type TestCore } from '../../support/core'
import { addTestServer } from '../../support/orchestration'
import { checkScripts } from '../../support/shell'
import { startSshServer, type TestSshServer } from '../../support/ssh-server'

// The main user owns its home, so it may put a symbolic link wherever a user's folder is to
// be. The script that hands the folder over runs as root: following the link it would give
// the new user, and the account, a folder anywhere on the server (here /srv/victim).

describe('a user folder in the main home that is a symbolic link', () => {
  let ssh: TestSshServer
  let core: TestCore
  const call = caller(() => core)
  let joe: number
  const dir = mkdtempSync(join(tmpdir(), 'unix-user-links-'))

  beforeAll(async () => {
    ssh = await startSshServer()
  })
  afterAll(async () => {
    await ssh?.stop()
    rmSync(dir, { recursive: true, force: true })
  })
  beforeEach(async () => {
    core = await makeCore()
    const server = await addTestServer(core, ssh, 'web1')
    await call('routes:create', { backend: 'unix-user', serverId: server.id, match: '' })
    joe = (await call('accounts:create', accountInput({ username: 'joe' }))).account.id
    ssh.exec('rm -rf /srv/victim && mkdir -p /srv/victim && chmod 0755 /srv/victim')
  })
  afterEach(async () => {
    await call('accounts:delete', { id: joe }).catch(() => undefined)
    await core.dispose()
    ssh.exec('rm -rf /srv/victim')
  })

  /** Runs `command` as the account's main user, the way its owner would. */
  const asJoe = (command: string) =>
    ssh.exec(`setpriv --reuid=joe --regid=joe --init-groups sh -c '${command}'`)
  const victim = () => ssh.exec('stat -c "%a %U %G" /srv/victim').trim()
  const acl = () => ssh.exec('getfacl -cp /srv/victim 2>/dev/null | grep -c joe || true').trim()

  async function lastLog() {
    const page = await call('logs:list', { dir: 'asc', pageSize: 200 })
    return call('logs:get', { id: page.rows.at(-1)!.id })
  }

  for (const [what, link, directory] of [
    ['the folder itself', 'ln -s /srv/victim /home/joe/web', 'web'],
    ['a folder it lies in', 'ln -s /srv /home/joe/apps', 'apps/victim'],
  ] as const) {
    it(`is refused on save and left alone on delete when ${what} is a link`, async () => {
      asJoe(link)
      const web = await call('systemUsers:create', {
        accountId: joe,
        username: 'joeweb',
        home: '/home/joe',
        directory,
      })
      expect(victim()).toBe('755 root root')
      expect(acl()).toBe('0')
      const log = await lastLog()
      expect(log.state).toBe('FAILURE')
      expect(log.stderr).toContain(`/home/joe/${directory} is no folder of /home/joe`)

      await call('systemUsers:delete', { ids: [web.user.id] })
      expect(victim()).toBe('755 root root')
    })
  }

  it('leaves the target alone when a folder is swapped for a link after it was given', async () => {
    asJoe('mkdir -p /home/joe/web')
    const web = await call('systemUsers:create', {
      accountId: joe,
      username: 'joeweb',
      home: '/home/joe',
      directory: 'web',
    })
    expect((await lastLog()).state).toBe('SUCCESS')
    expect(ssh.exec('stat -c "%a %U %G" /home/joe/web').trim()).toBe('2770 joeweb joeweb')
    // The main user may rename what lies in its home, and put a link in the folder's place.
    asJoe('mv /home/joe/web /home/joe/old && ln -s /srv/victim /home/joe/web')

    await call('orchestration:orchestrate', {})
    expect(victim()).toBe('755 root root')
    expect(acl()).toBe('0')
    await call('systemUsers:delete', { ids: [web.user.id] })
    expect(victim()).toBe('755 root root')

    const page = await call('logs:list', { dir: 'asc', pageSize: 200 })
    const logs = await Promise.all(page.rows.map((row) => call('logs:get', { id: row.id })))
    const scripts = Object.fromEntries(logs.map((log) => [`log${log.id}`, log.script]))
    expect(checkScripts(dir, scripts)).toEqual([])
  })
})
