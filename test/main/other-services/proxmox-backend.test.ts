import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { Secret, hereDocument, sh } from '../../../src-main/core/escape'
import { vps } from '../../../src-main/db/schema'
import { proxmoxBackend, type ProxmoxVps } from '../../../src-main/orchestration/backends/proxmox'
import { Commands, composeScript } from '../../../src-main/orchestration/script'
import { accountInput, caller, makeCore, type TestCore } from '../../support/core'
import { canaries } from '../../support/hostile'
import { addTestServer } from '../../support/orchestration'
import { checkScripts, runBash } from '../../support/shell'
import { startSshServer, type TestSshServer } from '../../support/ssh-server'

/**
 * Proxmox VE cannot run here (no cluster file system, no containers), so the test server gets
 * the config files laid out as Proxmox lays them, and STAND-INS for `pct`, `pvectl` and
 * `vzctl`: small scripts that do nothing but record the arguments and standard input they
 * were given. What is checked is exactly what the real tools would have been asked.
 */
const STAND_IN = `#!/bin/bash
# Stand-in for a Proxmox VE tool that cannot run on the test machine: it records its call.
log=/var/log/stand-in/\${0##*/}.log
{ printf 'args'; printf ' [%s]' "$@"; printf '\\n'
  if [ "$1" = exec ]; then printf 'stdin [%s]\\n' "$(cat)"; fi; } >> "$log"
`

/** A password no shell or crypt tool should see unquoted. */
const HOSTILE_PASSWORD = `p'a"s$(touch /etc/pwned)\`id\`;|&\\x ORCHESTRA_INPUT`

