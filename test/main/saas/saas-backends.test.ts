import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { verifyUnixPassword } from '../../../src-main/core/passwords'
import { accountInput, caller, makeCore, type TestCore } from '../../support/core'
import { addTestServer } from '../../support/orchestration'
import { checkScripts } from '../../support/shell'
import { startSshServer, type TestSshServer } from '../../support/ssh-server'

const FARM = '/var/www/wikifarm/farm'
const SITES = '/var/www/drupal/sites'
/** Quotes, `$`, backslashes, a command substitution and a backtick: all must stay data. */
const HOSTILE_PASSWORD = `it's "$HOME" \\n \\ $(touch /etc/pwned) \`touch /etc/pwned2\``

/** A wiki template as a farm keeps one: a conf folder with a users file, some pages. */
const TEMPLATE = [
  'rm -rf /var/www/wikifarm && mkdir -p /var/www/wikifarm/tpl/conf /var/www/wikifarm/tpl/data',
  "printf '# users.auth.php\\n# <?php exit()?>\\nadmin:old:Old:old@x:admin\\n' " +
    '> /var/www/wikifarm/tpl/conf/users.auth.php',
  'echo \'<?php $conf["title"] = "Wiki";\' > /var/www/wikifarm/tpl/conf/local.php',
  'tar -czf /var/www/wikifarm/template.tar.gz -C /var/www/wikifarm/tpl .',
].join(' && ')

