import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { certificates, webapps, websites } from '../../../src-main/db/schema'
import { accountInput, caller, countRows, makeCore, type TestCore } from '../../support/core'
import { canaries } from '../../support/hostile'
import { addTestServer } from '../../support/orchestration'
import { checkScripts } from '../../support/shell'
import { startSshServer, type TestSshServer } from '../../support/ssh-server'

const APACHE = '/etc/apache2'
const NGINX = '/etc/nginx'
const CERT = '/etc/ssl/orchestra-test/cert.pem'
const KEY = '/etc/ssl/orchestra-test/key.pem'
/** The modules a web server of the spec (6.6) has enabled. */
const MODULES = 'proxy proxy_fcgi proxy_http proxy_uwsgi fcgid suexec ssl rewrite headers actions'

describe('apache2-website and nginx-website over SSH', () => {
  let ssh: TestSshServer
  let core: TestCore
  let joe: number
  const domainIds: Record<string, number> = {}
  const call = caller(() => core)
  const dir = mkdtempSync(join(tmpdir(), 'website-scripts-'))

  beforeAll(async () => {
    ssh = await startSshServer()
    ssh.exec(`a2enmod -q ${MODULES} >/dev/null`)
    ssh.exec(`install -d ${CERT.slice(0, CERT.lastIndexOf('/'))}`)
    ssh.exec(
      `openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj /CN=example.org ` +
        `-keyout ${KEY} -out ${CERT} 2>/dev/null`,
    )
  })
  afterAll(async () => {
    await ssh.stop()
    rmSync(dir, { recursive: true, force: true })
  })
  beforeEach(async () => {
    core = await makeCore()
    ssh.exec(`rm -f ${APACHE}/sites-available/joe-* ${APACHE}/sites-enabled/joe-*`)
    ssh.exec(`rm -f ${NGINX}/sites-available/joe-* ${NGINX}/sites-enabled/joe-*`)
    const server = await addTestServer(core, ssh, 'web1')
    for (const backend of ['unix-user', 'apache2-website', 'nginx-website']) {
      await call('routes:create', { backend, serverId: server.id, match: '' })
    }
    joe = (await call('accounts:create', accountInput({ username: 'joe' }))).account.id
    for (const name of ['example.org', 'www.example.org', 'other.example.org']) {
      const [domain] = await call('domains:create', { name, accountId: joe })
      domainIds[name] = domain!.domain.id
    }
  })
  afterEach(() => core.dispose())

  const exists = (path: string) =>
    ssh.exec(`test -e ${path} && echo yes || echo no`).trim() === 'yes'
  const apacheChecks = () => ssh.exec('apache2ctl -t 2>&1')
  const nginxChecks = () => ssh.exec('nginx -t 2>&1')

  /** A web app row as the web app channels would store it. */
  async function webapp(name: string, type: string, runtime = '') {
    const [row] = await core.store.write((tx) =>
      tx.insert(webapps).values({ name, type, accountId: joe, runtime }).returning(),
    )
    return row!.id
  }

  async function logs() {
    const list = await call('logs:list', { dir: 'asc', pageSize: 200 })
    return Promise.all(list.rows.map((row) => call('logs:get', { id: row.id })))
  }

  async function websiteLogs() {
    const all = (await logs()).filter((log) => log.backend.endsWith('-website'))
    const scripts = Object.fromEntries(all.map((log) => [`log${log.id}`, log.script]))
    expect(checkScripts(dir, scripts)).toEqual([])
    return all
  }

  async function theJourneySite(protocol: 'http' | 'http/https' = 'http/https') {
    const blog = await webapp('blog', 'wordpress-php', '8.2-fpm')
    const files = await webapp('files', 'static')
    return call('websites:create', {
      accountId: joe,
      name: 'main',
      protocol,
      domainIds: [domainIds['www.example.org']!, domainIds['example.org']!],
      contents: [
        { webappId: blog, path: '/' },
        { webappId: files, path: '/static/' },
      ],
      directives: [
        { name: 'redirect', value: '/old https://example.net/new' },
        { name: 'error-document', value: '404 /static/404.html' },
        { name: 'ssl-cert', value: CERT },
        { name: 'ssl-key', value: KEY },
      ],
    })
  }

  it('serves the same website through Apache and nginx, and both checkers accept it', async () => {
    const detail = await theJourneySite()
    expect(detail.uniqueName).toBe('joe-main')

    const all = await websiteLogs()
    expect(all.map((log) => `${log.backend} ${log.state}`).sort()).toEqual([
      'apache2-website SUCCESS',
      'nginx-website SUCCESS',
    ])
    expect(apacheChecks()).toContain('Syntax OK')
    expect(nginxChecks()).toContain('test is successful')

    const apache = ssh.exec(`cat ${APACHE}/sites-available/joe-main.conf`)
    expect(apache).toContain('<VirtualHost *:80>')
    expect(apache).toContain('<VirtualHost *:443>')
    expect(apache).toContain('ServerName "example.org"')
    expect(apache).toContain('ServerAlias "www.example.org"')
    expect(apache).toContain('SuexecUserGroup "joe-cgi" "joe-cgi"')
    expect(apache).toContain('Alias "/static" "/home/joe/webapps/files"')
    expect(apache).toContain('DocumentRoot "/home/joe/webapps/blog"')
    expect(apache).toContain('Redirect permanent "/old" "https://example.net/new"')
    expect(apache).toContain('ErrorDocument 404 "/static/404.html"')
    expect(apache).toContain(`SSLCertificateFile "${CERT}"`)
    expect(apache).toMatch(/<Directory "\/home\/joe\/webapps\/blog\/wp-content\/uploads">/)
    expect(exists(`${APACHE}/sites-enabled/joe-main.conf`)).toBe(true)

    const nginx = ssh.exec(`cat ${NGINX}/sites-available/joe-main.conf`)
    expect(nginx).toContain('server_name "example.org" "www.example.org";')
    expect(nginx).toContain('listen 443 ssl;')
    expect(nginx).toContain('error_page 404 "/static/404.html";')
    expect(nginx).toContain('location = "/old" {\n        return 301 "https://example.net/new";')
    expect(nginx).toContain('location ^~ "/wp-content/uploads/" {')
    expect(nginx).toMatch(/fastcgi_pass "unix:\/run\/php\/php8\.2-joe-blog\.sock";/)
    expect(ssh.exec(`readlink ${NGINX}/sites-enabled/joe-main.conf`).trim()).toBe(
      `${NGINX}/sites-available/joe-main.conf`,
    )
  })

  it('leaves an unchanged file alone when a site is saved again', async () => {
    const detail = await theJourneySite('http')
    const file = `${APACHE}/sites-available/joe-main.conf`
    const before = ssh.exec(`stat -c %i ${file}`)
    await call('websites:setActive', { ids: [detail.website.id], active: false })
    await call('websites:setActive', { ids: [detail.website.id], active: true })
    expect(exists(`${APACHE}/sites-enabled/joe-main.conf`)).toBe(true)
    expect(ssh.exec(`stat -c %i ${file}`)).toBe(before)
  })

  it('disables an inactive site and keeps its file; deleting removes the files', async () => {
    const detail = await theJourneySite('http')
    await call('websites:setActive', { ids: [detail.website.id], active: false })
    expect(exists(`${APACHE}/sites-available/joe-main.conf`)).toBe(true)
    expect(exists(`${APACHE}/sites-enabled/joe-main.conf`)).toBe(false)
    expect(exists(`${NGINX}/sites-enabled/joe-main.conf`)).toBe(false)

    await call('websites:delete', { ids: [detail.website.id] })
    for (const conf of [APACHE, NGINX]) {
      expect(exists(`${conf}/sites-available/joe-main.conf`)).toBe(false)
      expect(exists(`${conf}/sites-enabled/joe-main.conf`)).toBe(false)
    }
    expect(apacheChecks()).toContain('Syntax OK')
    const all = await websiteLogs()
    expect(all.every((log) => log.state === 'SUCCESS')).toBe(true)
  })

  it('disables the sites of a disabled account, and removes them with the account', async () => {
    await theJourneySite('http')
    await call('accounts:setActive', { ids: [joe], active: false })
    expect(exists(`${APACHE}/sites-available/joe-main.conf`)).toBe(true)
    expect(exists(`${APACHE}/sites-enabled/joe-main.conf`)).toBe(false)
    await call('accounts:setActive', { ids: [joe], active: true })
    expect(exists(`${APACHE}/sites-enabled/joe-main.conf`)).toBe(true)

    await call('accounts:delete', { id: joe })
    expect(exists(`${APACHE}/sites-available/joe-main.conf`)).toBe(false)
    expect(exists(`${NGINX}/sites-available/joe-main.conf`)).toBe(false)
    expect(apacheChecks()).toContain('Syntax OK')
  })

  it('writes no file for a site without domains (14.54)', async () => {
    await call('websites:create', { accountId: joe, name: 'bare' })
    expect(exists(`${APACHE}/sites-available/joe-bare.conf`)).toBe(false)
    expect(exists(`${NGINX}/sites-available/joe-bare.conf`)).toBe(false)
  })

  it('writes the https-only redirect and warns when no certificate is known (14.52)', async () => {
    await call('websites:create', {
      accountId: joe,
      name: 'secure',
      protocol: 'https-only',
      domainIds: [domainIds['other.example.org']!],
    })
    const apache = ssh.exec(`cat ${APACHE}/sites-available/joe-secure.conf`)
    expect(apache).not.toContain(':443>')
    expect(apache).toContain('RewriteRule ^ https://%{HTTP_HOST}%{REQUEST_URI} [R=301,L]')
    const all = await websiteLogs()
    expect(all.every((log) => log.state === 'SUCCESS')).toBe(true)
    expect(all[0]!.stderr).toContain('has no certificate')
    expect(apacheChecks()).toContain('Syntax OK')
    expect(nginxChecks()).toContain('test is successful')
  })

  it('refuses an FCGID app on nginx, naming it, while Apache serves it', async () => {
    const legacy = await webapp('legacy', 'php', '8.2-cgi')
    await call('websites:create', {
      accountId: joe,
      name: 'old',
      domainIds: [domainIds['other.example.org']!],
      contents: [{ webappId: legacy, path: '/' }],
    })
    const all = await websiteLogs()
    const nginx = all.find((log) => log.backend === 'nginx-website')!
    expect(nginx.state).toBe('FAILURE')
    expect(nginx.stderr).toContain('web app legacy runs PHP through FCGID')
    expect(exists(`${NGINX}/sites-available/joe-old.conf`)).toBe(false)
    const apache = ssh.exec(`cat ${APACHE}/sites-available/joe-old.conf`)
    expect(apache).toContain('Action php-fcgi "/fcgi-bin/legacy-wrapper"')
    expect(apacheChecks()).toContain('Syntax OK')
  })

  it('keeps the previous configuration when the web server refuses the new one', async () => {
    const detail = await theJourneySite()
    const before = ssh.exec(`cat ${APACHE}/sites-available/joe-main.conf`)
    const missing = '/etc/ssl/orchestra-test/missing.pem'
    const directives = detail.directives.map((d) =>
      d.name === 'ssl-cert' ? { ...d, value: missing } : d,
    )
    await call('websites:update', {
      id: detail.website.id,
      version: detail.website.version,
      directives,
    })
    const all = await websiteLogs()
    const failed = all.filter((log) => log.state !== 'SUCCESS')
    expect(failed.map((log) => log.backend).sort()).toEqual(['apache2-website', 'nginx-website'])
    expect(failed.every((log) => log.stderr.includes('the previous configuration is kept'))).toBe(
      true,
    )
    expect(ssh.exec(`cat ${APACHE}/sites-available/joe-main.conf`)).toBe(before)
    expect(exists(`${APACHE}/sites-enabled/joe-main.conf`)).toBe(true)
    expect(apacheChecks()).toContain('Syntax OK')
    expect(nginxChecks()).toContain('test is successful')
  })

  it('writes odd but valid values so that both checkers still accept them', async () => {
    const blog = await webapp('blog', 'php', '8.2-fpm')
    await call('websites:create', {
      accountId: joe,
      name: 'odd.site_1',
      domainIds: [domainIds['example.org']!],
      contents: [{ webappId: blog, path: '/a-b_c.d~e%20f' }],
      directives: [
        {
          name: 'redirect',
          value: '^/x/(\\d{2,4})/(a|b)[0-9]*$ https://n.example/$1?q=$2&r=(1);!*',
        },
        { name: 'redirect', value: '/semi http://n.example/a;b,c@d:e=f+g' },
        { name: 'proxy', value: '/api http://127.0.0.1:8080/v1 timeout=30 retry=2' },
        { name: 'error-document', value: '503 https://status.example.net/#down' },
        { name: 'sec-rule-remove', value: '981173 960015' },
        { name: 'sec-engine', value: '/upload' },
      ],
    })
    const all = await websiteLogs()
    expect(all.map((log) => `${log.backend} ${log.state} ${log.stderr}`)).toEqual(
      all.map((log) => `${log.backend} SUCCESS ${log.stderr}`),
    )
    expect(apacheChecks()).toContain('Syntax OK')
    expect(nginxChecks()).toContain('test is successful')
  })

  it('serves the issued certificate once there is one, whatever the directives say', async () => {
    const detail = await theJourneySite('http')
    const live = '/etc/letsencrypt/live/example.org'
    ssh.exec(
      `install -d ${live} && cp ${CERT} ${live}/fullchain.pem && cp ${KEY} ${live}/privkey.pem`,
    )
    await core.store.write((tx) =>
      tx.insert(certificates).values({
        websiteId: detail.website.id,
        names: 'example.org www.example.org',
        lineage: live,
        status: 'issued',
        notAfter: '2027-03-01T00:00:00.000Z',
      }),
    )
    await call('websites:update', {
      id: detail.website.id,
      version: detail.website.version,
      protocol: 'https-only',
    })
    const apache = ssh.exec(`cat ${APACHE}/sites-available/joe-main.conf`)
    expect(apache).toContain(`SSLCertificateFile "${live}/fullchain.pem"`)
    expect(apache).toContain(`SSLCertificateKeyFile "${live}/privkey.pem"`)
    const nginx = ssh.exec(`cat ${NGINX}/sites-available/joe-main.conf`)
    expect(nginx).toContain(`ssl_certificate "${live}/fullchain.pem";`)
    expect(apacheChecks()).toContain('Syntax OK')
    expect(nginxChecks()).toContain('test is successful')
  })

  it('saves every site mounting a web app again when the app changes', async () => {
    await theJourneySite('http')
    const [blog] = (await call('webapps:list', { q: 'blog' })).rows
    await call('webapps:update', { id: blog!.id, version: blog!.version, runtime: '8.2-cgi' })
    const apache = ssh.exec(`cat ${APACHE}/sites-available/joe-main.conf`)
    expect(apache).toContain('Action php-fcgi "/fcgi-bin/blog-wrapper"')
    const nginx = (await websiteLogs()).filter((log) => log.backend === 'nginx-website').at(-1)!
    expect(nginx.stderr).toContain('web app blog runs PHP through FCGID')
    expect(apacheChecks()).toContain('Syntax OK')
  })

  it('refuses hostile values in every field before anything is stored or sent', async () => {
    const files = await webapp('files', 'static')
    const values = [
      ...canaries('/tmp/pwned'),
      '/a\nb',
      '/a b',
      '/a"b',
      '/a#b',
      '/../etc',
      '/a\r\nb',
    ]
    const attempts = values.flatMap((value) => [
      { name: value },
      { contents: [{ webappId: files, path: value }] },
      { directives: [{ name: 'redirect' as const, value: `${value} http://x.example/` }] },
      // In a URL, # (a fragment) and .. (the server resolves it) are data, safely quoted.
      ...(['/a#b', '/../etc'].includes(value)
        ? []
        : [{ directives: [{ name: 'redirect' as const, value: `/a http://x.example/${value}` }] }]),
      { directives: [{ name: 'proxy' as const, value: `${value} http://x.example/` }] },
      { directives: [{ name: 'error-document' as const, value: `404 ${value}` }] },
      { directives: [{ name: 'ssl-cert' as const, value }] },
      { directives: [{ name: 'sec-engine' as const, value }] },
    ])
    for (const attempt of attempts) {
      const request = { accountId: joe, name: 'main', ...attempt }
      const outcome = await call('websites:create', request).then(
        () => 'accepted',
        (error: { code?: string }) => error.code,
      )
      expect(outcome, JSON.stringify(attempt)).toBe('VALIDATION')
    }
    expect(await countRows(core, websites)).toBe(0)
    expect((await websiteLogs()).length).toBe(0)
    expect(ssh.exec('ls /tmp/pwned* 2>/dev/null || true')).toBe('')
  })
})
