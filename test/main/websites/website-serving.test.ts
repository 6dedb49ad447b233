import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import {
  chmodSync,
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  rmSync,
  writeFileSync,
} from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { renderApacheSite } from '../../../src-main/orchestration/backends/apache-vhost'
import { renderNginxSite } from '../../../src-main/orchestration/backends/nginx-server'
import { fpmSocket, mount, site, staticApp } from './fixtures'

/**
 * The rendered sites served for real: PHP-FPM, Apache and nginx started on free loopback
 * ports in a folder of the test's own, asked over HTTP, and stopped again. What a checker
 * cannot tell is proved here: PHP runs where the app is, and never in its upload folder.
 */

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number }
      server.close(() => resolve(port))
    })
  })
}

const get = (url: string) =>
  spawnSync('curl', ['-s', '-o', '-', '-w', '\n%{http_code}', url], { encoding: 'utf8' }).stdout

async function waitFor(url: string) {
  for (let i = 0; i < 100; i++) {
    if (!get(url).endsWith('\n000')) return
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  throw new Error(`${url} never answered`)
}

describe('websites served by Apache and nginx with PHP-FPM', () => {
  const dir = mkdtempSync(join(tmpdir(), 'website-serving-'))
  const root = join(dir, 'blog')
  const files = join(dir, 'files')
  const shared = join(dir, 'wordpress-mu')
  const socket = join(dir, 'fpm.sock')
  const children: ChildProcess[] = []
  /** Starts a server in the foreground, its output kept beside its files. */
  const start = (command: string, args: string[]) => {
    const out = openSync(join(dir, `${command.split('/').pop()}.out`), 'w')
    children.push(spawn(command, args, { stdio: ['ignore', out, out] }))
  }
  let apachePort = 0
  let nginxPort = 0

  const blog = fpmSocket(1, 'blog', {
    documentRoot: root,
    uploadDirs: ['wp-content/uploads'],
    runtime: { kind: 'fpm', listen: `unix:${socket}`, phpVersion: '8.2' },
  })
  const website = site({
    listen: ['127.0.0.1'],
    contents: [
      mount('/', blog),
      mount('/static', { ...staticApp(2, 'files'), documentRoot: files }),
    ],
    directives: [
      { name: 'redirect', path: '/old', url: 'http://example.net/new', isRegex: false },
      { name: 'wordpress-saas', service: 'wordpress', path: '/blog' },
    ],
    saasInstalls: { wordpress: { root: shared, listen: `unix:${socket}` } },
    apache: { confDir: dir, accessLog: join(dir, 'apache-access.log'), errorLog: '' },
    nginx: { confDir: dir, accessLog: join(dir, 'nginx-access.log'), errorLog: '' },
  })

  beforeAll(async () => {
    mkdirSync(join(root, 'wp-content/uploads'), { recursive: true })
    mkdirSync(files)
    writeFileSync(join(root, 'index.php'), '<?php echo "php " . "ran";')
    writeFileSync(join(root, 'wp-content/uploads/evil.php'), '<?php echo "evil " . "ran";')
    writeFileSync(join(files, 'a.txt'), 'static file')
    mkdirSync(shared)
    writeFileSync(join(shared, 'index.php'), '<?php echo "shared for " . $_SERVER["HTTP_HOST"];')
    chmodSync(dir, 0o755)

    writeFileSync(
      join(dir, 'fpm.conf'),
      [
        '[global]',
        `pid = ${dir}/fpm.pid`,
        `error_log = ${dir}/fpm.log`,
        '[www]',
        'user = www-data',
        'group = www-data',
        `listen = ${socket}`,
        'listen.mode = 0666',
        'pm = static',
        'pm.max_children = 2',
        '',
      ].join('\n'),
    )
    start('/usr/sbin/php-fpm8.2', ['-F', '-R', '-y', join(dir, 'fpm.conf')])

    apachePort = await freePort()
    const vhost = renderApacheSite(website)
      .config.replaceAll(':80>', `:${apachePort}>`)
      .replace(/^\s*SuexecUserGroup .*$/m, '')
    writeFileSync(join(dir, 'site.conf'), vhost)
    const modules = ['mpm_event', 'authz_core', 'dir', 'mime', 'alias', 'proxy', 'proxy_fcgi']
    writeFileSync(
      join(dir, 'httpd.conf'),
      [
        'ServerRoot /etc/apache2',
        ...modules.map((m) => `LoadModule ${m}_module /usr/lib/apache2/modules/mod_${m}.so`),
        'LoadModule rewrite_module /usr/lib/apache2/modules/mod_rewrite.so',
        'User www-data',
        'Group www-data',
        'ServerName localhost',
        `PidFile ${dir}/apache.pid`,
        `ErrorLog ${dir}/apache-error.log`,
        'TypesConfig /etc/mime.types',
        `Listen 127.0.0.1:${apachePort}`,
        `Include ${dir}/site.conf`,
        '',
      ].join('\n'),
    )
    start('/usr/sbin/apache2', ['-X', '-f', join(dir, 'httpd.conf')])

    nginxPort = await freePort()
    // The site includes fastcgi_params as a stock nginx has it beside nginx.conf.
    copyFileSync('/etc/nginx/fastcgi_params', join(dir, 'fastcgi_params'))
    writeFileSync(
      join(dir, 'server.conf'),
      renderNginxSite(website).config.replaceAll(
        'listen 127.0.0.1:80;',
        `listen 127.0.0.1:${nginxPort};`,
      ),
    )
    writeFileSync(
      join(dir, 'nginx.conf'),
      [
        'user www-data;',
        'daemon off;',
        'master_process off;',
        `pid ${dir}/nginx.pid;`,
        `error_log ${dir}/nginx-error.log;`,
        'events {}',
        'http {',
        '  include /etc/nginx/mime.types;',
        `  client_body_temp_path ${dir}/body;`,
        `  fastcgi_temp_path ${dir}/fastcgi;`,
        `  include ${dir}/server.conf;`,
        '}',
        '',
      ].join('\n'),
    )
    start('/usr/sbin/nginx', ['-p', dir, '-c', join(dir, 'nginx.conf')])
    await waitFor(`http://127.0.0.1:${apachePort}/static/a.txt`)
    await waitFor(`http://127.0.0.1:${nginxPort}/static/a.txt`)
  })

  afterAll(() => {
    for (const child of children) child.kill('SIGTERM')
    rmSync(dir, { recursive: true, force: true })
  })

  for (const server of ['Apache', 'nginx'] as const) {
    const base = () => `http://127.0.0.1:${server === 'Apache' ? apachePort : nginxPort}`

    it(`${server} runs the app's PHP, serves the static app and redirects`, () => {
      expect(get(`${base()}/index.php`)).toBe('php ran\n200')
      expect(get(`${base()}/`)).toBe('php ran\n200')
      expect(get(`${base()}/static/a.txt`)).toBe('static file\n200')
      expect(get(`${base()}/old`).endsWith('\n301')).toBe(true)
    })

    it(`${server} runs the shared SaaS installation at its directive's path`, () => {
      // The installation tells its tenants apart by the host it is asked for.
      expect(get(`${base()}/blog/`)).toMatch(/^shared for 127\.0\.0\.1(:\d+)?\n200$/)
      expect(get(`${base()}/blog/index.php`)).toMatch(/^shared for .*\n200$/)
      expect(get(`${base()}/blog`).endsWith('\n301')).toBe(true)
    })

    it(`${server} runs no script in the app's upload folder`, () => {
      const answer = get(`${base()}/wp-content/uploads/evil.php`)
      // The file may be sent as text or refused; its code must not have run.
      expect(answer).not.toContain('evil ran')
      expect(answer).toMatch(/\n(200|403)$/)
    })
  }
})
