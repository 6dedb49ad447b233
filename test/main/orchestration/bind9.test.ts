import { generateKeyPairSync } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { accountInput, caller, makeCore, type TestCore } from '../../support/core'
import { addTestServer } from '../../support/orchestration'
import { checkScripts } from '../../support/shell'
import { startSshServer, type TestSshServer } from '../../support/ssh-server'

const ZONE = 'xn--bckerei-beispiel-vnb.de'
const CHECKZONE = 'named-checkzone -k fail -n fail -i full'

describe('bind9 backends over SSH', () => {
  let ssh: TestSshServer
  let core: TestCore
  let accountId: number
  const call = caller(() => core)
  const dir = mkdtempSync(join(tmpdir(), 'bind9-scripts-'))

  beforeAll(async () => {
    ssh = await startSshServer()
  })
  afterAll(async () => {
    await ssh.stop()
    rmSync(dir, { recursive: true, force: true })
  })
  beforeEach(async () => {
    core = await makeCore()
    ssh.exec('rm -rf /etc/bind')
    accountId = (await call('accounts:create', accountInput({ username: 'ana' }))).account.id
  })
  afterEach(() => core.dispose())

  async function routeTo(backend: 'bind9-master' | 'bind9-slave') {
    const [known] = await call('servers:list', {})
    const server = known ?? (await addTestServer(core, ssh, 'ns1'))
    await call('routes:create', { backend, serverId: server.id, match: '' })
  }

  const exists = (path: string) =>
    ssh.exec(`test -e ${path} && echo yes || echo no`).trim() === 'yes'

  async function scripts() {
    const logs = await call('logs:list', { dir: 'asc' })
    return Promise.all(logs.rows.map((row) => call('logs:get', { id: row.id })))
  }

  it('writes a zone BIND loads, with its stanza, and removes both on delete', async () => {
    await routeTo('bind9-master')
    await call('settings:update', { name: 'DOMAINS_SLAVES', value: ['192.0.2.53'] })
    const { publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 })
    const key = publicKey.export({ type: 'spki', format: 'der' }).toString('base64')
    const [top] = await call('domains:create', {
      name: 'bäckerei-beispiel.de',
      accountId,
      records: [
        { type: 'A', value: '192.0.2.10' },
        { type: 'TXT', value: `"it's \\"quoted\\" \\\\ $(touch /etc/pwned) \`id\`"` },
        { type: 'CAA', value: '0 issue "letsencrypt.org"' },
      ],
    })
    await call('domains:create', {
      name: 'default._domainkey.bäckerei-beispiel.de',
      records: [{ type: 'TXT', value: `"v=DKIM1; k=rsa; p=${key}"` }],
    })

    const zone = ssh.exec(`cat /etc/bind/master/${ZONE}`)
    expect(zone).toContain(`default._domainkey.${ZONE}.`)
    expect(zone).toContain(`${ZONE}.`)
    const loaded = ssh.exec(`${CHECKZONE} ${ZONE} /etc/bind/master/${ZONE}`)
    console.log(`on the server: ${CHECKZONE} ${ZONE} /etc/bind/master/${ZONE}\n${loaded}`)
    expect(loaded).toContain(`zone ${ZONE}/IN: loaded serial ${top!.domain.serial + 1}`)
    expect(exists('/etc/pwned')).toBe(false)

    const stanza = ssh.exec(`cat /etc/bind/orchestra/zones/${ZONE}.conf`)
    expect(stanza).toContain(`zone "${ZONE}" {`)
    expect(stanza).toContain('allow-transfer { 192.0.2.53; };')
    expect(ssh.exec('cat /etc/bind/orchestra/zones.conf')).toBe(
      `include "/etc/bind/orchestra/zones/${ZONE}.conf";\n`,
    )
    expect(ssh.exec('grep -c orchestra/zones.conf /etc/bind/named.conf.local').trim()).toBe('1')
    ssh.exec('named-checkconf /etc/bind/named.conf.local')

    const logs = await scripts()
    expect(logs.map((log) => log.state)).toEqual(['SUCCESS', 'SUCCESS'])
    expect(
      checkScripts(dir, Object.fromEntries(logs.map((l) => [`log${l.id}`, l.script]))),
    ).toEqual([])

    await call('domains:delete', { id: top!.domain.id })
    expect(exists(`/etc/bind/master/${ZONE}`)).toBe(false)
    expect(exists(`/etc/bind/orchestra/zones/${ZONE}.conf`)).toBe(false)
    expect(ssh.exec('cat /etc/bind/orchestra/zones.conf')).toBe('')
    expect((await scripts()).at(-1)!.state).toBe('SUCCESS')
  })

  it('removes the zone of a former top domain that becomes a subdomain', async () => {
    await routeTo('bind9-master')
    await call('domains:create', { name: 'shop.example.org', accountId })
    expect(exists('/etc/bind/master/shop.example.org')).toBe(true)
    await call('domains:create', { name: 'example.org', accountId })

    expect(exists('/etc/bind/master/shop.example.org')).toBe(false)
    expect(ssh.exec('cat /etc/bind/master/example.org')).toContain('shop.example.org.')
    expect(ssh.exec('cat /etc/bind/orchestra/zones.conf')).not.toContain('shop.example.org')
  })

  it('sends bulk SOA and bulk delete as one script each, every zone written once', async () => {
    await routeTo('bind9-master')
    const top = async (name: string) =>
      (await call('domains:create', { name, accountId }))[0]!.domain.id
    const [org, net] = [await top('example.org'), await top('example.net')]
    const subs = []
    for (const name of ['a.example.net', 'b.example.net', 'www.example.org']) {
      subs.push((await call('domains:create', { name }))[0]!.domain.id)
    }
    const before = (await scripts()).length
    const loadedSerial = (zone: string) =>
      ssh.exec(`${CHECKZONE} ${zone} /etc/bind/master/${zone}`).match(/loaded serial (\d+)/)?.[1]

    await call('domains:setSoa', { ids: [org, net], refresh: '2d', expire: '' })
    const soaRun = (await scripts()).slice(before)
    expect(soaRun.map((log) => log.state)).toEqual(['SUCCESS'])
    for (const [id, zone] of [
      [org, 'example.org'],
      [net, 'example.net'],
    ] as const) {
      const { domain } = await call('domains:get', { id })
      expect(loadedSerial(zone)).toBe(String(domain.serial))
      expect(ssh.exec(`cat /etc/bind/master/${zone}`)).toMatch(/ \d{10} 2d 2h 4w 1h$/m)
    }

    await call('domains:deleteMany', { ids: [org, subs[0]!, subs[1]!] })
    const deleteRun = (await scripts()).slice(before + 1)
    expect(deleteRun.map((log) => log.state)).toEqual(['SUCCESS'])
    // Two subdomains of example.net went: its zone is checked and written once.
    const checks = deleteRun[0]!.script.match(/named-checkzone .* example\.net /g)
    expect(checks).toHaveLength(1)
    expect(exists('/etc/bind/master/example.org')).toBe(false)
    const netZone = ssh.exec('cat /etc/bind/master/example.net')
    expect(netZone).not.toMatch(/^[ab]\.example\.net\./m)
    const { domain } = await call('domains:get', { id: net })
    expect(loadedSerial('example.net')).toBe(String(domain.serial))
    expect(ssh.exec('cat /etc/bind/orchestra/zones.conf')).toBe(
      'include "/etc/bind/orchestra/zones/example.net.conf";\n',
    )
  })

  it('keeps a slave stanza naming the masters', async () => {
    await routeTo('bind9-slave')
    await call('settings:update', { name: 'DOMAINS_MASTERS', value: ['192.0.2.1'] })
    const [top] = await call('domains:create', { name: 'example.org', accountId })

    const stanza = ssh.exec('cat /etc/bind/orchestra/zones/example.org.conf')
    expect(stanza).toContain('type slave;')
    expect(stanza).toContain('masters { 192.0.2.1; };')
    ssh.exec('named-checkconf /etc/bind/named.conf.local')
    expect(exists('/etc/bind/master/example.org')).toBe(false)
    // Without the setting, the server routed for the master backend is the master.
    await call('settings:update', { name: 'DOMAINS_MASTERS', value: [] })
    await routeTo('bind9-master')
    await call('domains:update', {
      id: top!.domain.id,
      version: top!.domain.version,
      refresh: '2d',
    })
    // Both backends write the same stanza path on this one server: read what the slave sent.
    const slave = (await scripts()).filter((log) => log.backend === 'bind9-slave').at(-1)!
    expect(slave.state).toBe('SUCCESS')
    expect(slave.script).toContain(`masters { ${ssh.address}; };`)

    await call('domains:delete', { id: top!.domain.id })
    expect(exists('/etc/bind/orchestra/zones/example.org.conf')).toBe(false)
  })
})
