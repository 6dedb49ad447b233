import { spawnSync } from 'node:child_process'
import { createServer } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { nginxServer } from '../../../src-main/orchestration/backends/nginx-website'
import {
  FLAG,
  lockAndFlag,
  reloadIfFlagged,
} from '../../../src-main/orchestration/backends/web-server-scripts'
import { Commands, composeScript } from '../../../src-main/orchestration/script'
import { accountInput, caller, makeCore } from '../../support/core'
import { addTestServer } from '../../support/orchestration'
import { startSshServer, type TestSshServer } from '../../support/ssh-server'

/**
 * The web servers' running check on a host with two nginx instances, only one of them the
 * configuration's: a reload goes to that one, and to none when it is stopped.
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

const RUN = '/var/lib/nginx-test'

/** A whole nginx of its own: pid file, logs and temporary files in its folder, one port. */
function nginxConfig(name: string, port: number, answer: string): string {
  const dir = `${RUN}/${name}`
  return [
    'daemon on;',
    'user root;',
    'worker_processes 1;',
    `pid ${dir}/nginx.pid;`,
    `error_log ${dir}/error.log;`,
    'events { worker_connections 16; }',
    'http {',
    '  access_log off;',
    ...['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map(
      (kind) => `  ${kind}_temp_path ${dir}/${kind};`,
    ),
    `  server { listen 127.0.0.1:${port}; location / { return 200 "${answer}"; } }`,
    '}',
    '',
  ].join('\n')
}

const get = (port: number) =>
  spawnSync('curl', ['-s', `http://127.0.0.1:${port}/`], { encoding: 'utf8' }).stdout

/**
 * Polls for up to 15 s and gives the answer it stopped on. A graceful reload takes its time on
 * a loaded machine, and until the old worker has finished its connections it may still take a
 * new one: asking once more after the new worker answered could reach the old one.
 */
async function waitForAnswer(port: number, answer: string) {
  const deadline = Date.now() + 15_000
  let last = get(port)
  while (last !== answer && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100))
    last = get(port)
  }
  return last
}

