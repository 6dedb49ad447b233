import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { accountInput, caller, makeCore, type TestCore } from '../../support/core'
import { canaries } from '../../support/hostile'
import { addTestServer } from '../../support/orchestration'
import { checkScripts } from '../../support/shell'
import { startSshServer, type TestSshServer } from '../../support/ssh-server'

const POSTFIX = '/etc/postfix/orchestra'
const PASSWD = '/etc/dovecot/orchestra/passwd'
const PASSWORD = 'correct horse'

describe('postfix-virtual and dovecot-mailbox over SSH', () => {
  let ssh: TestSshServer
  let core: TestCore
  let joe: number
  let exampleOrg: number
  const call = caller(() => core)
  const dir = mkdtempSync(join(tmpdir(), 'mail-scripts-'))

  beforeAll(async () => {
    ssh = await startSshServer()
  })
  afterAll(async () => {
    await ssh.stop()
    rmSync(dir, { recursive: true, force: true })
  })
  beforeEach(async () => {
    core = await makeCore()
    ssh.exec(`rm -rf ${POSTFIX} /etc/dovecot/orchestra /etc/dovecot/conf.d/90-orchestra.conf`)
    ssh.exec('rm -rf /var/vmail /etc/pwned*')
    await call('settings:update', { name: 'DOMAINS_DEFAULT_NS', value: ['ns1.example.net.'] })
    joe = (await call('accounts:create', accountInput({ username: 'joe' }))).account.id
    const [domain] = await call('domains:create', { name: 'example.org', accountId: joe })
    exampleOrg = domain!.domain.id
    await call('domains:create', { name: 'orchestra.lan', accountId: joe })
    const server = await addTestServer(core, ssh, 'mail1')
    for (const backend of ['postfix-virtual', 'dovecot-mailbox']) {
      await call('routes:create', { backend, serverId: server.id, match: '' })
    }
  })
  afterEach(() => core.dispose())

  const exists = (path: string) =>
    ssh.exec(`test -e ${path} && echo yes || echo no`).trim() === 'yes'
  const query = (key: string, map = 'virtual_aliases') =>
    ssh.exec(`postmap -c ${POSTFIX} -q ${key} hash:${POSTFIX}/${map} || true`).trim()

  async function logs() {
    const list = await call('logs:list', { dir: 'asc', pageSize: 200 })
    return Promise.all(list.rows.map((row) => call('logs:get', { id: row.id })))
  }

  async function expectAllSucceeded() {
    const all = await logs()
    expect(all.length).toBeGreaterThan(0)
    expect(all.map((log) => `${log.backend} ${log.state} ${log.stderr}`)).toEqual(
      all.map((log) => `${log.backend} SUCCESS ${log.stderr}`),
    )
    const scripts = Object.fromEntries(all.map((log) => [`log${log.id}`, log.script]))
    expect(checkScripts(dir, scripts)).toEqual([])
    return all
  }

  const mailbox = (name: string, fields: Record<string, unknown> = {}) =>
    call('mailboxes:create', { accountId: joe, name, password: PASSWORD, ...fields })

  it('writes the alias line of spec 14.23 and a catch-all, postmap answers them', async () => {
    const alice = await mailbox('alice')
    await call('mailAddresses:create', {
      name: 'info',
      domainId: exampleOrg,
      mailboxIds: [alice.mailbox.id],
      forward: 'x@ext.com',
    })
    await call('mailAddresses:create', { name: '', domainId: exampleOrg, forward: 'y@ext.com' })

    const aliases = ssh.exec(`cat ${POSTFIX}/virtual_aliases`)
    expect(aliases).toContain('info@example.org\talice x@ext.com\n')
    expect(aliases).toContain('@example.org\ty@ext.com\n')
    expect(query('info@example.org')).toBe('alice x@ext.com')
    expect(query('@example.org')).toBe('y@ext.com')
    expect(query('alice@orchestra.lan', 'virtual_mailboxes')).toBe('alice/Maildir/')
    await expectAllSucceeded()
  })

  it('writes no line for alice@orchestra.lan to alice, and removes one (14.24)', async () => {
    const alice = await mailbox('alice')
    const { rows } = await call('mailAddresses:list', { q: 'alice@orchestra.lan' })
    expect(ssh.exec(`cat ${POSTFIX}/virtual_aliases`)).not.toContain('alice@orchestra.lan')
    const address = await call('mailAddresses:update', {
      id: rows[0]!.id,
      version: rows[0]!.version,
      forward: 'a@ext.com',
    })
    expect(query('alice@orchestra.lan')).toBe('alice a@ext.com')
    await call('mailAddresses:update', { id: address.id, version: address.version, forward: '' })
    expect(ssh.exec(`cat ${POSTFIX}/virtual_aliases`)).not.toContain('alice@orchestra.lan')
    expect(query('alice@orchestra.lan')).toBe('')
    expect(alice.mailbox.name).toBe('alice')
  })

  it('lists a domain whose MX is ours or implicit, not one with a foreign MX (14.30)', async () => {
    await call('domains:create', {
      name: 'ours.net',
      accountId: joe,
      records: [{ type: 'MX', value: '10 mail.orchestra.lan.' }],
    })
    await call('domains:create', {
      name: 'other.net',
      accountId: joe,
      records: [{ type: 'MX', value: '10 mx.other.net.' }],
    })
    const { rows } = await call('domains:list', { q: 'net' })
    for (const domain of rows) {
      await call('mailAddresses:create', { name: 'a', domainId: domain.id, forward: 'x@ext.com' })
    }
    await call('mailAddresses:create', { name: 'a', domainId: exampleOrg, forward: 'x@ext.com' })
    const domains = ssh.exec(`grep -v '^#' ${POSTFIX}/virtual_domains`)
    expect(domains).toBe('example.org\nours.net\n')
    await expectAllSucceeded()
  })

  it('removes the lines of a deleted domain’s addresses', async () => {
    await call('mailAddresses:create', { name: 'a', domainId: exampleOrg, forward: 'x@ext.com' })
    expect(query('a@example.org')).toBe('x@ext.com')
    await call('domains:delete', { id: exampleOrg })
    expect(query('a@example.org')).toBe('')
    expect(ssh.exec(`grep -c example.org ${POSTFIX}/virtual_domains || true`).trim()).toBe('0')
  })

  it('writes a passwd-file Dovecot verifies, locked while inactive (14.27)', async () => {
    const bob = await mailbox('bob')
    const line = ssh.exec(`grep '^bob:' ${PASSWD}`).trim()
    expect(line).toMatch(/^bob:\{SHA512-CRYPT\}\$6\$[^:]+:5000:5000::\/var\/vmail\/bob::$/)
    const hash = line.split(':')[1]!
    ssh.exec(`doveadm pw -t '${hash}' -p '${PASSWORD}'`)

    const off = await call('mailboxes:update', {
      id: bob.mailbox.id,
      version: bob.mailbox.version,
      isActive: false,
    })
    const locked = ssh.exec(`grep '^bob:' ${PASSWD}`).split(':')[1]!
    expect(locked).toBe(hash.replace('}', '}!'))
    expect(() => ssh.exec(`doveadm pw -t '${locked}' -p '${PASSWORD}' 2>&1`)).toThrow()

    await call('mailboxes:update', {
      id: bob.mailbox.id,
      version: off.mailbox.version,
      isActive: true,
    })
    expect(ssh.exec(`grep '^bob:' ${PASSWD}`).split(':')[1]).toBe(hash)
    await call('accounts:setActive', { ids: [joe], active: false })
    expect(ssh.exec(`grep '^bob:' ${PASSWD}`).split(':')[1]).toBe(locked)
    await call('accounts:setActive', { ids: [joe], active: true })
    expect(ssh.exec(`grep '^bob:' ${PASSWD}`).split(':')[1]).toBe(hash)
    expect(ssh.exec(`stat -c %a ${PASSWD}`).trim()).toBe('640')
    const all = await expectAllSucceeded()
    expect(all.every((log) => !log.script.includes('$6$'))).toBe(true)
  })

  it('creates Spam for REDIRECT, subscribes it and compiles the script (14.29)', async () => {
    await mailbox('carol')
    expect(exists('/var/vmail/carol/Maildir/.Spam/cur')).toBe(true)
    expect(ssh.exec('cat /var/vmail/carol/Maildir/subscriptions')).toBe('Spam\n')
    expect(ssh.exec('stat -c %u:%g /var/vmail/carol/Maildir/.Spam').trim()).toBe('5000:5000')
    expect(exists('/var/vmail/carol/sieve/orchestra.svbin')).toBe(true)
    ssh.exec('sievec /var/vmail/carol/sieve/orchestra.sieve /tmp/check.svbin')
    await expectAllSucceeded()
  })

  it('answers for an address with a vacation the server compiles', async () => {
    const dana = await mailbox('dana')
    await call('mailAddresses:create', {
      name: 'sales',
      domainId: exampleOrg,
      mailboxIds: [dana.mailbox.id],
      autoresponseEnabled: true,
      autoresponseSubject: 'Away "until" Monday',
      autoresponseMessage: 'Back soon.\nRegards \\ Dana',
    })
    const script = ssh.exec('cat /var/vmail/dana/sieve/orchestra.sieve')
    expect(script).toContain('vacation :days 1 :subject "Away \\"until\\" Monday"')
    ssh.exec('sievec /var/vmail/dana/sieve/orchestra.sieve /tmp/check.svbin')
    await expectAllSucceeded()
  })

  it('removes the user line and the maildir of a deleted mailbox', async () => {
    const erin = await mailbox('erin')
    await mailbox('fred')
    expect(exists('/var/vmail/erin/Maildir')).toBe(true)
    await call('mailboxes:delete', { ids: [erin.mailbox.id] })
    expect(exists('/var/vmail/erin')).toBe(false)
    expect(ssh.exec(`cut -d: -f1 ${PASSWD}`)).toBe('fred\n')
    expect(query('erin@orchestra.lan', 'virtual_mailboxes')).toBe('')
    await expectAllSucceeded()
  })

  it('moves a deleted mailbox aside when MAILBOXES_MOVE_ON_DELETE_PATH is set', async () => {
    await call('settings:update', {
      name: 'MAILBOXES_MOVE_ON_DELETE_PATH',
      value: '/var/vmail-old',
    })
    ssh.exec('rm -rf /var/vmail-old && mkdir -p /var/vmail-old/ivy')
    const ivy = await mailbox('ivy')
    ssh.exec('touch /var/vmail/ivy/Maildir/new/1.eml')
    await call('mailboxes:delete', { ids: [ivy.mailbox.id] })
    expect(exists('/var/vmail/ivy')).toBe(false)
    // The earlier archive of the same name is kept; this one goes beside it.
    expect(exists('/var/vmail-old/ivy.old/Maildir/new/1.eml')).toBe(true)
    await expectAllSucceeded()
  })

  it('tells Postfix when a mailbox is taken out of an address (15.3)', async () => {
    const alice = await mailbox('alice')
    const bob = await mailbox('bob')
    const info = await call('mailAddresses:create', {
      name: 'info',
      domainId: exampleOrg,
      mailboxIds: [alice.mailbox.id, bob.mailbox.id],
    })
    expect(query('info@example.org')).toBe('alice bob')
    await call('mailAddresses:update', {
      id: info.id,
      version: info.version,
      mailboxIds: [bob.mailbox.id],
    })
    expect(query('info@example.org')).toBe('bob')
  })

  it('previews a new mailbox without its hash or anyone else’s, and changes nothing', async () => {
    await mailbox('lea')
    const preview = await call('orchestration:preview', {
      channel: 'mailboxes:create',
      request: { accountId: joe, name: 'max', password: PASSWORD },
    })
    const dovecot = preview.scripts.find((script) => script.backend === 'dovecot-mailbox')!
    expect(dovecot.script).toContain("printf '%s' '***' > /etc/dovecot/orchestra/passwd")
    expect(dovecot.script).not.toContain('$6$')
    expect((await call('mailboxes:list', {})).rows.map((row) => row.name)).toEqual(['lea'])
  })

  it('keeps the Dovecot configuration valid for doveconf on the server', async () => {
    await mailbox('gina')
    expect(exists('/etc/dovecot/conf.d/90-orchestra.conf')).toBe(true)
    ssh.exec('doveconf -n >/dev/null')
  })

  it('carries hostile autoresponse text into Sieve and nowhere else', async () => {
    const hal = await mailbox('hal')
    for (const [index, text] of canaries('/etc/pwned').entries()) {
      await call('mailAddresses:create', {
        name: `h${index}`,
        domainId: exampleOrg,
        mailboxIds: [hal.mailbox.id],
        autoresponseEnabled: true,
        autoresponseSubject: text.replace(/[\r\n]/g, ' ').trim(),
        autoresponseMessage: text.trim() || 'x',
      })
    }
    expect(ssh.exec('ls /etc | grep -c pwned || true').trim()).toBe('0')
    expect(ssh.exec('grep -c vacation /var/vmail/hal/sieve/orchestra.sieve').trim()).toBe('15')
    ssh.exec('sievec /var/vmail/hal/sieve/orchestra.sieve /tmp/check.svbin')
    await expectAllSucceeded()
  })
})
