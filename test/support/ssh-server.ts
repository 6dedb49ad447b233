import { execFileSync, spawn, type ChildProcess } from 'node:child_process'
import {
  closeSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readFileSync,
  readlinkSync,
  rmSync,
  writeFileSync,
} from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/**
 * Throwaway OpenSSH servers for tests. Each runs Debian's own sshd on a free loopback port, as
 * root, inside its own mount and PID namespaces where /etc, /var, /home, /srv, /opt and
 * /usr/local are overlays and /root is an empty folder: scripts run for real there, but what
 * they write lands in `rootDir` and the test machine stays as it was. Killing the namespace's
 * first process (sshd) ends every session with it. Needs root, util-linux (unshare, nsenter,
 * setpriv) and openssh-server.
 */

export interface TestSshServer {
  address: '127.0.0.1'
  port: number
  /** `SHA256:…` as `ssh-keygen -lf` prints it. */
  hostKeyFingerprint: string
  /** The host key as an authorized_keys-style line. */
  hostPublicKey: string
  /** A client key that root's authorized_keys accepts. */
  clientKey: { privateKey: string; publicKey: string; fingerprint: string }
  /** The overlays' upper dir: `rootDir/etc/x` is what the server wrote to `/etc/x`. */
  rootDir: string
  /** sshd's log (`-e`): one "Accepted publickey" line per login. */
  logFile: string
  /** sshd's PID as the test machine sees it. */
  pid: number
  /** Runs a shell command in the server's file system view; throws on a non-zero exit. */
  exec(command: string): string
  stop(): Promise<void>
}

export interface SshServerOptions {
  /** Root's password inside the server; also turns password logins on. */
  password?: string
}

/** The folders scripts may write to; each becomes an overlay if it exists. */
const OVERLAID = ['/etc', '/var', '/home', '/srv', '/opt', '/usr/local']
const START_TIMEOUT_MS = 10_000

