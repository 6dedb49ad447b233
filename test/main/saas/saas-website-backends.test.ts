import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { accountInput, caller, makeCore, type TestCore } from '../../support/core'
import { addTestServer } from '../../support/orchestration'
import { checkScripts } from '../../support/shell'
import { startSshServer, type TestSshServer } from '../../support/ssh-server'

const APACHE = '/etc/apache2'
const NGINX = '/etc/nginx'
const CERT = '/etc/ssl/orchestra-saas/cert.pem'
const KEY = '/etc/ssl/orchestra-saas/key.pem'
const MODULES = 'proxy proxy_fcgi ssl rewrite suexec'

describe('SaaS custom URLs on apache2-website and nginx-website over SSH', () => {
  let ssh: TestSshServer
  let core: TestCore
  let joe: number
  const call = caller(() => core)
  const dir = mkdtempSync(join(tmpdir(), 'saas-website-scripts-'))

  beforeAll(async () => {
    ssh = await startSshServer()
    ssh.exec(`a2enmod -q ${MODULES} >/dev/null`)
    ssh.exec(`install -d ${CERT.slice(0, CERT.lastIndexOf('/'))} /var/www/wordpress-mu`)
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
    ssh.exec(`rm -f ${APACHE}/sites-*/joe-* ${NGINX}/sites-*/joe-*`)
    const server = await addTestServer(core, ssh, 'web1')
    for (const backend of ['unix-user', 'apache2-website', 'nginx-website']) {
      await call('routes:create', { backend, serverId: server.id, match: '' })
    }
    await call('settings:update', { name: 'DOMAINS_DEFAULT_NS', value: ['ns1.example.net.'] })
    await call('settings:update', { name: 'WEBSITES_DEFAULT_SSL_CERT', value: CERT })
    await call('settings:update', { name: 'WEBSITES_DEFAULT_SSL_KEY', value: KEY })
    joe = (await call('accounts:create', accountInput({ username: 'joe' }))).account.id
    for (const name of ['example.org', 'blog.example.org']) {
      await call('domains:create', { name, accountId: joe })
    }
  })
  afterEach(() => core.dispose())

  const exists = (path: string) =>
    ssh.exec(`test -e ${path} && echo yes || echo no`).trim() === 'yes'

  async function websiteLogs() {
    const list = await call('logs:list', { dir: 'asc', pageSize: 200 })
    const all = await Promise.all(list.rows.map((row) => call('logs:get', { id: row.id })))
    const sites = all.filter((log) => log.backend.endsWith('-website'))
    const scripts = Object.fromEntries(sites.map((log) => [`log${log.id}`, log.script]))
    expect(checkScripts(dir, scripts)).toEqual([])
    return sites
  }

  it('serves the tenants at their URLs, and both checkers accept the files', async () => {
    const blog = await call('saas:create', {
      accountId: joe,
      service: 'wordpress',
      name: 'myblog',
      data: { email: 'joe@example.org' },
      customUrl: 'https://blog.example.org',
    })
    await call('saas:create', {
      accountId: joe,
      service: 'moodle',
      name: 'learn',
      password: 'a long password',
      customUrl: 'http://example.org/learn/',
    })
    const logs = await websiteLogs()
    expect(logs.length).toBe(4)
    expect(logs.every((log) => log.state === 'SUCCESS')).toBe(true)
    expect(ssh.exec('apache2ctl -t 2>&1')).toContain('Syntax OK')
    expect(ssh.exec('nginx -t 2>&1')).toContain('test is successful')

    const apacheBlog = ssh.exec(`cat ${APACHE}/sites-available/joe-blog.example.org.conf`)
    expect(apacheBlog).toContain('<VirtualHost *:443>')
    expect(apacheBlog).toContain('DocumentRoot "/var/www/wordpress-mu"')
    expect(apacheBlog).toContain('fcgi://saas-wordpress"')
    const nginxLearn = ssh.exec(`cat ${NGINX}/sites-available/joe-example.org.conf`)
    expect(nginxLearn).toContain('location "/learn/" {\n        alias "/var/www/moodle-mu/";')
    expect(exists(`${NGINX}/sites-enabled/joe-example.org.conf`)).toBe(true)

    // The website made for the URL goes with the tenant, on the servers too.
    await call('saas:delete', { ids: [blog.tenant.id] })
    expect(exists(`${APACHE}/sites-available/joe-blog.example.org.conf`)).toBe(false)
    expect(exists(`${NGINX}/sites-available/joe-blog.example.org.conf`)).toBe(false)
    expect(exists(`${APACHE}/sites-available/joe-example.org.conf`)).toBe(true)
    expect((await websiteLogs()).every((log) => log.state === 'SUCCESS')).toBe(true)
  })
})
