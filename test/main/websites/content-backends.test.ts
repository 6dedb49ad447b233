import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { shellQuote } from '../../../src-main/core/escape'
import { webapps } from '../../../src-main/db/schema'
import { accountInput, caller, makeCore, type TestCore } from '../../support/core'
import { addTestServer } from '../../support/orchestration'
import { checkScripts } from '../../support/shell'
import { startSshServer, type TestSshServer } from '../../support/ssh-server'

const BACKENDS = [
  'unix-user',
  'webapp-static',
  'apache2-website',
  'webalizer-content',
  'wordpress-content',
  'moodle-content',
]
const MODULES = 'proxy proxy_fcgi suexec ssl rewrite headers actions'
const STATS = '/home/joe/webapps/stats'
const CONFS = '/home/httpd/webalizer'
const BLOG = '/home/joe/webapps/blog'
const LEARN = '/home/joe/webapps/learn'

/** A database password only PHP's own reading gives back whole. */
const DB_PASSWORD = `a'b"c\\d$e{$f}`

/** wp-config.php as WordPress's sample has it, down to the line that loads WordPress. */
const WP_CONFIG = [
  '<?php',
  `define( 'DB_NAME', 'wp_blog_joe' );`,
  `define( 'DB_PASSWORD', '${DB_PASSWORD.replace(/[\\']/g, '\\$&')}' );`,
  `define( 'NONCE_SALT', 'x' );`,
  `$table_prefix = 'wp_';`,
  `define( 'WP_DEBUG', false );`,
  `/* That's all, stop editing! Happy publishing. */`,
  `if ( ! defined( 'ABSPATH' ) ) {`,
  `\tdefine( 'ABSPATH', __DIR__ . '/' );`,
  '}',
  `require_once ABSPATH . 'wp-settings.php';`,
  '',
].join('\n')

/** config.php as Moodle's installer writes it. */
const MOODLE_CONFIG = [
  '<?php  // Moodle configuration file',
  '',
  'unset($CFG);',
  'global $CFG;',
  '$CFG = new stdClass();',
  '',
  `$CFG->dbtype    = 'mariadb';`,
  `$CFG->dbpass    = '${DB_PASSWORD.replace(/[\\']/g, '\\$&')}';`,
  `$CFG->wwwroot   = 'http://localhost/moodle';`,
  `$CFG->dataroot  = '/home/joe/moodledata';`,
  '',
  `require_once(__DIR__ . '/lib/setup.php');`,
  '',
].join('\n')

