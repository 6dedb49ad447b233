import { execFileSync, spawnSync } from 'node:child_process'
import {
  chmodSync,
  chownSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/**
 * A throwaway PostgreSQL server for one test run: its own folder, a free loopback port, trust
 * authentication, and no durability (fsync off), since it is deleted at the end anyway.
 * It needs PostgreSQL's server binaries (Debian: postgresql) and nothing already running.
 */

export interface PostgresServer {
  /** A URL to the `postgres` database, as the superuser `postgres`. */
  url: string
  port: number
  /** The CA that signed the server's certificate (for `127.0.0.1` and `localhost`). */
  caFile: string
  stop(): void
}

/**
 * Who may connect how. The superuser `postgres` needs no password (the tests' admin); every
 * other role needs its password (SCRAM), and members of `tls_only` are refused without TLS.
 */
export const TLS_ONLY_ROLE = 'tls_only'
const HBA = `local all all trust
host all postgres 127.0.0.1/32 trust
hostnossl all +${TLS_ONLY_ROLE} 127.0.0.1/32 reject
host all all 127.0.0.1/32 scram-sha-256
`

/** A throwaway CA and a server certificate it signed, as a careful operator would set up. */
function makeCertificates(dir: string): { caFile: string; certFile: string; keyFile: string } {
  const file = (name: string) => join(dir, name)
  const openssl = (args: string[]) => execFileSync('openssl', args, { stdio: 'pipe' })
  openssl([
    'req',
    '-x509',
    '-newkey',
    'ec',
    '-pkeyopt',
    'ec_paramgen_curve:P-256',
    '-nodes',
    '-keyout',
    file('ca.key'),
    '-out',
    file('ca.crt'),
    '-days',
    '2',
    '-subj',
    '/CN=Test CA',
  ])
  openssl([
    'req',
    '-newkey',
    'ec',
    '-pkeyopt',
    'ec_paramgen_curve:P-256',
    '-nodes',
    '-keyout',
    file('server.key'),
    '-out',
    file('server.csr'),
    '-subj',
    '/CN=127.0.0.1',
  ])
  writeFileSync(file('san.ext'), 'subjectAltName=IP:127.0.0.1,DNS:localhost\n')
  openssl([
    'x509',
    '-req',
    '-in',
    file('server.csr'),
    '-CA',
    file('ca.crt'),
    '-CAkey',
    file('ca.key'),
    '-CAcreateserial',
    '-out',
    file('server.crt'),
    '-days',
    '2',
    '-extfile',
    file('san.ext'),
  ])
  chmodSync(file('server.key'), 0o600)
  return { caFile: file('ca.crt'), certFile: file('server.crt'), keyFile: file('server.key') }
}

function binDir(): string {
  const fromEnv = process.env.PG_BINDIR
  if (fromEnv) return fromEnv
  const root = '/usr/lib/postgresql'
  const versions = existsSync(root)
    ? readdirSync(root).filter((v) => existsSync(join(root, v, 'bin', 'initdb')))
    : []
  const newest = versions.sort((a, b) => Number(b) - Number(a))[0]
  if (newest) return join(root, newest, 'bin')
  try {
    return execFileSync('pg_config', ['--bindir'], { encoding: 'utf8' }).trim()
  } catch {
    throw new Error('PostgreSQL server binaries not found: install the postgresql package')
  }
}

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

/** PostgreSQL refuses to run as root; as root, its tools run as the `postgres` user. */
function spawnServerTool(command: string, args: string[]) {
  return process.getuid?.() === 0
    ? spawnSync('runuser', ['-u', 'postgres', '--', command, ...args], { encoding: 'utf8' })
    : spawnSync(command, args, { encoding: 'utf8' })
}

function runAsServerUser(command: string, args: string[]): void {
  const result = spawnServerTool(command, args)
  if (result.status !== 0) {
    throw new Error(`${command} failed (${result.status}): ${result.stderr || result.stdout}`)
  }
}

function chownToServerUser(path: string): void {
  const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }))
  const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }))
  chownSync(path, uid, gid)
}

export async function startPostgres(): Promise<PostgresServer> {
  const bin = binDir()
  const dir = mkdtempSync(join(tmpdir(), 'orchestra-pg-'))
  if (process.getuid?.() === 0) chownToServerUser(dir)
  const data = join(dir, 'data')
  const port = await freePort()
  const tls = makeCertificates(dir)

  runAsServerUser(join(bin, 'initdb'), [
    ...['-D', data, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--locale=C', '--no-sync'],
  ])
  writeFileSync(join(data, 'pg_hba.conf'), HBA)
  if (process.getuid?.() === 0) {
    for (const name of ['server.key', 'server.crt', 'ca.crt']) chownToServerUser(join(dir, name))
  }
  const settings = [
    `-p ${port}`,
    `-k ${dir}`,
    '-c listen_addresses=127.0.0.1',
    '-c fsync=off',
    '-c synchronous_commit=off',
    '-c full_page_writes=off',
    '-c max_connections=200',
    '-c ssl=on',
    `-c ssl_cert_file=${tls.certFile}`,
    `-c ssl_key_file=${tls.keyFile}`,
  ].join(' ')
  runAsServerUser(join(bin, 'pg_ctl'), [
    '-D',
    data,
    '-o',
    settings,
    '-l',
    join(dir, 'log'),
    '-w',
    'start',
  ])

  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    port,
    caFile: tls.caFile,
    stop() {
      spawnServerTool(join(bin, 'pg_ctl'), ['-D', data, '-m', 'immediate', 'stop'])
      rmSync(dir, { recursive: true, force: true })
    },
  }
}
