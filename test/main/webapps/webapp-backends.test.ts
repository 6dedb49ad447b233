import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { mysqlNativeHash } from '../../../src-main/core/passwords'
import { sqlUsers } from '../../../src-main/db/schema'
import { accountInput, caller, makeCore, type TestCore } from '../../support/core'
import { addTestServer } from '../../support/orchestration'
import { checkScripts } from '../../support/shell'
import { startSshServer, type TestSshServer } from '../../support/ssh-server'

const BACKENDS = ['unix-user', 'webapp-php', 'webapp-static', 'webapp-uwsgi', 'webapp-wordpress']
const POOL = '/etc/php/8.2/fpm/pool.d/joe-blog.conf'
const WRAPPER = '/var/www/fcgi-bin.d/joe/blog-wrapper'
const CMD_OPTIONS = '/etc/apache2/fcgid-conf/joe-blog.conf'

describe('web app backends over SSH', () => {
  let ssh: TestSshServer
  let core: TestCore
  let joe: number
  const call = caller(() => core)
  const dir = mkdtempSync(join(tmpdir(), 'webapp-scripts-'))

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
    for (const backend of BACKENDS) {
      await call('routes:create', { backend, serverId: server.id, match: '' })
    }
    // /run is the test machine's own: sockets go under the server's overlaid /var.
    await call('settings:update', {
      name: 'WEBAPPS_UWSGI_SOCKET',
      value: '/var/lib/uwsgi-test/%(user)s-%(app_name)s/socket',
    })
    joe = (await call('accounts:create', accountInput({ username: 'joe' }))).account.id
  })
  afterEach(async () => {
    await call('accounts:delete', { id: joe }).catch(() => undefined)
    await core.dispose()
    ssh.exec('rm -rf /etc/php/8.2/fpm/pool.d/joe-* /var/www/fcgi-bin.d /etc/apache2/fcgid-conf')
  })

  const exists = (path: string) => ssh.exec(`[ -e ${path} ] && echo yes || echo no`).trim()
  const stat = (path: string) => ssh.exec(`stat -c '%a %U %G' ${path}`).trim()
  async function logs() {
    const page = await call('logs:list', { dir: 'asc', pageSize: 200 })
    return Promise.all(page.rows.map((row) => call('logs:get', { id: row.id })))
  }
  async function failures() {
    return (await logs())
      .filter((log) => log.state !== 'SUCCESS' && log.state !== 'NOTHING')
      .map((log) => `${log.backend} ${log.state}: ${log.stderr}`)
  }
  const scriptsOf = async (backend: string) =>
    (await logs()).filter((log) => log.backend === backend).map((log) => log.script)

  it('writes an FPM pool that php-fpm accepts, with the timeout in step', async () => {
    const options = [
      { name: 'timeout', value: '60' },
      { name: 'processes', value: '5' },
      { name: 'sendmail_path', value: '/usr/sbin/sendmail -t -i' },
      { name: 'suhosin.executor.include.whitelist', value: 'a&b|c<d>e(f)[g]{h}' },
    ]
    await call('webapps:create', { accountId: joe, name: 'blog', type: 'php', options })
    expect(await failures()).toEqual([])
    const pool = ssh.exec(`cat ${POOL}`)
    expect(pool).toContain('[joe-blog]\nuser = "joe-cgi"\ngroup = "joe-cgi"\n')
    expect(pool).toContain('listen = "/run/php/php8.2-joe-blog.sock"')
    expect(pool).toContain('listen.group = "www-data"\nlisten.mode = 0660')
    expect(pool).toContain('pm.max_children = 5\n')
    expect(pool).toContain('request_terminate_timeout = 60\n')
    expect(pool).toContain('php_admin_value[max_execution_time] = "58"\n')
    expect(pool).toContain('php_admin_value[sendmail_path] = "/usr/sbin/sendmail -t -i"\n')
    // The pool alone, in a minimal global configuration, as php-fpm itself reads it.
    ssh.exec(
      `printf '[global]\\nerror_log = /tmp/fpm.log\\ninclude = ${POOL}\\n' > /tmp/fpm-min.conf`,
    )
    expect(ssh.exec('php-fpm8.2 -t -y /tmp/fpm-min.conf 2>&1')).toContain('test is successful')
    expect(stat('/home/joe/webapps/blog')).toBe('750 joe joe')
    expect(checkScripts(dir, { php: (await scriptsOf('webapp-php'))[0]! })).toEqual([])
  })

  it('switches 8.2-fpm → 8.2-cgi → 8.2-fpm removing only the old version', async () => {
    const { webapp } = await call('webapps:create', {
      accountId: joe,
      name: 'blog',
      type: 'php',
      options: [{ name: 'timeout', value: '40' }],
    })
    expect([exists(POOL), exists(WRAPPER), exists(CMD_OPTIONS)]).toEqual(['yes', 'no', 'no'])

    const cgi = await call('webapps:update', { id: webapp.id, version: 1, runtime: '8.2-cgi' })
    expect(await failures()).toEqual([])
    expect([exists(POOL), exists(WRAPPER), exists(CMD_OPTIONS)]).toEqual(['no', 'yes', 'yes'])
    expect(stat(WRAPPER)).toBe('550 joe-cgi joe-cgi')
    expect(stat('/var/www/fcgi-bin.d/joe')).toBe('550 joe-cgi joe-cgi')
    expect(ssh.exec(`cat ${CMD_OPTIONS}`)).toContain(
      `FcgidCmdOptions ${WRAPPER} MaxProcesses 3 IOTimeout 40 BusyTimeout 40\n`,
    )

    await call('webapps:update', { id: webapp.id, version: cgi.webapp.version, runtime: '8.2-fpm' })
    expect(await failures()).toEqual([])
    expect([exists(POOL), exists(WRAPPER), exists(CMD_OPTIONS)]).toEqual(['yes', 'no', 'no'])
  })

  it('writes a wrapper that passes sh -n and shellcheck and runs PHP as the CGI user', async () => {
    const options = [
      { name: 'timeout', value: '20' },
      { name: 'enable_functions', value: 'exec' },
      { name: 'sendmail_path', value: '/usr/sbin/sendmail -t -i -f a&b|c' },
    ]
    await call('webapps:create', {
      accountId: joe,
      name: 'blog',
      type: 'php',
      runtime: '8.2-cgi',
      options: [...options, { name: 'include_path', value: '.:/usr/share/php' }],
    })
    expect(await failures()).toEqual([])
    const wrapper = ssh.exec(`cat ${WRAPPER}`)
    expect(checkScripts(dir, { wrapper })).toEqual([])
    expect(execFileSync('sh', ['-n', '-c', wrapper]).toString()).toBe('')

    const page = '<?php echo ini_get("max_execution_time"), "|", get_current_user(), "|",'
    const rest = ' posix_getpwuid(posix_geteuid())["name"], "|", ini_get("disable_functions");'
    ssh.exec(`printf '%s' '${page}${rest}' > /home/joe/webapps/blog/index.php`)
    ssh.exec('chown joe:joe /home/joe/webapps/blog/index.php')
    const output = ssh.exec(
      'cd /home/joe/webapps/blog && env -i REDIRECT_STATUS=200 REQUEST_METHOD=GET ' +
        'SCRIPT_FILENAME=/home/joe/webapps/blog/index.php ' +
        `setpriv --reuid=joe-cgi --regid=joe-cgi --init-groups ${WRAPPER}`,
    )
    const body = output.split('\r\n\r\n').pop()!
    const [maxTime, owner, runner, disabled] = body.split('|')
    expect([maxTime, owner, runner]).toEqual(['18', 'joe', 'joe-cgi'])
    expect(disabled!.split(',')).toContain('system')
    expect(disabled!.split(',')).not.toContain('exec')
  })

  it('makes static, symbolic-link and Python apps, and removes them', async () => {
    const files = await call('webapps:create', { accountId: joe, name: 'files', type: 'static' })
    const link = await call('webapps:create', {
      accountId: joe,
      name: 'old',
      type: 'symbolic-link',
      linkTarget: '/home/joe/webapps/files',
    })
    const api = await call('webapps:create', {
      accountId: joe,
      name: 'api',
      type: 'python',
      options: [{ name: 'timeout', value: '45' }],
    })
    expect(await failures()).toEqual([])
    expect(stat('/home/joe/webapps/files')).toBe('750 joe joe')
    expect(ssh.exec('readlink /home/joe/webapps/old').trim()).toBe('/home/joe/webapps/files')
    expect(ssh.exec('stat -c %U /home/joe/webapps/old').trim()).toBe('joe')
    const vassal = ssh.exec('cat /etc/uwsgi/vassals/joe-api.ini')
    expect(vassal).toContain('plugins = python3\n')
    expect(vassal).toContain('uid = joe-cgi\n')
    expect(vassal).toContain('harakiri = 45\n')

    // The vassal as uWSGI reads it, with a tiny app, on its socket; stopped afterwards.
    ssh.exec(
      'printf \'def application(env, start):\\n    start("200 OK", [])\\n    return [b"hi"]\\n\'' +
        ' > /home/joe/webapps/api/wsgi.py && chown joe:joe /home/joe/webapps/api/wsgi.py',
    )
    const run = ssh.exec(
      'timeout 30 uwsgi --ini /etc/uwsgi/vassals/joe-api.ini --need-app --die-on-term ' +
        '--processes 1 --cheaper 0 > /var/lib/uwsgi-test/log 2>&1 & pid=$!; ' +
        'timeout 25 sh -c \'until grep -q "WSGI app 0" /var/lib/uwsgi-test/log; ' +
        "do sleep 0.2; done'; " +
        'stat -c "%a %U %G" /var/lib/uwsgi-test/joe-api/socket; ' +
        'kill "$pid"; wait "$pid"; grep -c "WSGI app 0" /var/lib/uwsgi-test/log || true',
    )
    const log = ssh.exec('cat /var/lib/uwsgi-test/log')
    expect(run.trim().split('\n'), log).toEqual(['660 joe-cgi www-data', '1'])

    await call('webapps:delete', { ids: [link.webapp.id, files.webapp.id, api.webapp.id] })
    expect(await failures()).toEqual([])
    expect(exists('/home/joe/webapps/old')).toBe('no')
    expect(exists('/home/joe/webapps/files')).toBe('no')
    expect(exists('/home/joe/webapps/api')).toBe('no')
    expect(exists('/etc/uwsgi/vassals/joe-api.ini')).toBe('no')
  })

  it('takes the pool away while the account is disabled, and back when enabled', async () => {
    await call('webapps:create', { accountId: joe, name: 'blog', type: 'php' })
    await call('accounts:setActive', { ids: [joe], active: false })
    expect(exists(POOL)).toBe('no')
    expect(exists('/home/joe/webapps/blog')).toBe('yes')
    await call('accounts:setActive', { ids: [joe], active: true })
    expect(exists(POOL)).toBe('yes')
  })
})

