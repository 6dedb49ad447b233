import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openCore } from '../../../src-main/core/core'
import { accountInput, type TestCore } from '../../support/core'
import { accountFileOn, addTestServer } from '../../support/orchestration'
import { startSshServer, type TestSshServer } from '../../support/ssh-server'

const BIN = join(__dirname, '..', '..', '..', 'bin', 'orchestra.js')

describe('orchestra orchestrate', () => {
  let ssh: TestSshServer
  let dataDir: string

  function orchestra(...args: string[]) {
    const result = spawnSync(
      process.execPath,
      [BIN, 'orchestrate', '--data-dir', dataDir, ...args],
      {
        encoding: 'utf8',
      },
    )
    return { code: result.status, stdout: result.stdout, stderr: result.stderr }
  }

  beforeAll(async () => {
    ssh = await startSshServer()
    dataDir = mkdtempSync(join(tmpdir(), 'orchestra-cli-'))
    const core = await openCore({ dataDir, quietLogs: true, operator: 'tester@ws1' })
    try {
      const server = await addTestServer(core as TestCore, ssh, 'web1')
      await core.dispatcher.dispatch('accounts:create', accountInput({ username: 'ana' }))
      await core.dispatcher.dispatch('accounts:create', accountInput({ username: 'bea' }))
      // Routed after the accounts exist: only orchestrate sends them.
      await core.dispatcher.dispatch('routes:create', {
        backend: 'account-file',
        serverId: server.id,
      })
    } finally {
      await core.close()
    }
  })
  afterAll(async () => {
    await ssh.stop()
    rmSync(dataDir, { recursive: true, force: true })
  })

  it('prints the script per server with --dry-run and runs nothing', () => {
    const { code, stdout } = orchestra('--dry-run')
    expect(code).toBe(0)
    expect(stdout).toContain(`# Execute account-file on web1 (127.0.0.1)`)
    expect(stdout).toContain('/etc/orchestra/accounts/ana.json')
    expect(stdout).toContain('/etc/orchestra/accounts/bea.json')
    expect(accountFileOn(ssh, 'ana')).toBeUndefined()
  })

  it('runs the scripts, streams their output and ends with each log state', () => {
    const { code, stdout } = orchestra('--backend', 'account-file', '--server', 'web1')
    expect(stdout).toMatch(/account-file@web1 SUCCESS \(log \d+\)/)
    expect(code).toBe(0)
    expect(accountFileOn(ssh, 'bea')).toMatchObject({ username: 'bea' })
  })

  it('exits 1 when a run fails', () => {
    ssh.exec('rm -rf /etc/orchestra && touch /etc/orchestra')
    try {
      const { code, stdout } = orchestra()
      expect(stdout).toMatch(/account-file@web1 FAILURE/)
      expect(code).toBe(1)
    } finally {
      ssh.exec('rm -f /etc/orchestra')
    }
  })

  it('names an unknown server and exits 2', () => {
    const { code, stderr } = orchestra('--server', 'nowhere')
    expect(stderr).toContain('no server named nowhere')
    expect(code).toBe(2)
  })
})
