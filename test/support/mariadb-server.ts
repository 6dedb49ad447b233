import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/**
 * A throwaway MariaDB server for one test file: its own data folder and socket under the temp
 * folder, a free loopback port, root through the unix socket, no durability. It needs Debian's
 * mariadb-server (mariadb-install-db, mariadbd) and runs as root like the SSH test servers.
 */

export interface MariadbServer {
  socket: string
  port: number
  /** Runs SQL given on stdin as root and returns the rows, tab-separated, one per line. */
  query(sql: string): string
  /** Runs SQL as `user` logging in with `password` over the socket (MYSQL_PWD, never argv). */
  queryAs(user: string, password: string, sql: string): { status: number; out: string; err: string }
  stop(): Promise<void>
}

const START_TIMEOUT_MS = 30_000

/** Servers still running, so a test process that ends early leaves no mariadbd behind. */
const running = new Set<ChildProcess>()
process.once('exit', () => {
  for (const child of running) if (child.exitCode === null) child.kill('SIGKILL')
})

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

function client(socket: string, args: string[], sql: string, env: NodeJS.ProcessEnv = {}) {
  const result = spawnSync(
    'mariadb',
    ['--no-defaults', `--socket=${socket}`, '--batch', '--raw', '--skip-column-names', ...args],
    { input: sql, encoding: 'utf8', env: { PATH: process.env.PATH, ...env } },
  )
  return { status: result.status ?? 1, out: result.stdout, err: result.stderr }
}

async function waitUntilUp(socket: string, child: ChildProcess, log: string): Promise<void> {
  const started = Date.now()
  while (Date.now() - started < START_TIMEOUT_MS) {
    if (child.exitCode !== null) throw new Error(`mariadbd exited; see ${log}`)
    if (client(socket, ['-uroot'], 'SELECT 1').status === 0) return
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  throw new Error(`mariadbd did not answer within ${START_TIMEOUT_MS} ms; see ${log}`)
}

export async function startMariadb(): Promise<MariadbServer> {
  const dir = mkdtempSync(join(tmpdir(), 'orchestra-mariadb-'))
  const data = join(dir, 'data')
  const socket = join(dir, 'mysqld.sock')
  const log = join(dir, 'error.log')
  const port = await freePort()
  const install = spawnSync(
    'mariadb-install-db',
    [
      '--no-defaults',
      '--user=root',
      `--datadir=${data}`,
      '--auth-root-authentication-method=socket',
      '--skip-test-db',
    ],
    { encoding: 'utf8' },
  )
  if (install.status !== 0) throw new Error(`mariadb-install-db failed: ${install.stderr}`)

  const child = spawn(
    'mariadbd',
    [
      '--no-defaults',
      '--user=root',
      `--datadir=${data}`,
      `--socket=${socket}`,
      `--port=${port}`,
      '--bind-address=127.0.0.1',
      `--pid-file=${join(dir, 'mariadbd.pid')}`,
      `--log-error=${log}`,
      '--innodb-flush-log-at-trx-commit=0',
      '--skip-log-bin',
    ],
    { stdio: 'ignore' },
  )
  running.add(child)
  await waitUntilUp(socket, child, log).catch((error: unknown) => {
    child.kill('SIGKILL')
    throw error
  })

  return {
    socket,
    port,
    query(sql) {
      const result = client(socket, ['-uroot'], sql)
      if (result.status !== 0) throw new Error(`mariadb: ${result.err}`)
      return result.out
    },
    queryAs(user, password, sql) {
      return client(socket, [`--user=${user}`], sql, { MYSQL_PWD: password })
    },
    async stop() {
      running.delete(child)
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve))
        child.kill('SIGTERM')
        await exited
      }
      rmSync(dir, { recursive: true, force: true })
    },
  }
}