/** Servers still running, so a test process that ends early does not leave sshd behind. */
const running = new Map<ChildProcess, { pid: number; dir: string }>()
process.once('exit', () => {
  for (const [child, { pid, dir }] of running) {
    if (isRunning(child)) process.kill(pid, 'SIGKILL')
    rmSync(dir, { recursive: true, force: true })
  }
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

function fingerprintOf(publicKeyFile: string): string {
  const line = execFileSync('ssh-keygen', ['-lf', publicKeyFile], { encoding: 'utf8' })
  const fingerprint = line.split(' ')[1]
  if (!fingerprint?.startsWith('SHA256:')) throw new Error(`ssh-keygen printed ${line}`)
  return fingerprint
}

function makeKey(file: string, comment: string): { privateKey: string; publicKey: string } {
  execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', comment, '-f', file])
  return {
    privateKey: readFileSync(file, 'utf8'),
    publicKey: readFileSync(`${file}.pub`, 'utf8').trim(),
  }
}

function sshdConfig(dir: string, port: number, password: boolean): string {
  return [
    `Port ${port}`,
    'ListenAddress 127.0.0.1',
    `HostKey ${join(dir, 'host_ed25519')}`,
    `PidFile ${join(dir, 'sshd.pid')}`,
    // The test's own key, and what install-key writes into the (overlaid) home folder.
    `AuthorizedKeysFile ${join(dir, 'authorized_keys')} .ssh/authorized_keys`,
    `PasswordAuthentication ${password ? 'yes' : 'no'}`,
    'KbdInteractiveAuthentication no',
    'PubkeyAuthentication yes',
    `PermitRootLogin ${password ? 'yes' : 'prohibit-password'}`,
    'UsePAM no',
    'StrictModes no',
    'PrintMotd no',
    'PrintLastLog no',
    // The benchmark opens a session per script, several at a time.
    'MaxSessions 20',
    'Subsystem sftp internal-sftp',
    '',
  ].join('\n')
}

/** The shell line run in the new namespaces: overlays first, then sshd replaces the shell. */
function namespaceScript(dir: string, configFile: string, password: boolean): string {
  const mounts = OVERLAID.filter((path) => existsSync(path)).map((path) => {
    const upper = join(dir, 'root', path)
    const work = join(dir, 'work', path)
    mkdirSync(upper, { recursive: true })
    mkdirSync(work, { recursive: true })
    return `mount -t overlay overlay -o lowerdir=${path},upperdir=${upper},workdir=${work} ${path}`
  })
  // Root gets an empty home, as on a fresh server: this machine's dotfiles (a slow .bashrc,
  // keys) stay out of the sessions, and what scripts write there lands in rootDir/root.
  const home = join(dir, 'root', 'root')
  mkdirSync(home, { recursive: true, mode: 0o700 })
  mounts.push(`mount --bind ${home} /root`)
  // The password arrives in the environment, never in the command line.
  const setPassword = password
    ? ['printf "root:%s\\n" "$SSH_TEST_PASSWORD" | chpasswd', 'unset SSH_TEST_PASSWORD']
    : []
  return ['set -e', ...mounts, ...setPassword, `exec /usr/sbin/sshd -D -e -f ${configFile}`].join(
    '\n',
  )
}

/** unshare --fork runs sshd as its only child, which is PID 1 of the new PID namespace. */
function childPid(parent: number): number | undefined {
  try {
    const children = readFileSync(`/proc/${parent}/task/${parent}/children`, 'utf8').trim()
    const pid = Number(children.split(' ')[0])
    return pid > 0 ? pid : undefined
  } catch {
    return undefined
  }
}

function isSshd(pid: number): boolean {
  try {
    return readlinkSync(`/proc/${pid}/exe`) === '/usr/sbin/sshd'
  } catch {
    return false
  }
}

async function waitUntilListening(
  child: ChildProcess,
  logFile: string,
  port: number,
): Promise<number> {
  const deadline = Date.now() + START_TIMEOUT_MS
  for (;;) {
    const log = readFileSync(logFile, 'utf8')
    const pid = child.pid === undefined ? undefined : childPid(child.pid)
    if (log.includes(`Server listening on 127.0.0.1 port ${port}`) && pid && isSshd(pid)) {
      return pid
    }
    if (!isRunning(child) || Date.now() > deadline) {
      throw new Error(`sshd did not start on port ${port}:\n${log}`)
    }
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}

/** unshare waits for sshd, so while unshare runs, sshd's PID is still sshd's (not reused). */
function isRunning(child: ChildProcess): boolean {
  return child.exitCode === null && child.signalCode === null
}

function waitForExit(child: ChildProcess): Promise<void> {
  if (!isRunning(child)) return Promise.resolve()
  return new Promise((resolve) => child.once('exit', () => resolve()))
}

async function launch(dir: string, options: SshServerOptions) {
  const port = await freePort()
  const configFile = join(dir, `sshd_config`)
  const password = options.password !== undefined
  writeFileSync(configFile, sshdConfig(dir, port, password))
  const logFile = join(dir, 'sshd.log')
  const log = openSync(logFile, 'w')

  const namespaces = ['--mount', '--propagation', 'private', '--pid', '--fork', '--mount-proc']
  const script = namespaceScript(dir, configFile, password)
  // If this test process is killed, setpriv's death signal ends unshare, and --kill-child
  // then ends sshd and with it the namespace: no server outlives the tests that started it.
  const unshare = ['unshare', ...namespaces, '--kill-child', 'sh', '-c', script]
  const child = spawn('setpriv', ['--pdeathsig', 'KILL', '--', ...unshare], {
    stdio: ['ignore', log, log],
    env: { ...process.env, SSH_TEST_PASSWORD: options.password ?? '' },
  })
  closeSync(log)
  try {
    const pid = await waitUntilListening(child, logFile, port)
    return { child, pid, port, logFile }
  } catch (error) {
    child.kill('SIGKILL')
    await waitForExit(child)
    throw error
  }
}

export async function startSshServer(options: SshServerOptions = {}): Promise<TestSshServer> {
  mkdirSync('/run/sshd', { recursive: true })
  const dir = mkdtempSync(join(tmpdir(), 'orchestra-sshd-'))
  try {
    const host = makeKey(join(dir, 'host_ed25519'), 'test-host')
    const client = makeKey(join(dir, 'client_ed25519'), 'orchestra-test')
    writeFileSync(join(dir, 'authorized_keys'), `${client.publicKey}\n`)

    // A port that was free a moment ago may be taken when sshd binds it: try another.
    let launched: Awaited<ReturnType<typeof launch>> | undefined
    for (let attempt = 1; !launched; attempt++) {
      try {
        launched = await launch(dir, options)
      } catch (error) {
        const log = readFileSync(join(dir, 'sshd.log'), 'utf8')
        if (attempt >= 3 || !/Bind to port|Cannot bind/.test(log)) throw error
      }
    }
    const { child, pid, port, logFile } = launched
    running.set(child, { pid, dir })

    return {
      address: '127.0.0.1',
      port,
      hostKeyFingerprint: fingerprintOf(join(dir, 'host_ed25519.pub')),
      hostPublicKey: host.publicKey,
      clientKey: { ...client, fingerprint: fingerprintOf(join(dir, 'client_ed25519.pub')) },
      rootDir: join(dir, 'root'),
      logFile,
      pid,
      exec(command) {
        const args = ['--target', String(pid), '--mount', '--pid', 'sh', '-c', command]
        return execFileSync('nsenter', args, { encoding: 'utf8', stdio: 'pipe' })
      },
      async stop() {
        // PID 1 of the namespace: its death takes every session and script with it.
        if (isRunning(child)) process.kill(pid, 'SIGKILL')
        await waitForExit(child)
        rmSync(dir, { recursive: true, force: true })
        running.delete(child)
      },
    }
  } catch (error) {
    rmSync(dir, { recursive: true, force: true })
    throw error
  }
}

/** Starts `count` servers side by side (the benchmark uses 20); all or none. */
export async function startSshServers(
  count: number,
  options: SshServerOptions = {},
): Promise<TestSshServer[]> {
  const results = await Promise.allSettled(
    Array.from({ length: count }, () => startSshServer(options)),
  )
  const servers = results.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []))
  const failure = results.find((result) => result.status === 'rejected')
  if (failure) {
    await Promise.all(servers.map((server) => server.stop()))
    throw failure.reason
  }
  return servers
}

/** Stops servers and tolerates ones that are already gone, for afterAll. */
export async function stopSshServers(servers: Iterable<TestSshServer | undefined>): Promise<void> {
  await Promise.all([...servers].map((server) => server?.stop()))
}
