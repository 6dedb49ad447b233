import { spawn } from 'node:child_process'
import {
  closeSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { TestSshServer } from '../../test/support/ssh-server'

/**
 * The key exchange the app's SSH library (ssh2) settles on with OpenSSH 9: OpenSSH's own
 * default, sntrup761x25519, costs several times more CPU per login on both ends, so the
 * references use this one too; otherwise the comparison would measure the choice of
 * algorithm, not the tools.
 */
export const APP_KEX = 'curve25519-sha256'

/**
 * What the app is measured against: the same script on the same hosts, run by the tools a
 * sysadmin would use without it. Each host gets its own key file and a known_hosts line for
 * its pinned host key, so the references check host keys as strictly as the app does.
 */
export class References {
  private readonly dir = mkdtempSync(join(tmpdir(), 'orchestra-bench-references-'))
  private readonly knownHosts = join(this.dir, 'known_hosts')
  private readonly inventory = join(this.dir, 'inventory.ini')
  private readonly scriptFile = join(this.dir, 'script.sh')
  private readonly hosts: { name: string; port: number; keyFile: string }[]
  private script = ''
  private runs = 0

  constructor(ssh: readonly TestSshServer[]) {
    this.hosts = ssh.map((server, index) => {
      const keyFile = join(this.dir, `web${index + 1}.key`)
      writeFileSync(keyFile, server.clientKey.privateKey, { mode: 0o600 })
      return { name: `web${index + 1}`, port: server.port, keyFile }
    })
    const known = ssh.map((server) => `[127.0.0.1]:${server.port} ${server.hostPublicKey}`)
    writeFileSync(this.knownHosts, `${known.join('\n')}\n`)
    writeFileSync(this.inventory, this.inventoryText())
  }

  /** The script both references run; the app's own text for the change. */
  useScript(script: string): void {
    // Ansible renders module arguments as Jinja2 templates: these would change the text.
    if (/\{\{|\{%|\{#/.test(script)) throw new Error('The script has Jinja2 markers in it')
    this.script = script
    writeFileSync(this.scriptFile, script)
  }

  private inventoryText(): string {
    const lines = this.hosts.map(
      (host) =>
        `${host.name} ansible_host=127.0.0.1 ansible_port=${host.port} ansible_user=root ` +
        `ansible_ssh_private_key_file=${host.keyFile}`,
    )
    return [
      '[fleet]',
      ...lines,
      '',
      '[fleet:vars]',
      // Set in most inventories; without it Ansible spends one more round trip per host on
      // finding Python.
      'ansible_python_interpreter=/usr/bin/python3',
      'ansible_ssh_common_args=' +
        `'-o UserKnownHostsFile=${this.knownHosts} -o StrictHostKeyChecking=yes ` +
        `-o KexAlgorithms=${APP_KEX}'`,
      '',
    ].join('\n')
  }

  // The floor

  /**
   * One `ssh … root@127.0.0.1 bash -s < script` per host, all started at once: a new
   * connection and login each, the least any tool can do over OpenSSH. `openSshKex` keeps
   * OpenSSH's own default key exchange instead of the app's.
   */
  async floor({ openSshKex = false } = {}): Promise<void> {
    const kex = openSshKex ? [] : ['-o', `KexAlgorithms=${APP_KEX}`]
    // One open file each: a shared descriptor would share its offset, so one ssh would read it all.
    const inputs = this.hosts.map(() => openSync(this.scriptFile, 'r'))
    try {
      await Promise.all(
        this.hosts.map((host, index) =>
          run(
            'ssh',
            [
              ...['-F', '/dev/null', '-i', host.keyFile, '-p', String(host.port), ...kex],
              ...['-o', `UserKnownHostsFile=${this.knownHosts}`, '-o', 'StrictHostKeyChecking=yes'],
              ...['-o', 'BatchMode=yes', '-o', 'IdentitiesOnly=yes'],
              ...['root@127.0.0.1', 'bash -s'],
            ],
            { stdin: inputs[index] },
          ),
        ),
      )
    } finally {
      inputs.forEach((input) => closeSync(input))
    }
  }

  // Ansible

  /**
   * `ansible fleet -f 20 -m shell` with the script as the command and bash as its shell, in
   * Ansible's recommended set-up (pipelining on: one SSH command per host, no module file
   * copied) and the app's key exchange. Each session gets its own ControlPersist folder: the
   * first run opens the masters (cold, like the floor); `ansibleAgain` reuses them while they
   * live, as a second command typed within a minute would.
   */
  async ansible(): Promise<AnsibleSession> {
    this.runs += 1
    const home = join(this.dir, `ansible-${this.runs}`)
    mkdirSync(join(home, 'cp'), { recursive: true })
    const session = new AnsibleSession(home, this.inventory, this.hosts.length, this.script)
    await session.run()
    return session
  }

  close(): void {
    rmSync(this.dir, { recursive: true, force: true })
  }
}

export class AnsibleSession {
  constructor(
    private readonly home: string,
    private readonly inventory: string,
    private readonly hostCount: number,
    private readonly script: string,
  ) {}

  async run(): Promise<void> {
    // JSON arguments skip Ansible's key=value parsing, which would split the script's lines.
    const args = JSON.stringify({ cmd: this.script, executable: '/bin/bash' })
    const output = await run(
      'ansible',
      ['fleet', '-i', this.inventory, '-f', String(this.hostCount), '-m', 'shell', '-a', args],
      {
        cwd: this.home,
        env: {
          ANSIBLE_HOME: this.home,
          ANSIBLE_LOCAL_TEMP: join(this.home, 'tmp'),
          ANSIBLE_SSH_CONTROL_PATH_DIR: join(this.home, 'cp'),
          ANSIBLE_PIPELINING: 'True',
          ANSIBLE_HOST_KEY_CHECKING: 'True',
          ANSIBLE_NOCOLOR: '1',
        },
      },
    )
    const changed = output.match(/\| CHANGED \| rc=0 >>/g)?.length ?? 0
    if (changed !== this.hostCount) {
      throw new Error(`Ansible ran on ${changed} of ${this.hostCount} hosts:\n${output}`)
    }
  }

  /** Ends the ControlPersist masters, which would otherwise linger for a minute. */
  async close(): Promise<void> {
    const folder = join(this.home, 'cp')
    const sockets = readdirSync(folder).map((name) => join(folder, name))
    await Promise.all(
      sockets.map((socket) =>
        run('ssh', ['-o', `ControlPath=${socket}`, '-O', 'exit', 'master']).catch(() => ''),
      ),
    )
  }
}

/** Runs a command to its end; resolves with its output, rejects unless it exits with 0. */
function run(
  command: string,
  args: string[],
  options: { stdin?: number; cwd?: string; env?: Record<string, string> } = {},
): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      stdio: [options.stdin ?? 'ignore', 'pipe', 'pipe'],
      cwd: options.cwd,
      env: { ...process.env, ...options.env },
    })
    let output = ''
    child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.once('error', reject)
    child.once('close', (code) => {
      if (code === 0) resolve(output)
      else reject(new Error(`${command} exited with ${code}:\n${output}`))
    })
  })
}