describe('the web servers’ running check', () => {
  let ssh: TestSshServer
  const ports = { ours: 0, theirs: 0 }
  const conf = (name: string) => `/etc/nginx-${name}/nginx.conf`

  function writeConfig(name: 'ours' | 'theirs', answer: string) {
    const text = Buffer.from(nginxConfig(name, ports[name], answer)).toString('base64')
    ssh.exec(`install -d /etc/nginx-${name} && echo ${text} | base64 -d > ${conf(name)}`)
  }

  /** The master's workers: a reload replaces them, so the same list means no reload. */
  const workersOf = (name: string) =>
    ssh.exec(`pgrep -P "$(cat ${RUN}/${name}/nginx.pid)" | sort`).trim()

  /** The commit of a script that changed ours, run on the server as a backend's would be. */
  function reloadOurs() {
    const head = new Commands()
    const server = nginxServer('/etc/nginx-ours')
    lockAndFlag(head, server)
    const tail = new Commands()
    reloadIfFlagged(tail, server)
    const blocks = [{ label: 'save website #1', commands: new Commands().run(FLAG) }]
    const script = composeScript({ title: 'reload test', head, blocks, tail })
    const args = ['--target', String(ssh.pid), '--mount', '--pid', 'bash', '-s']
    return spawnSync('nsenter', args, { input: script.text, encoding: 'utf8' })
  }

  beforeAll(async () => {
    ssh = await startSshServer()
    ports.ours = await freePort()
    ports.theirs = await freePort()
    for (const name of ['ours', 'theirs'] as const) {
      const dirs = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map(
        (kind) => `${RUN}/${name}/${kind}`,
      )
      ssh.exec(`install -d ${dirs.join(' ')}`)
      writeConfig(name, `${name} 1`)
    }
    ssh.exec(`nginx -c ${conf('theirs')}`)
    expect(await waitForAnswer(ports.theirs, 'theirs 1')).toBe('theirs 1')
  })
  afterAll(async () => {
    await ssh?.stop()
  })

  it('reloads the nginx whose pid file the configuration names, and not the other', async () => {
    ssh.exec(`nginx -c ${conf('ours')}`)
    try {
      expect(await waitForAnswer(ports.ours, 'ours 1')).toBe('ours 1')
      const theirs = workersOf('theirs')
      writeConfig('ours', 'ours 2')
      writeConfig('theirs', 'theirs 2')

      const result = reloadOurs()
      expect(result.stderr).not.toContain('skipped')
      expect(result.status).toBe(0)
      expect(await waitForAnswer(ports.ours, 'ours 2')).toBe('ours 2')
      expect(get(ports.theirs)).toBe('theirs 1')
      expect(workersOf('theirs')).toBe(theirs)
    } finally {
      ssh.exec(`nginx -c ${conf('ours')} -s quit`)
      for (let i = 0; i < 100 && ssh.exec(`ls ${RUN}/ours`).includes('nginx.pid'); i++) {
        await new Promise((resolve) => setTimeout(resolve, 50))
      }
      writeConfig('theirs', 'theirs 1')
    }
  })

  it('skips the reload when its own nginx is stopped, though another one runs', () => {
    expect(ssh.exec(`ls ${RUN}/ours`)).not.toContain('nginx.pid')
    const theirs = workersOf('theirs')
    const result = reloadOurs()
    expect(result.stderr).toBe('nginx is not running here: reload skipped\n')
    expect(result.status).toBe(0)
    expect(workersOf('theirs')).toBe(theirs)
  })

  it('lets a website save succeed with only foreign web servers running', async () => {
    const core = await makeCore()
    try {
      const call = caller(() => core)
      // Another nginx runs (theirs, above), and a process that is merely called apache2.
      ssh.exec('cp /bin/sleep /usr/local/bin/apache2')
      ssh.exec('/usr/local/bin/apache2 600 >/dev/null 2>&1 </dev/null &')
      ssh.exec('a2enmod -q suexec >/dev/null')
      const server = await addTestServer(core, ssh, 'web1')
      for (const backend of ['unix-user', 'webapp-php', 'apache2-website', 'nginx-website']) {
        await call('routes:create', { backend, serverId: server.id, match: '' })
      }
      const joe = (await call('accounts:create', accountInput({ username: 'joe' }))).account.id
      const [domain] = await call('domains:create', { name: 'example.org', accountId: joe })
      await call('websites:create', {
        accountId: joe,
        name: 'main',
        domainIds: [domain!.domain.id],
      })

      const list = await call('logs:list', { dir: 'asc', pageSize: 50 })
      const logs = await Promise.all(list.rows.map((row) => call('logs:get', { id: row.id })))
      const sites = logs.filter((log) => log.backend.endsWith('-website'))
      expect(sites.map((log) => [log.backend, log.state, log.stderr]).sort()).toEqual([
        ['apache2-website', 'SUCCESS', 'Apache is not running here: reload skipped\n'],
        ['nginx-website', 'SUCCESS', 'nginx is not running here: reload skipped\n'],
      ])
      // A FastCGI app's options are Apache's too: the web app backend checks the same way.
      await call('webapps:create', { accountId: joe, name: 'old', type: 'php', runtime: '8.2-cgi' })
      const [cgi] = (await call('logs:list', { backend: 'webapp-php', pageSize: 50 })).rows
      const webapp = await call('logs:get', { id: cgi!.id })
      expect([webapp.state, webapp.stdout]).toEqual([
        'SUCCESS',
        'Apache is not running here: reload skipped\n',
      ])
      // Nothing was started in their place: the one apache2 is still the sleeping one.
      expect(ssh.exec('pgrep -x apache2 | wc -l').trim()).toBe('1')
      expect(ssh.exec('pgrep -x nginx | wc -l').trim()).toBe('2')
    } finally {
      await core.dispose()
    }
  })
})
