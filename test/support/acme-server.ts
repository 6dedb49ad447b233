import { execFileSync, spawn, type ChildProcess } from 'node:child_process'
import {
  mkdirSync,
  mkdtempSync,
  openSync,
  closeSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs'
import { get } from 'node:https'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { TestSshServer } from './ssh-server'

/**
 * A local ACME server for tests: Debian's `pebble`, with `pebble-challtestsrv` as its DNS
 * server answering 127.0.0.1 for every name, so a challenge for `www.example.org` is fetched
 * from this machine's loopback on the port pebble is told web servers listen on. Debian's
 * package ships no TLS certificate for pebble's own API, so one is made here with openssl,
 * and certbot is pointed at it (REQUESTS_CA_BUNDLE). Never the public ACME service.
 */
export interface AcmeServer {
  /** The directory URL certbot is given (`--server`). */
  directoryUrl: string
  /** The CA certificate pebble's API presents, as a file readable by the test servers too. */
  apiCaFile: string
  /** Where pebble fetches HTTP-01 challenges (`http://<name>:<port>/.well-known/…`). */
  httpPort: number
  /** The root that signs the certificates pebble issues (it changes with every start). */
  issuingRoot(): Promise<string>
  stop(): Promise<void>
}

const START_TIMEOUT_MS = 15_000

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

async function freePorts(count: number): Promise<number[]> {
  const ports = new Set<number>()
  while (ports.size < count) ports.add(await freePort())
  return [...ports]
}

function start(command: string, args: string[], logFile: string, env: NodeJS.ProcessEnv) {
  const log = openSync(logFile, 'w')
  // The death signal ends the tool with this test process, whatever way it ends.
  const child = spawn('setpriv', ['--pdeathsig', 'KILL', '--', command, ...args], {
    stdio: ['ignore', log, log],
    env: { ...process.env, ...env },
  })
  closeSync(log)
  return child
}

async function waitFor(child: ChildProcess, logFile: string, text: string): Promise<void> {
  const deadline = Date.now() + START_TIMEOUT_MS
  for (;;) {
    const log = readFileSync(logFile, 'utf8')
    if (log.includes(text)) return
    if (child.exitCode !== null || Date.now() > deadline) {
      throw new Error(`${logFile} never said "${text}":\n${log}`)
    }
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve()
  return new Promise((resolve) => {
    child.once('exit', () => resolve())
    child.kill('SIGKILL')
  })
}

/** Starts pebble and its DNS server on free loopback ports. */
export async function startAcmeServer(): Promise<AcmeServer> {
  const dir = mkdtempSync(join(tmpdir(), 'orchestra-acme-'))
  const children: ChildProcess[] = []
  const stop = async () => {
    await Promise.all(children.map(stopChild))
    rmSync(dir, { recursive: true, force: true })
  }
  try {
    const [api, management, httpPort, tlsPort, dns, dnsManagement] = (await freePorts(6)) as [
      number,
      number,
      number,
      number,
      number,
      number,
    ]
    const cert = join(dir, 'api-cert.pem')
    const key = join(dir, 'api-key.pem')
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'ec',
        '-pkeyopt',
        'ec_paramgen_curve:P-256',
        '-nodes',
        '-days',
        '2',
        '-subj',
        '/CN=pebble api',
        '-addext',
        'subjectAltName=IP:127.0.0.1,DNS:localhost',
        '-keyout',
        key,
        '-out',
        cert,
      ],
      { stdio: 'ignore' },
    )
    const config = {
      pebble: {
        listenAddress: `127.0.0.1:${api}`,
        managementListenAddress: `127.0.0.1:${management}`,
        certificate: cert,
        privateKey: key,
        httpPort,
        tlsPort,
        ocspResponderURL: '',
        externalAccountBindingRequired: false,
      },
    }
    const configFile = join(dir, 'pebble.json')
    writeFileSync(configFile, JSON.stringify(config))

    const dnsLog = join(dir, 'challtestsrv.log')
    const resolver = start(
      'pebble-challtestsrv',
      [
        '-dns01',
        `127.0.0.1:${dns}`,
        '-http01',
        '',
        '-https01',
        '',
        '-tlsalpn01',
        '',
        '-management',
        `127.0.0.1:${dnsManagement}`,
        '-defaultIPv4',
        '127.0.0.1',
        '-defaultIPv6',
        '',
      ],
      dnsLog,
      {},
    )
    children.push(resolver)
    await waitFor(resolver, dnsLog, 'Starting challenge servers')

    const pebbleLog = join(dir, 'pebble.log')
    const pebble = start(
      'pebble',
      ['-config', configFile, '-dnsserver', `127.0.0.1:${dns}`],
      pebbleLog,
      {
        PEBBLE_VA_NOSLEEP: '1',
        // Every nonce is good: certbot's one retry would otherwise make runs flaky.
        PEBBLE_WFE_NONCEREJECT: '0',
      },
    )
    children.push(pebble)
    await waitFor(pebble, pebbleLog, 'ACME directory available')

    return {
      directoryUrl: `https://127.0.0.1:${api}/dir`,
      apiCaFile: cert,
      httpPort,
      issuingRoot() {
        const ca = readFileSync(cert)
        return new Promise<string>((resolve, reject) => {
          const url = `https://127.0.0.1:${management}/roots/0`
          get(url, { ca }, (response) => {
            let body = ''
            response.setEncoding('utf8')
            response.on('data', (chunk: string) => (body += chunk))
            response.on('end', () =>
              response.statusCode === 200
                ? resolve(body)
                : reject(new Error(`${url} answered ${response.statusCode}`)),
            )
          }).on('error', reject)
        })
      },
      stop,
    }
  } catch (error) {
    await stop()
    throw error
  }
}