describe('SaaS backends over SSH: the DokuWiki farm, Drupal and Moodle multisites', () => {
  let ssh: TestSshServer
  let core: TestCore
  let joe: number
  const call = caller(() => core)
  const dir = mkdtempSync(join(tmpdir(), 'saas-scripts-'))

  beforeAll(async () => {
    ssh = await startSshServer()
  })
  afterAll(async () => {
    await ssh.stop()
    rmSync(dir, { recursive: true, force: true })
  })
  beforeEach(async () => {
    core = await makeCore()
    ssh.exec(`${TEMPLATE} && rm -rf /var/www/drupal /var/www/moodle-mu /var/moodledata /etc/pwned*`)
    // The Moodle installation, whose folder holds the site map.
    ssh.exec('mkdir -p /var/www/moodle-mu')
    await call('settings:update', { name: 'DOMAINS_DEFAULT_NS', value: ['ns1.example.net.'] })
    joe = (await call('accounts:create', accountInput({ username: 'joe' }))).account.id
    await call('domains:create', { name: 'example.org', accountId: joe })
    await call('domains:create', { name: 'wiki.example.org', accountId: joe })
    const server = await addTestServer(core, ssh, 'saas1')
    for (const service of ['dokuwiki', 'drupal', 'moodle']) {
      const match = `instance.service == "${service}"`
      await call('routes:create', { backend: `saas-${service}`, serverId: server.id, match })
    }
  })
  afterEach(() => core.dispose())

  const exists = (path: string) =>
    ssh.exec(`test -e ${path} || test -L ${path} && echo yes || echo no`).trim() === 'yes'

  async function expectAllSucceeded() {
    const list = await call('logs:list', { dir: 'asc', pageSize: 200 })
    const all = await Promise.all(list.rows.map((row) => call('logs:get', { id: row.id })))
    expect(all.length).toBeGreaterThan(0)
    expect(all.map((log) => `${log.backend} ${log.state} ${log.stderr}`)).toEqual(
      all.map((log) => `${log.backend} SUCCESS ${log.stderr}`),
    )
    const scripts = Object.fromEntries(all.map((log) => [`log${log.id}`, log.script]))
    expect(checkScripts(dir, scripts)).toEqual([])
    return all
  }

  const wiki = (password = HOSTILE_PASSWORD, customUrl = '') =>
    call('saas:create', { accountId: joe, service: 'dokuwiki', name: 'notes', password, customUrl })

  it('unpacks a wiki owned by www-data, with an admin line PHP verifies', async () => {
    await wiki()
    const site = `${FARM}/notes.dokuwiki.orchestra.lan`
    expect(ssh.exec(`stat -c '%U:%G' ${site} ${site}/conf/local.php`)).toBe(
      'www-data:www-data\nwww-data:www-data\n',
    )
    const users = ssh.exec(`cat ${site}/conf/users.auth.php`)
    const admin = users.split('\n').filter((line) => line.startsWith('admin:'))
    expect(admin).toHaveLength(1)
    const [, hash, name, email, groups] = admin[0]!.split(':')
    expect([name, email, groups]).toEqual(['joe', 'ana@example.net', 'admin,user'])
    expect(await verifyUnixPassword(HOSTILE_PASSWORD, hash!)).toBe(true)
    // PHP's crypt(), which DokuWiki's PassHash uses for `$6$`, reads the secret from its env.
    const php = spawnSync(
      'php',
      ['-r', 'exit(hash_equals(getenv("HASH"), crypt(getenv("PW"), getenv("HASH"))) ? 0 : 1);'],
      { env: { PATH: process.env.PATH, PW: HOSTILE_PASSWORD, HASH: hash } },
    )
    expect(php.status).toBe(0)
    expect(users).toContain('# <?php exit()?>')
    expect(exists('/etc/pwned') || exists('/etc/pwned2')).toBe(false)

    const all = await expectAllSucceeded()
    const stored = all.map((log) => log.script).join('\n')
    expect(stored).not.toContain(hash)
    expect(stored).not.toContain('HOME')
  })

  it('previews the script with the hash hidden, and changes nothing', async () => {
    const request = {
      accountId: joe,
      service: 'dokuwiki',
      name: 'notes',
      password: HOSTILE_PASSWORD,
    }
    const preview = await call('orchestration:preview', { channel: 'saas:create', request })
    const script = preview.scripts.map((s) => s.script).join('\n')
    expect(script).toMatch(/printf '%s\s' '\*\*\*' \| runuser -u www-data/)
    expect(script).not.toMatch(/\$6\$/)
    expect(script).not.toContain('HOME')
    expect((await call('saas:list', {})).total).toBe(0)
    expect(exists(`${FARM}/notes.dokuwiki.orchestra.lan`)).toBe(false)
  })

  it('replaces the admin line, and writes nothing through a link planted in the wiki', async () => {
    const created = await wiki()
    const conf = `${FARM}/notes.dokuwiki.orchestra.lan/conf`
    ssh.exec(`rm ${conf}/users.auth.php && ln -s /etc/shadow ${conf}/users.auth.php`)
    const shadow = ssh.exec('sha256sum /etc/shadow')
    await call('saas:update', { id: created.tenant.id, version: 1, password: 'a new password' })
    expect(ssh.exec('sha256sum /etc/shadow')).toBe(shadow)
    expect(ssh.exec(`test -L ${conf}/users.auth.php && echo link || echo file`)).toBe('file\n')
    const users = ssh.exec(`cat ${conf}/users.auth.php`)
    expect(users).not.toContain('root:')
    const hash = users
      .split('\n')
      .find((l) => l.startsWith('admin:'))!
      .split(':')[1]!
    expect(await verifyUnixPassword('a new password', hash)).toBe(true)
  })

  it('links the custom domain to the wiki, moves and removes the link', async () => {
    const created = await wiki(HOSTILE_PASSWORD, 'http://wiki.example.org')
    const target = (link: string) => ssh.exec(`readlink ${FARM}/${link}`).trim()
    expect(target('wiki.example.org')).toBe('notes.dokuwiki.orchestra.lan')

    const moved = await call('saas:update', {
      id: created.tenant.id,
      version: 1,
      customUrl: 'https://example.org/',
    })
    expect(exists(`${FARM}/wiki.example.org`)).toBe(false)
    expect(target('example.org')).toBe('notes.dokuwiki.orchestra.lan')

    await call('saas:update', {
      id: created.tenant.id,
      version: moved.tenant.version,
      customUrl: '',
    })
    expect(exists(`${FARM}/example.org`)).toBe(false)
    await expectAllSucceeded()
  })

  it('puts the wiki of a disabled account aside, and back with its link when enabled', async () => {
    await wiki(HOSTILE_PASSWORD, 'http://wiki.example.org/')
    const site = `${FARM}/notes.dokuwiki.orchestra.lan`
    const parked = `${FARM}/.disabled/notes.dokuwiki.orchestra.lan`
    ssh.exec(`echo page > ${site}/conf/page.txt`)

    await call('accounts:setActive', { ids: [joe], active: false })
    expect([exists(site), exists(`${FARM}/wiki.example.org`)]).toEqual([false, false])
    expect(ssh.exec(`cat ${parked}/conf/page.txt`)).toBe('page\n')

    await call('accounts:setActive', { ids: [joe], active: true })
    expect([exists(parked), ssh.exec(`cat ${site}/conf/page.txt`)]).toEqual([false, 'page\n'])
    expect(ssh.exec(`readlink ${FARM}/wiki.example.org`).trim()).toBe(
      'notes.dokuwiki.orchestra.lan',
    )
    await expectAllSucceeded()
  })

  it('deletes the wiki and its links, and leaves the other wikis', async () => {
    const created = await wiki(HOSTILE_PASSWORD, 'http://wiki.example.org/')
    await call('saas:create', {
      accountId: joe,
      service: 'dokuwiki',
      name: 'other',
      password: 'another password',
    })
    await call('saas:delete', { ids: [created.tenant.id] })
    expect(exists(`${FARM}/notes.dokuwiki.orchestra.lan`)).toBe(false)
    expect(exists(`${FARM}/wiki.example.org`)).toBe(false)
    expect(exists(`${FARM}/other.dokuwiki.orchestra.lan/conf/users.auth.php`)).toBe(true)
    await expectAllSucceeded()
  })

  const drupal = (name: string) =>
    call('saas:create', { accountId: joe, service: 'drupal', name, password: HOSTILE_PASSWORD })

  it('creates Drupal sites with their own table prefix and their line of sites.php', async () => {
    await drupal('shop')
    const second = await drupal('shop-2.eu')
    expect(ssh.exec(`stat -c %U ${SITES}/shop`)).toBe('www-data\n')
    for (const file of [`${SITES}/shop/settings.php`, `${SITES}/sites.php`]) {
      expect(ssh.exec(`php -l ${file}`)).toContain('No syntax errors')
    }
    const prefix = (site: string) =>
      ssh.exec(
        `php -r 'include "${SITES}/${site}/settings.php"; ` +
          `echo $databases["default"]["default"]["prefix"];'`,
      )
    expect(prefix('shop')).toBe('shop_')
    expect(prefix('shop-2.eu')).toBe('shop_2_eu_')
    const sites = () => ssh.exec(`php -r 'include "${SITES}/sites.php"; echo json_encode($sites);'`)
    expect(JSON.parse(sites())).toEqual({
      'shop.drupal.orchestra.lan': 'shop',
      'shop-2.eu.drupal.orchestra.lan': 'shop-2.eu',
    })

    await call('saas:delete', { ids: [second.tenant.id] })
    expect(JSON.parse(sites())).toEqual({ 'shop.drupal.orchestra.lan': 'shop' })
    expect(exists(`${SITES}/shop-2.eu`)).toBe(false)
    expect(exists(`${SITES}/shop/settings.php`)).toBe(true)
    await expectAllSucceeded()
  })

  it("keeps a Moodle site's data folder and its custom host in the site map", async () => {
    const learn = await call('saas:create', {
      accountId: joe,
      service: 'moodle',
      name: 'learn',
      password: HOSTILE_PASSWORD,
      customUrl: 'https://example.org/courses/',
    })
    expect(ssh.exec("stat -c '%U %a' /var/moodledata/learn")).toBe('www-data 750\n')
    const map = '/var/www/moodle-mu/site-map.php'
    expect(ssh.exec(`php -l ${map}`)).toContain('No syntax errors')
    const siteMap = () => ssh.exec(`php -r 'include "${map}"; echo json_encode($site_map ?? []);'`)
    expect(JSON.parse(siteMap())).toEqual({
      'example.org': ['learn', 'https://example.org/courses'],
    })

    await call('saas:update', { id: learn.tenant.id, version: 1, customUrl: '' })
    expect(JSON.parse(siteMap())).toEqual([])
    await call('saas:delete', { ids: [learn.tenant.id] })
    expect(exists('/var/moodledata/learn')).toBe(false)
    await expectAllSucceeded()
  })
})