describe('content backends over SSH', () => {
  let ssh: TestSshServer
  let core: TestCore
  let joe: number
  const domainIds: Record<string, number> = {}
  const call = caller(() => core)
  const dir = mkdtempSync(join(tmpdir(), 'content-scripts-'))

  beforeAll(async () => {
    ssh = await startSshServer()
    ssh.exec(`a2enmod -q ${MODULES} >/dev/null`)
  })
  afterAll(async () => {
    await ssh.stop()
    rmSync(dir, { recursive: true, force: true })
  })
  beforeEach(async () => {
    core = await makeCore()
    ssh.exec(`rm -rf /home/joe/webapps ${CONFS} /etc/apache2/sites-*/joe-*`)
    const server = await addTestServer(core, ssh, 'web1')
    for (const backend of BACKENDS) {
      await call('routes:create', { backend, serverId: server.id, match: '' })
    }
    joe = (await call('accounts:create', accountInput({ username: 'joe' }))).account.id
    for (const name of ['example.org', 'shop.example.org', 'a.example.org']) {
      const [domain] = await call('domains:create', { name, accountId: joe })
      domainIds[name] = domain!.domain.id
    }
  })
  afterEach(() => core.dispose())

  const exists = (path: string) =>
    ssh.exec(`test -e ${path} && echo yes || echo no`).trim() === 'yes'
  /** PHP on the server reads a file back, as WordPress or Moodle would at their start. */
  const php = (folder: string, code: string) =>
    ssh.exec(`cd ${folder} && php -r ${shellQuote(code)}`)

  async function webapp(name: string, type: string, runtime = '') {
    const [row] = await core.store.write((tx) =>
      tx.insert(webapps).values({ name, type, accountId: joe, runtime }).returning(),
    )
    return row!.id
  }

  /** Every content log so far: all of them passed, and their scripts pass shellcheck. */
  async function contentLogs() {
    const list = await call('logs:list', { dir: 'asc', pageSize: 200 })
    const all = await Promise.all(list.rows.map((row) => call('logs:get', { id: row.id })))
    const logs = all.filter((log) => log.backend.endsWith('-content'))
    const scripts = Object.fromEntries(logs.map((log) => [`log${log.id}`, log.script]))
    expect(checkScripts(dir, scripts)).toEqual([])
    expect(logs.map((log) => `${log.backend} ${log.state} ${log.stderr}`)).toEqual(
      logs.map((log) => `${log.backend} SUCCESS `),
    )
    return logs
  }

  /** A file as the app's installer left it: the main user's, read by no one else. */
  function installed(path: string, content: string) {
    const folder = path.slice(0, path.lastIndexOf('/'))
    const text = Buffer.from(content).toString('base64')
    ssh.exec(`install -d -o joe -g joe -m 0750 ${folder}`)
    ssh.exec(`echo ${text} | base64 -d > ${path} && chown joe:joe ${path} && chmod 0640 ${path}`)
  }

  it('gives each site mounting a Webalizer app its configuration and statistics', async () => {
    const stats = await webapp('stats', 'webalizer')
    const site = (name: string, domain: string) =>
      call('websites:create', {
        accountId: joe,
        name,
        domainIds: [domainIds[domain]!],
        contents: [{ webappId: stats, path: '/stats' }],
      })
    const main = await site('main', 'example.org')
    const shop = await site('shop', 'shop.example.org')

    const conf = ssh.exec(`cat ${CONFS}/joe-main.conf`)
    expect(conf).toContain('\nLogFile /var/log/apache2/virtual/joe-main.log\n')
    expect(conf).toContain(`\nOutputDir ${STATS}/main\n`)
    expect(conf).toContain('\nHostName main\n')
    expect(ssh.exec(`stat -c '%U:%G %a' ${STATS}/main`).trim()).toBe('joe:www-data 750')
    expect(ssh.exec(`cat ${STATS}/shop/index.html`)).toContain('The statistics of shop appear')
    const vhost = ssh.exec('cat /etc/apache2/sites-available/joe-main.conf')
    expect(vhost).toContain(`Alias "/stats" "${STATS}/main"`)
    expect(ssh.exec('apache2ctl -t 2>&1')).toContain('Syntax OK')

    // What the log rotation hook runs: Webalizer itself, over the site's log.
    const hit = '192.0.2.7 - - [04/Dec/2026:10:00:00 +0000] "GET /a.html HTTP/1.1" 200 512'
    ssh.exec(`printf '%s\\n' '${hit}' '${hit}' > /var/log/apache2/virtual/joe-main.log`)
    ssh.exec(`webalizer -q -c ${CONFS}/joe-main.conf`)
    expect(ssh.exec(`cat ${STATS}/main/index.html`)).toContain('Usage statistics for main')
    expect(ssh.exec(`ls ${STATS}/main`)).toContain('usage_202612.html')

    // A site that stops mounting the app, and one deleted: their files go, the app stays.
    await call('websites:update', {
      id: main.website.id,
      version: main.website.version,
      contents: [],
    })
    expect(exists(`${CONFS}/joe-main.conf`)).toBe(false)
    expect(exists(`${STATS}/main`)).toBe(false)
    expect(exists(`${CONFS}/joe-shop.conf`)).toBe(true)
    await call('websites:delete', { ids: [shop.website.id] })
    expect(exists(`${CONFS}/joe-shop.conf`)).toBe(false)
    expect(exists(`${STATS}/shop`)).toBe(false)
    expect(exists(STATS)).toBe(true)

    // The app deleted: what was left pointing into its folder goes, another app's stays.
    ssh.exec(`printf 'OutputDir ${STATS}/old\\n' > ${CONFS}/joe-old.conf`)
    ssh.exec(`printf 'OutputDir ${STATS}-2/x\\n' > ${CONFS}/joe-x.conf`)
    await call('webapps:delete', { ids: [stats] })
    expect(exists(`${CONFS}/joe-old.conf`)).toBe(false)
    expect(exists(`${CONFS}/joe-x.conf`)).toBe(true)
    await contentLogs()
  })

  it('writes the site URL into wp-config.php, forcing SSL for the admin on HTTPS', async () => {
    const blog = await webapp('blog', 'wordpress-php', '8.2-fpm')
    installed(`${BLOG}/wp-config.php`, WP_CONFIG)
    ssh.exec(`touch ${BLOG}/wp-settings.php`)
    const created = await call('websites:create', {
      accountId: joe,
      name: 'main',
      protocol: 'http/https',
      domainIds: [domainIds['example.org']!, domainIds['shop.example.org']!],
      contents: [{ webappId: blog, path: '/blog/' }],
    })
    const read = `require 'wp-config.php'; echo json_encode([WP_HOME, WP_SITEURL,
      defined('FORCE_SSL_ADMIN') ? FORCE_SSL_ADMIN : null, DB_PASSWORD]);`
    expect(ssh.exec(`php -l ${BLOG}/wp-config.php`)).toContain('No syntax errors')
    expect(JSON.parse(php(BLOG, read))).toEqual([
      'http://example.org/blog',
      'http://example.org/blog',
      true,
      DB_PASSWORD,
    ])
    expect(ssh.exec(`stat -c '%U:%G %a' ${BLOG}/wp-config.php`).trim()).toBe('joe:joe 640')

    const updated = await call('websites:update', {
      id: created.website.id,
      version: created.website.version,
      protocol: 'http',
    })
    const noSsl = `require 'wp-config.php'; var_export(defined('FORCE_SSL_ADMIN'));`
    expect(php(BLOG, noSsl)).toBe('false')

    // Unmounted, the app goes back to the file it had and its database options.
    await call('websites:update', {
      id: updated.website.id,
      version: updated.website.version,
      contents: [],
    })
    expect(ssh.exec(`cat ${BLOG}/wp-config.php`)).toBe(WP_CONFIG)
    await contentLogs()
  })

  it('follows no link put in place of wp-config.php, and waits for an install', async () => {
    const blog = await webapp('blog', 'wordpress-php', '8.2-fpm')
    ssh.exec(`install -d -o joe -g joe ${BLOG} && echo secret > /etc/orchestra-target`)
    ssh.exec(`ln -s /etc/orchestra-target ${BLOG}/wp-config.php`)
    await call('websites:create', {
      accountId: joe,
      name: 'main',
      domainIds: [domainIds['example.org']!],
      contents: [{ webappId: blog, path: '/' }],
    })
    expect(ssh.exec('cat /etc/orchestra-target')).toBe('secret\n')
    const [log] = await contentLogs()
    expect(log!.stdout).toContain('WordPress is not installed yet')
  })

  it('rewrites the wwwroot of a Moodle app to the URL of its site', async () => {
    const learn = await webapp('learn', 'moodle-php', '8.2-fpm')
    installed(`${LEARN}/config.php`, MOODLE_CONFIG)
    ssh.exec(`install -d ${LEARN}/lib && touch ${LEARN}/lib/setup.php`)
    const created = await call('websites:create', {
      accountId: joe,
      name: 'learn',
      protocol: 'https-only',
      domainIds: [domainIds['shop.example.org']!],
      contents: [{ webappId: learn, path: '/' }],
    })
    const read = `require 'config.php'; echo json_encode([$CFG->wwwroot, $CFG->dbpass]);`
    expect(ssh.exec(`php -l ${LEARN}/config.php`)).toContain('No syntax errors')
    expect(JSON.parse(php(LEARN, read))).toEqual(['https://shop.example.org', DB_PASSWORD])
    const wanted = MOODLE_CONFIG.replace(`'http://localhost/moodle'`, `'https://shop.example.org'`)
    expect(ssh.exec(`cat ${LEARN}/config.php`)).toBe(wanted)

    // A domain that sorts first becomes the server name, and so the address.
    await call('websites:update', {
      id: created.website.id,
      version: created.website.version,
      domainIds: [domainIds['shop.example.org']!, domainIds['a.example.org']!],
    })
    expect(JSON.parse(php(LEARN, read))[0]).toBe('https://a.example.org')
    await contentLogs()
  })
})