/**
 * Serves HTTP-01 challenges the way a real web server does: Debian's nginx, started inside a
 * test SSH server's namespace (so it sees the files certbot wrote there), on the port pebble
 * fetches from, answering each name from its website's document root.
 */
export async function startChallengeResponder(
  ssh: TestSshServer,
  port: number,
  sites: readonly { names: readonly string[]; root: string }[],
): Promise<{ stop(): Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'orchestra-nginx-'))
  for (const sub of ['body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']) mkdirSync(join(dir, sub))
  const servers = sites.map(
    (site) =>
      `  server {\n    listen 127.0.0.1:${port};\n    server_name ${site.names.join(' ')};\n` +
      `    root ${site.root};\n    location /.well-known/acme-challenge/ {\n` +
      `      default_type text/plain;\n    }\n  }\n`,
  )
  const config = [
    'daemon on;',
    // Root reads the account's folders whatever their modes: what matters is what certbot put.
    'user root;',
    'worker_processes 1;',
    `pid ${dir}/nginx.pid;`,
    `error_log ${dir}/error.log;`,
    'events { worker_connections 64; }',
    'http {',
    `  access_log ${dir}/access.log;`,
    ...['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map(
      (kind) => `  ${kind}_temp_path ${dir}/${kind === 'client_body' ? 'body' : kind};`,
    ),
    // A name no site answers for gets a 404, as on a real server.
    `  server {\n    listen 127.0.0.1:${port} default_server;\n    return 404;\n  }\n`,
    ...servers,
    '}',
    '',
  ].join('\n')
  const configFile = join(dir, 'nginx.conf')
  writeFileSync(configFile, config)
  ssh.exec(`nginx -t -q -c ${configFile} && nginx -c ${configFile}`)
  return {
    async stop() {
      try {
        ssh.exec(`nginx -c ${configFile} -s stop`)
      } catch {
        // The server's namespace may be gone already, and nginx with it.
      }
      rmSync(dir, { recursive: true, force: true })
    },
  }
}
