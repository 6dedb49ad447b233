import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { verifyUnixPassword } from '../../../src-main/core/passwords'
import { accountInput, caller, makeCore, type TestCore } from '../../support/core'
import { addTestServer } from '../../support/orchestration'
import { checkScripts } from '../../support/shell'
import { startSshServer, type TestSshServer } from '../../support/ssh-server'

/** A password no shell or crypt tool should see unquoted. */
const HOSTILE_PASSWORD = `p'a"s$(touch /etc/pwned)\`id\`;|&\n\\x`

describe('unix-user backend over SSH', () => {
  let ssh: TestSshServer
  let core: TestCore
  let joe: number
  const call = caller(() => core)
  const dir = mkdtempSync(join(tmpdir(), 'unix-user-scripts-'))

  beforeAll(async () => {
    ssh = await startSshServer()
  })
  afterAll(async () => {
    await ssh.stop()
    rmSync(dir, { recursive: true, force: true })
  })
  beforeEach(async () => {
    core = await makeCore()
    const server = await addTestServer(core, ssh, 'web1')
    await call('routes:create', { backend: 'unix-user', serverId: server.id, match: '' })
    joe = (await call('accounts:create', accountInput({ username: 'joe' }))).account.id
  })
  afterEach(async () => {
    await call('accounts:delete', { id: joe }).catch(() => undefined)
    await core.dispose()
  })

  /** A line of /etc/passwd, /etc/shadow or /etc/group, split into its fields. */
  const entry = (file: string, name: string): string[] | undefined => {
    const line = ssh
      .exec(`cat /etc/${file}`)
      .split('\n')
      .find((l) => l.startsWith(`${name}:`))
    return line?.split(':')
  }
  const members = (group: string) => entry('group', group)?.[3]?.split(',').sort() ?? []
  /** Runs `command` as `user` with its groups, and tells whether it succeeded. */
  const as = (user: string, command: string) => {
    try {
      ssh.exec(`setpriv --reuid=${user} --regid=${user} --init-groups sh -c '${command}' 2>&1`)
      return true
    } catch {
      return false
    }
  }
  const users = async () => (await call('systemUsers:list', { accountId: joe })).rows

  async function logs() {
    const page = await call('logs:list', { dir: 'asc', pageSize: 200 })
    return Promise.all(page.rows.map((row) => call('logs:get', { id: row.id })))
  }

  it('creates the main and CGI users with the account, locked, in a 0750 home', async () => {
    expect(entry('passwd', 'joe')?.slice(5)).toEqual(['/home/joe', '/dev/null'])
    expect(entry('passwd', 'joe-cgi')?.slice(5)).toEqual(['/home/joe', '/dev/null'])
    expect(entry('shadow', 'joe')?.[1]).toBe('!')
    expect(entry('shadow', 'joe-cgi')?.[1]).toBe('!')
    expect(ssh.exec('stat -c "%a %U %G" /home/joe').trim()).toBe('750 joe joe')
    expect(ssh.exec('ls -A /home/joe').split('\n').filter(Boolean)).toEqual(
      expect.arrayContaining(['.bashrc', '.profile']),
    )
    expect(ssh.exec('stat -c %U /home/joe/.profile').trim()).toBe('joe')
    expect(ssh.exec('test -e /home/joe-cgi && echo yes || echo no').trim()).toBe('no')
    const scripts = await logs()
    expect(scripts.map((log) => [log.state, log.stderr])).toEqual([['SUCCESS', '']])
  })

  it('creates the users of an account whose username has a dot', async () => {
    const { account } = await call(
      'accounts:create',
      accountInput({ username: 'ana.puig', email: 'ana@puig.example' }),
    )
    expect(entry('passwd', 'ana.puig')?.[5]).toBe('/home/ana.puig')
    expect(entry('passwd', 'ana.puig-cgi')?.[5]).toBe('/home/ana.puig')
    expect((await logs()).at(-1)).toMatchObject({ state: 'SUCCESS', stderr: '' })
    await call('accounts:delete', { id: account.id })
    expect(entry('passwd', 'ana.puig')).toBeUndefined()
  })

  it('lets the CGI user read the account’s files and write none (spec 15.4)', async () => {
    expect(as('joe', 'echo site > /home/joe/index.php && mkdir /home/joe/app')).toBe(true)
    expect(as('joe-cgi', 'cat /home/joe/index.php /home/joe/.profile >/dev/null')).toBe(true)
    expect(as('joe-cgi', 'ls /home/joe/app')).toBe(true)
    expect(as('joe-cgi', 'touch /home/joe/backdoor.php')).toBe(false)
    expect(as('joe-cgi', 'echo x >> /home/joe/index.php')).toBe(false)
    expect(as('joe-cgi', 'touch /home/joe/app/backdoor.php')).toBe(false)
    expect(as('joe-cgi', 'rm -f /home/joe/index.php')).toBe(false)
    expect(ssh.exec('cat /home/joe/index.php')).toBe('site\n')
    expect(as('joe', 'echo more >> /home/joe/index.php && rm /home/joe/index.php')).toBe(true)
  })

  it('puts the main user in every other group, www-data in all (spec 14.34)', async () => {
    const main = (await users())[0]!
    await call('systemUsers:create', { accountId: joe, username: 'joeftp' })
    await call('systemUsers:create', {
      accountId: joe,
      username: 'joessh',
      shell: '/bin/bash',
      groups: [main.id],
    })
    const groupsOf = (user: string) => ssh.exec(`id -Gn ${user}`).trim().split(' ').slice(1).sort()
    expect(groupsOf('joe')).toEqual(['joe-cgi', 'joeftp', 'joessh'])
    expect(groupsOf('joessh')).toEqual(['joe'])
    expect(groupsOf('joe-cgi')).toEqual(['joe'])
    expect(groupsOf('joeftp')).toEqual([])
    for (const group of ['joe', 'joe-cgi', 'joeftp', 'joessh']) {
      expect(members(group)).toContain('www-data')
    }
    expect(entry('passwd', 'joessh')?.slice(5)).toEqual(['/home/joessh', '/bin/bash'])

    // Saving the main user again keeps every group.
    await call('systemUsers:update', { id: main.id, version: main.version, shell: '/bin/bash' })
    expect(groupsOf('joe')).toEqual(['joe-cgi', 'joeftp', 'joessh'])
  })

  it('sets a hostile password as its hash, locks it when disabled and restores it', async () => {
    const created = await call('systemUsers:create', {
      accountId: joe,
      username: 'joeftp',
      password: HOSTILE_PASSWORD,
    })
    const hash = entry('shadow', 'joeftp')![1]!
    expect(hash).toMatch(/^\$6\$/)
    expect(await verifyUnixPassword(HOSTILE_PASSWORD, hash)).toBe(true)
    expect(ssh.exec('test -e /etc/pwned && echo yes || echo no').trim()).toBe('no')
    const stored = (await logs()).map((log) => log.script).join('\n')
    expect(stored).not.toContain(hash)

    await call('systemUsers:setActive', { ids: [created.user.id], active: false })
    expect(entry('shadow', 'joeftp')?.[1]).toBe(`!${hash}`)
    expect(entry('shadow', 'joeftp')?.[7]).toBe('1')
    await call('systemUsers:setActive', { ids: [created.user.id], active: true })
    expect(entry('shadow', 'joeftp')?.[1]).toBe(hash)
    expect(entry('shadow', 'joeftp')?.[7]).toBe('')
  })

  it('locks every user with the account, unlocks only those enabled before', async () => {
    const ftp = await call('systemUsers:create', {
      accountId: joe,
      username: 'joeftp',
      password: 'a',
    })
    const web = await call('systemUsers:create', {
      accountId: joe,
      username: 'joeweb',
      password: 'b',
    })
    await call('systemUsers:setActive', { ids: [web.user.id], active: false })
    const ftpHash = entry('shadow', 'joeftp')![1]!

    await call('accounts:setActive', { ids: [joe], active: false })
    for (const user of ['joe', 'joe-cgi', 'joeftp', 'joeweb']) {
      expect(entry('shadow', user)?.[1]).toMatch(/^!/)
      expect(entry('shadow', user)?.[7]).toBe('1')
    }
    await call('accounts:setActive', { ids: [joe], active: true })
    expect(entry('shadow', 'joeftp')?.[1]).toBe(ftpHash)
    expect(entry('shadow', 'joeweb')?.[1]).toMatch(/^!\$6\$/)
    expect(entry('shadow', 'joeweb')?.[7]).toBe('1')
    expect(entry('shadow', 'joe')?.[7]).toBe('')
    expect(ftp.user.id).toBeGreaterThan(0)
  })

  it('ends a disabled user’s processes, not only its password', async () => {
    const ftp = await call('systemUsers:create', { accountId: joe, username: 'joeftp' })
    ssh.exec('setpriv --reuid=joeftp --regid=joeftp --init-groups sleep 300 >/dev/null 2>&1 &')
    expect(ssh.exec('pgrep -u joeftp || true').trim()).not.toBe('')
    await call('systemUsers:setActive', { ids: [ftp.user.id], active: false })
    expect(ssh.exec('pgrep -u joeftp || true').trim()).toBe('')
  })

  it('gives a user a folder of the main home, and refuses one that does not exist', async () => {
    const web = await call('systemUsers:create', {
      accountId: joe,
      username: 'joeweb',
      home: '/home/joe',
      directory: 'webapps/blog',
    })
    const failed = (await logs()).at(-1)!
    expect(failed.state).toBe('FAILURE')
    expect(failed.stderr).toContain('/home/joe/webapps/blog path does not exist.')

    expect(as('joe', 'mkdir -p /home/joe/webapps/blog')).toBe(true)
    await call('systemUsers:update', {
      id: web.user.id,
      version: web.user.version,
      shell: '/bin/rssh',
    })
    expect((await logs()).at(-1)!.state).toBe('SUCCESS')
    expect(ssh.exec('stat -c "%a %U %G" /home/joe/webapps/blog').trim()).toBe('2770 joeweb joeweb')
    expect(entry('passwd', 'joeweb')?.[5]).toBe('/home/joe/webapps/blog')
    expect(as('joeweb', 'touch /home/joe/webapps/blog/post.html')).toBe(true)
    expect(as('joe', 'echo edited > /home/joe/webapps/blog/post.html')).toBe(true)
    expect(as('joe-cgi', 'touch /home/joe/webapps/blog/shell.php')).toBe(false)
    expect(as('joeweb', 'touch /home/joe/elsewhere')).toBe(false)

    await call('systemUsers:delete', { ids: [web.user.id] })
    expect(entry('passwd', 'joeweb')).toBeUndefined()
    expect(ssh.exec('stat -c "%U %G" /home/joe/webapps/blog/post.html').trim()).toBe('joe joe')
  })

  it('names the folders a routed server lacks, before anything is saved', async () => {
    ssh.exec('mkdir -p /home/joe/webapps/blog')
    const answer = await call('systemUsers:checkPaths', {
      paths: ['/home/joe/webapps/blog', '/home/joe/webapps/shop'],
    })
    expect(answer.missing).toEqual([{ server: 'web1', path: '/home/joe/webapps/shop' }])
    const hostile = await call('systemUsers:checkPaths', { paths: ["/x'$(touch /etc/pwned)"] })
      .then(() => 'accepted')
      .catch(() => 'refused')
    expect(hostile).toBe('refused')
  })

  it('removes extra users, then the account’s users with it, and nothing else', async () => {
    const ftp = await call('systemUsers:create', { accountId: joe, username: 'joeftp' })
    expect(ssh.exec('test -d /home/joeftp && echo yes').trim()).toBe('yes')
    await call('systemUsers:delete', { ids: [ftp.user.id] })
    expect(entry('passwd', 'joeftp')).toBeUndefined()
    expect(entry('group', 'joeftp')).toBeUndefined()
    expect(ssh.exec('test -e /home/joeftp && echo yes || echo no').trim()).toBe('no')
    expect(members('joe')).toEqual(['joe-cgi', 'www-data'])

    await call('accounts:delete', { id: joe })
    for (const user of ['joe', 'joe-cgi']) {
      expect(entry('passwd', user)).toBeUndefined()
      expect(entry('group', user)).toBeUndefined()
    }
    expect(ssh.exec('test -e /home/joe && echo yes || echo no').trim()).toBe('no')
    expect(entry('passwd', 'www-data')).toBeDefined()
    const scripts = await logs()
    expect(scripts.map((log) => log.state).every((state) => state === 'SUCCESS')).toBe(true)
    expect(scripts.map((log) => log.stderr).filter(Boolean)).toEqual([])
  })

  it('moves a deleted home to SYSTEMUSERS_MOVE_ON_DELETE_PATH when set', async () => {
    await call('settings:update', {
      name: 'SYSTEMUSERS_MOVE_ON_DELETE_PATH',
      value: '/home/archive/%(user)s',
    })
    const ftp = await call('systemUsers:create', { accountId: joe, username: 'joeftp' })
    expect(as('joeftp', 'echo keep > /home/joeftp/file')).toBe(true)
    await call('systemUsers:delete', { ids: [ftp.user.id] })
    expect(ssh.exec('cat /home/archive/joeftp/file')).toBe('keep\n')
    expect(ssh.exec('test -e /home/joeftp && echo yes || echo no').trim()).toBe('no')
  })

  it('gives the same server state when everything is sent twice, without noise', async () => {
    await call('systemUsers:create', { accountId: joe, username: 'joeftp', password: 'x' })
    const state = () =>
      ['passwd', 'shadow', 'group', 'gshadow'].map((f) => ssh.exec(`cat /etc/${f}`))
    const before = state()
    const homes = ssh.exec('ls -la /home/joe /home/joeftp')
    await call('orchestration:orchestrate', { backends: ['unix-user'] })
    await call('orchestration:orchestrate', { backends: ['unix-user'] })
    expect(state()).toEqual(before)
    expect(ssh.exec('ls -la /home/joe /home/joeftp')).toBe(homes)
    const scripts = await logs()
    expect(scripts.map((log) => [log.state, log.stderr])).toEqual(
      scripts.map(() => ['SUCCESS', '']),
    )
    expect(
      checkScripts(dir, Object.fromEntries(scripts.map((l) => [`log${l.id}`, l.script]))),
    ).toEqual([])
  })
})