describe('Proxmox VE container backend over SSH, with stand-ins for pct, pvectl and vzctl', () => {
  let ssh: TestSshServer
  let core: TestCore
  let joe: number
  const call = caller(() => core)
  const dir = mkdtempSync(join(tmpdir(), 'proxmox-scripts-'))

  beforeAll(async () => {
    ssh = await startSshServer()
  })
  afterAll(async () => {
    await ssh.stop()
    rmSync(dir, { recursive: true, force: true })
  })
  beforeEach(async () => {
    ssh.exec(`rm -rf /etc/pve /var/log/stand-in && mkdir -p /var/log/stand-in /usr/local/sbin
      mkdir -p /etc/pve/nodes/pve1/lxc /etc/pve/nodes/pve1/openvz /etc/pve/nodes/pve2/lxc
      ln -s nodes/pve1 /etc/pve/local`)
    for (const tool of ['pct', 'pvectl', 'vzctl']) {
      ssh.exec(
        `cat > /usr/local/sbin/${tool} <<'EOF'\n${STAND_IN}EOF\nchmod 755 /usr/local/sbin/${tool}`,
      )
    }
    const lxc = ['arch: amd64', 'cores: 1', 'hostname: vps1.example.org', 'memory: 512', '']
    ssh.exec(
      `printf '%s\\n' ${lxc.map((l) => `'${l}'`).join(' ')} > /etc/pve/nodes/pve1/lxc/101.conf`,
    )
    ssh.exec(`printf 'hostname: other.example.org\\n' > /etc/pve/nodes/pve1/lxc/102.conf`)
    ssh.exec(`printf 'HOSTNAME="old.example.org"\\nVE_PRIVATE="/var/lib/vz/private/201"\\n' \
      > /etc/pve/nodes/pve1/openvz/201.conf`)
    ssh.exec(`printf 'hostname: far.example.org\\n' > /etc/pve/nodes/pve2/lxc/301.conf`)
    core = await makeCore()
    const server = await addTestServer(core, ssh, 'pve1')
    await call('routes:create', { backend: 'proxmox-container', serverId: server.id, match: '' })
    joe = (await call('accounts:create', accountInput({ username: 'joe' }))).account.id
  })
  afterEach(() => core.dispose())

  const recorded = (tool: string) => {
    try {
      return ssh.exec(`cat /var/log/stand-in/${tool}.log`)
    } catch {
      return ''
    }
  }
  const storedHash = async () =>
    (await core.store.read((tx) => tx.select().from(vps)))[0]!.passwordHash

  async function vpsLogs() {
    const page = await call('logs:list', { backend: 'proxmox-container', dir: 'asc' })
    return Promise.all(page.rows.map((row) => call('logs:get', { id: row.id })))
  }

  it("sets the LXC container found by its hostname, root's hash on chpasswd's input", async () => {
    await call('vps:create', {
      accountId: joe,
      hostname: 'vps1.example.org',
      password: HOSTILE_PASSWORD,
    })
    const hash = await storedHash()
    expect(recorded('pct')).toBe(
      'args [set] [101] [--onboot] [1]\n' +
        `args [exec] [101] [--] [chpasswd] [-e]\nstdin [root:${hash}]\n`,
    )
    const [log] = await vpsLogs()
    expect(log).toMatchObject({ state: 'SUCCESS', stderr: '', retryable: false })
    expect(log!.script).not.toContain(hash)
    expect(log!.script).toContain("<<'ORCHESTRA_INPUT'\n***\nORCHESTRA_INPUT")
    expect(ssh.exec('ls /etc/pwned 2>/dev/null || true')).toBe('')
  })

  it('sets an OpenVZ container with pvectl and vzctl', async () => {
    await call('vps:create', {
      accountId: joe,
      hostname: 'old.example.org',
      type: 'openvz',
      password: 'root password',
    })
    const hash = await storedHash()
    expect(recorded('pvectl')).toBe('args [vzset] [201] [--onboot] [yes]\n')
    expect(recorded('vzctl')).toBe(`args [exec] [201] [chpasswd] [-e]\nstdin [root:${hash}]\n`)
    expect(recorded('pct')).toBe('')
  })

  it('sends no password when none was set, and the settings’ arguments', async () => {
    await call('settings:update', { name: 'VPS_DEFAULT_PCT_ARGS', value: '--onboot,0,--cores,2' })
    await call('vps:create', { accountId: joe, hostname: 'other.example.org' })
    expect(recorded('pct')).toBe('args [set] [102] [--onboot] [0] [--cores] [2]\n')
  })

  it('fails, naming the hostname, when no container has it', async () => {
    await call('vps:create', { accountId: joe, hostname: 'missing.example.org' })
    const [log] = await vpsLogs()
    expect(log!.state).toBe('FAILURE')
    expect(log!.stderr).toContain('No lxc container has the hostname missing.example.org on pve1')
    expect(recorded('pct')).toBe('')
  })

  it('refuses a container of another node of the cluster, naming it', async () => {
    await call('vps:create', { accountId: joe, hostname: 'far.example.org' })
    const [log] = await vpsLogs()
    expect(log!.state).toBe('FAILURE')
    expect(log!.stderr).toContain('The container 301 is on node pve2, not on pve1')
    expect(recorded('pct')).toBe('')
  })

  it('saves the container again when the account is disabled, and never deletes it', async () => {
    const { vps: created } = await call('vps:create', {
      accountId: joe,
      hostname: 'vps1.example.org',
    })
    await call('accounts:setActive', { ids: [joe], active: false })
    await call('vps:delete', { ids: [created.id] })
    expect(recorded('pct')).toBe('args [set] [101] [--onboot] [1]\n'.repeat(2))
    expect((await vpsLogs()).map((log) => log.operations.map((o) => o.action))).toEqual([
      ['save'],
      ['save'],
    ])
  })

  it('gives memory, swap and disk when they are known', () => {
    const item: ProxmoxVps = {
      id: 1,
      hostname: 'vps1.example.org',
      type: 'lxc',
      accountId: 1,
      active: true,
      passwordHash: '',
      setArgs: ['--onboot', '1'],
      resources: { memoryMb: 1024, swapMb: 512, diskGb: 20 },
    }
    const lxc = script(item)
    const openvz = script({ ...item, hostname: 'old.example.org', type: 'openvz' })
    ssh.exec(`echo ${Buffer.from(lxc).toString('base64')} | base64 -d | bash -s`)
    ssh.exec(`echo ${Buffer.from(openvz).toString('base64')} | base64 -d | bash -s`)
    expect(recorded('pct')).toBe(
      'args [set] [101] [--onboot] [1] [--memory] [1024] [--swap] [512]\n' +
        'args [resize] [101] [rootfs] [20G]\n',
    )
    expect(recorded('pvectl')).toBe(
      'args [vzset] [201] [--onboot] [1] [--mem] [1024] [--swap] [512] [--disk] [20]\n',
    )
  })

  it('writes scripts that bash and shellcheck accept', () => {
    const item: ProxmoxVps = {
      id: 1,
      hostname: 'vps1.example.org',
      type: 'lxc',
      accountId: 1,
      active: true,
      passwordHash: '$6$salt$hash',
      setArgs: ['--onboot', '1'],
      resources: { memoryMb: 1024, diskGb: 20 },
    }
    const problems = checkScripts(dir, {
      lxc: script(item),
      openvz: script({ ...item, type: 'openvz' }),
    })
    expect(problems).toEqual([])
  })
})

function script(item: ProxmoxVps): string {
  const out = new Commands()
  proxmoxBackend.actions.save!(out, item, { id: 1, name: 'pve1', address: '127.0.0.1' })
  const parts = { title: 'test', head: new Commands(), blocks: [{ label: 'save', commands: out }] }
  return composeScript({ ...parts, tail: new Commands() }).text
}

describe('hereDocument', () => {
  it('hands any text but NUL to a command exactly, expanding nothing', () => {
    const texts = [
      ...canaries('/tmp/heredoc-'),
      'ORCHESTRA_INPUT',
      'a\nORCHESTRA_INPUT\nb',
      'it\'s "quoted" $HOME `id` \\',
      'crlf\r\nline',
      '',
    ]
    for (const text of texts) {
      const { stdout, status } = runBash(sh`cat ${hereDocument(text)}`.text)
      expect(status).toBe(0)
      expect(stdout.toString('utf8')).toBe(text.endsWith('\n') ? text : `${text}\n`)
    }
    expect(() => hereDocument('a\0b')).toThrow(/NUL/)
  })

  it('shows a secret as *** in the stored script', () => {
    const doc = hereDocument(new Secret('root:$6$x$y'))
    expect(doc.redacted).toBe("<<'ORCHESTRA_INPUT'\n***\nORCHESTRA_INPUT")
    expect(doc.text).toContain('root:$6$x$y')
  })
})
