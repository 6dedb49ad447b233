import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { accountInput, caller, makeCore, type TestCore } from '../../support/core'
import { addTestServer } from '../../support/orchestration'
import { startSshServer, type TestSshServer } from '../../support/ssh-server'

/**
 * The account's services overview on real runs: a VPS whose container the node does not have
 * fails its backend for real on the test server (the Proxmox tool itself is a recording
 * stand-in, as it cannot run here), and the overview says so.
 */
describe("an account's services overview", () => {
  let ssh: TestSshServer
  let core: TestCore
  let joe: number
  const call = caller(() => core)

  beforeAll(async () => {
    ssh = await startSshServer()
    ssh.exec(`mkdir -p /etc/pve/nodes/pve1/lxc /usr/local/sbin && ln -sfn nodes/pve1 /etc/pve/local
      printf '#!/bin/sh\\n# Stand-in for Proxmox VE pct, which cannot run here.\\nexit 0\\n' \
        > /usr/local/sbin/pct && chmod 755 /usr/local/sbin/pct`)
  })
  afterAll(() => ssh.stop())
  beforeEach(async () => {
    ssh.exec('rm -f /etc/pve/nodes/pve1/lxc/*.conf')
    core = await makeCore()
    const server = await addTestServer(core, ssh, 'pve1')
    await call('routes:create', { backend: 'proxmox-container', serverId: server.id, match: '' })
    joe = (await call('accounts:create', accountInput({ username: 'joe' }))).account.id
  })
  afterEach(() => core.dispose())

  /** Each service with its state, as the overview joins them. */
  async function overview() {
    const { services, serviceStates } = await call('accounts:get', { id: joe })
    return services.map((s, i) => [s.kind, s.name, serviceStates[i]!.state])
  }
  const vpsState = async () =>
    (await call('accounts:get', { id: joe })).serviceStates.find((s) => s.kind === 'vps')

  it('shows a VPS whose latest run failed as failing, with that log', async () => {
    const { vps } = await call('vps:create', { accountId: joe, hostname: 'vps1.example.org' })
    const service = await vpsState()
    const [log] = (await call('logs:list', { objectType: 'vps', objectId: vps.id })).rows
    expect(log!.state).toBe('FAILURE')
    expect(service).toMatchObject({
      state: 'failing',
      failures: [
        { logId: log!.id, backend: 'proxmox-container', serverName: 'pve1', state: 'FAILURE' },
      ],
    })
    expect(await overview()).toEqual([
      ['vps', 'vps1.example.org', 'failing'],
      ['systemUser', 'joe', 'active'],
      ['systemUser', 'joe-cgi', 'active'],
    ])
  })

  it('clears the failure once a later run of the same backend succeeds', async () => {
    const { vps } = await call('vps:create', { accountId: joe, hostname: 'vps1.example.org' })
    ssh.exec("printf 'hostname: vps1.example.org\\n' > /etc/pve/nodes/pve1/lxc/101.conf")
    const [failed] = (await call('logs:list', { objectType: 'vps', objectId: vps.id })).rows
    await call('logs:retry', { id: failed!.id })
    const logs = (await call('logs:list', { objectType: 'vps', objectId: vps.id })).rows
    expect(logs.map((log) => log.state)).toEqual(['SUCCESS', 'FAILURE'])
    expect(await vpsState()).toMatchObject({ state: 'active', failures: [] })
  })

  it('shows disabled objects, by their own flag, their service or their account', async () => {
    ssh.exec("printf 'hostname: vps1.example.org\\n' > /etc/pve/nodes/pve1/lxc/101.conf")
    await call('vps:create', { accountId: joe, hostname: 'vps1.example.org', isActive: false })
    const kind = await call('miscServices:create', { name: 'registration' })
    await call('miscellaneous:create', { serviceId: kind.id, accountId: joe, identifier: 'a.org' })
    await call('miscServices:update', { id: kind.id, version: kind.version, isActive: false })
    expect(await overview()).toEqual([
      ['vps', 'vps1.example.org', 'disabled'],
      ['miscellaneous', 'a.org', 'disabled'],
      ['systemUser', 'joe', 'active'],
      ['systemUser', 'joe-cgi', 'active'],
    ])
    await call('accounts:setActive', { ids: [joe], active: false })
    expect((await overview()).map(([, , state]) => state)).toEqual(Array(4).fill('disabled'))
  })
})