describe('web app backends over SSH, when something goes wrong or a CMS installs', () => {
  let ssh: TestSshServer
  let core: TestCore
  let joe: number
  const call = caller(() => core)

  beforeAll(async () => {
    ssh = await startSshServer()
  })
  afterAll(async () => {
    await ssh.stop()
  })
  beforeEach(async () => {
    core = await makeCore()
    const server = await addTestServer(core, ssh, 'web1')
    for (const backend of BACKENDS) {
      await call('routes:create', { backend, serverId: server.id, match: '' })
    }
    joe = (await call('accounts:create', accountInput({ username: 'joe' }))).account.id
  })
  afterEach(async () => {
    await core.dispose()
  })

  const exists = (path: string) => ssh.exec(`[ -e ${path} ] && echo yes || echo no`).trim()
  async function logsOf(backend: string) {
    const page = await call('logs:list', { dir: 'asc', pageSize: 200 })
    const all = await Promise.all(page.rows.map((row) => call('logs:get', { id: row.id })))
    return all.filter((log) => log.backend === backend)
  }

  it('puts the previous pool back when php-fpm refuses the configuration', async () => {
    const { webapp } = await call('webapps:create', { accountId: joe, name: 'blog', type: 'php' })
    const before = ssh.exec(`cat ${POOL}`)
    ssh.exec("printf '[broken\\n' > /etc/php/8.2/fpm/pool.d/zz-broken.conf")
    try {
      const options = [{ name: 'memory_limit', value: '256M' }]
      await call('webapps:update', { id: webapp.id, version: 1, options })
      const last = (await logsOf('webapp-php')).pop()!
      expect(last.state).toBe('FAILURE')
      expect(last.stderr).toContain('zz-broken.conf')
      expect(ssh.exec(`cat ${POOL}`)).toBe(before)
    } finally {
      ssh.exec('rm -f /etc/php/8.2/fpm/pool.d/zz-broken.conf')
    }
  })

  it('installs WordPress from the cached release with its database password', async () => {
    // A tiny stand-in release: the installer must not reach the internet in tests.
    ssh.exec(
      'mkdir -p /tmp/wp/wordpress/wp-content && echo "<?php" > /tmp/wp/wordpress/index.php && ' +
        'mkdir -p /var/cache/orchestra/cms && ' +
        'tar -czf /var/cache/orchestra/cms/wordpress-latest.tar.gz -C /tmp/wp wordpress',
    )
    const detail = await call('webapps:create', {
      accountId: joe,
      name: 'blog',
      type: 'wordpress-php',
    })
    const [log] = await logsOf('webapp-wordpress')
    expect([log!.state, log!.stderr]).toEqual(['SUCCESS', ''])
    expect(log!.stdout).toContain('its installer was not run here')

    const config = ssh.exec('cat /home/joe/webapps/blog/wp-config.php')
    expect(config).toContain("define('DB_NAME', 'wp_blog_joe');")
    expect(config).not.toContain('@@SALT@@')
    const password = /define\('DB_PASSWORD', '([A-Za-z0-9]+)'\);/.exec(config)![1]!
    // The stored script never holds the password.
    expect(log!.script).not.toContain(password)
    expect(log!.script).toContain("DB_PASSWORD'\\'', '\\''***'\\''")
    const [user] = await core.store.read((tx) => tx.select().from(sqlUsers))
    expect(mysqlNativeHash(password)).toBe(user!.passwordHash)
    expect(ssh.exec("stat -c '%a %U %G' /home/joe/webapps/blog/wp-config.php").trim()).toBe(
      '640 joe joe',
    )
    const uploads = '/home/joe/webapps/blog/wp-content/uploads'
    expect(ssh.exec(`stat -c '%a %U %G' ${uploads}`).trim()).toBe('2770 joe joe-cgi')
    expect(exists('/home/joe/webapps/blog/.orchestra-installing')).toBe('no')
    expect(exists(POOL)).toBe('yes')

    await call('webapps:delete', { ids: [detail.webapp.id] })
    expect(exists('/home/joe/webapps/blog')).toBe('no')
    expect(exists(POOL)).toBe('no')
  })

  it('refuses to install WordPress over a folder that holds files', async () => {
    ssh.exec(
      'mkdir -p /home/joe/webapps/news && touch /home/joe/webapps/news/a /home/joe/webapps/news/b',
    )
    await call('webapps:create', { accountId: joe, name: 'news', type: 'wordpress-php' })
    const [log] = await logsOf('webapp-wordpress')
    expect(log!.state).toBe('FAILURE')
    expect(log!.stderr).toContain('holds files but no wp-config.php')
    expect(ssh.exec('ls /home/joe/webapps/news').split('\n').filter(Boolean)).toEqual(['a', 'b'])
  })
})
