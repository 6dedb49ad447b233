import { sql } from 'drizzle-orm'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { accountInput, caller, makeCore, type TestCore } from '../../support/core'
import { accountFileOn, addTestServer } from '../../support/orchestration'
import { startSshServers, stopSshServers, type TestSshServer } from '../../support/ssh-server'

describe('orchestration over SSH', () => {
  let ssh: TestSshServer[] = []
  let core: TestCore
  const call = caller(() => core)

  beforeAll(async () => {
    ssh = await startSshServers(2)
  })
  afterAll(() => stopSshServers(ssh))
  beforeEach(async () => {
    core = await makeCore()
    for (const server of ssh) server.exec('rm -rf /etc/orchestra')
  })
  afterEach(() => core.dispose())

  async function routeTo(serverIndex: number, match = '') {
    const server = await addTestServer(core, ssh[serverIndex]!, `web${serverIndex + 1}`)
    await call('routes:create', { backend: 'account-file', serverId: server.id, match })
    return server
  }

  it('runs one script on the routed server when an account is created', async () => {
    await routeTo(0)
    const runs: unknown[] = []
    core.events.subscribe((name, payload) => name === 'orchestration:run' && runs.push(payload))
    const detail = await call('accounts:create', accountInput({ username: 'ana' }))
    expect(runs).toEqual([
      expect.objectContaining({ logs: [expect.objectContaining({ operations: ['save ana'] })] }),
    ])

    expect(accountFileOn(ssh[0]!, 'ana')).toMatchObject({ username: 'ana', fullName: 'Ana Puig' })
    const logs = await call('logs:list', {})
    expect(logs.rows).toHaveLength(1)
    expect(logs.rows[0]).toMatchObject({ state: 'SUCCESS', exitCode: 0, serverName: 'web1' })
    expect(logs.rows[0]!.operations).toEqual([
      expect.objectContaining({ action: 'save', objectId: detail.account.id, state: 'SUCCESS' }),
    ])
  })

  it('runs a script on every matching server, each with its own log', async () => {
    await routeTo(0)
    await routeTo(1)
    await call('accounts:create', accountInput({ username: 'bea' }))

    expect(accountFileOn(ssh[0]!, 'bea')).toBeDefined()
    expect(accountFileOn(ssh[1]!, 'bea')).toBeDefined()
    const logs = await call('logs:list', { dir: 'asc' })
    expect(logs.rows.map((row) => row.serverName)).toEqual(['web1', 'web2'])
  })

  it('re-saves the account when one of its contacts changes', async () => {
    await routeTo(0)
    const { account, contacts } = await call('accounts:create', accountInput({ username: 'cai' }))
    await call('contacts:update', {
      id: contacts[0]!.id,
      version: contacts[0]!.version,
      email: 'new@example.net',
    })

    expect(accountFileOn(ssh[0]!, 'cai')).toMatchObject({
      contacts: [expect.objectContaining({ email: 'new@example.net' })],
    })
    const logs = await call('logs:list', { objectType: 'account', objectId: account.id })
    expect(logs.total).toBe(2)
  })

  it('removes the file when the account is deleted, as one delete', async () => {
    await routeTo(0)
    const { account } = await call('accounts:create', accountInput({ username: 'dan' }))
    await call('accounts:delete', { id: account.id })

    expect(accountFileOn(ssh[0]!, 'dan')).toBeUndefined()
    const [latest] = (await call('logs:list', {})).rows
    expect(latest!.operations.map((op) => op.action)).toEqual(['delete'])
    expect(latest!.state).toBe('SUCCESS')
  })

  it('sends only the objects a route expression matches', async () => {
    await routeTo(0, 'account.type == "COMPANY"')
    await call('accounts:create', accountInput({ username: 'eva', type: 'COMPANY' }))
    await call('accounts:create', accountInput({ username: 'fer', type: 'INDIVIDUAL' }))

    expect(accountFileOn(ssh[0]!, 'eva')).toBeDefined()
    expect(accountFileOn(ssh[0]!, 'fer')).toBeUndefined()
  })

  it('skips an inactive route and records the change as not routed', async () => {
    const server = await routeTo(0)
    const [route] = await call('routes:list', {})
    await call('routes:update', { id: route!.id, version: route!.version, isActive: false })
    const events: unknown[] = []
    core.events.subscribe((name, payload) => name === 'orchestration:run' && events.push(payload))
    await call('accounts:create', accountInput({ username: 'gil' }))

    expect(accountFileOn(ssh[0]!, 'gil')).toBeUndefined()
    expect((await call('logs:list', { serverId: server.id })).total).toBe(0)
    expect(events).toEqual([
      expect.objectContaining({
        logs: [],
        // The account's system users have no route here either.
        notRouted: [
          expect.objectContaining({ backend: 'account-file', objectRepr: 'gil' }),
          expect.objectContaining({ backend: 'unix-user', objectRepr: 'gil' }),
          expect.objectContaining({ backend: 'unix-user', objectRepr: 'gil-cgi' }),
        ],
      }),
    ])
  })

  it('keeps the change and records FAILURE with the output when the script fails', async () => {
    await routeTo(0)
    ssh[0]!.exec('touch /etc/orchestra')
    const { account } = await call('accounts:create', accountInput({ username: 'hug' }))

    expect((await call('accounts:get', { id: account.id })).account.username).toBe('hug')
    const [log] = (await call('logs:list', {})).rows
    const detail = await call('logs:get', { id: log!.id })
    expect(detail.state).toBe('FAILURE')
    expect(detail.exitCode).not.toBe(0)
    expect(detail.stderr).toMatch(/install|File exists|Not a directory/)
    ssh[0]!.exec('rm -f /etc/orchestra')
  })

  it('refuses a changed host key, naming both fingerprints, and runs nothing', async () => {
    const server = await routeTo(0)
    // Another machine answering at the same address looks exactly like this.
    const other = 'SHA256:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA'
    await core.store.execute(
      sql`UPDATE servers SET host_key_fingerprint = ${other} WHERE id = ${server.id}`,
    )
    await call('accounts:create', accountInput({ username: 'ima' }))

    const [log] = (await call('logs:list', {})).rows
    const detail = await call('logs:get', { id: log!.id })
    expect(detail.state).toBe('ERROR')
    expect(detail.error).toContain('web1')
    expect(detail.error).toContain('SHA256:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA')
    expect(detail.error).toContain(ssh[0]!.hostKeyFingerprint)
    expect(accountFileOn(ssh[0]!, 'ima')).toBeUndefined()
  })

  it('retries a failed log with the recorded script on the recorded server', async () => {
    await routeTo(0)
    ssh[0]!.exec('touch /etc/orchestra')
    await call('accounts:create', accountInput({ username: 'jon' }))
    const [failed] = (await call('logs:list', {})).rows
    ssh[0]!.exec('rm -f /etc/orchestra')

    const summary = await call('logs:retry', { id: failed!.id })
    expect(summary.logs).toEqual([expect.objectContaining({ state: 'SUCCESS' })])
    const retried = await call('logs:get', { id: summary.logs[0]!.id })
    expect(retried.retryOf).toBe(failed!.id)
    expect(accountFileOn(ssh[0]!, 'jon')).toBeDefined()
  })

  it('previews the scripts of a change without making it', async () => {
    await routeTo(0)
    const preview = await call('orchestration:preview', {
      channel: 'accounts:create',
      request: accountInput({ username: 'kim' }),
    })
    expect(preview.scripts).toEqual([
      expect.objectContaining({ backend: 'account-file', serverName: 'web1' }),
    ])
    expect(preview.scripts[0]!.script).toContain('/etc/orchestra/accounts/kim.json')
    expect((await call('accounts:list', {})).total).toBe(0)
    expect((await call('logs:list', {})).total).toBe(0)
  })

  it('refuses a route whose expression reads a field the backend does not have', async () => {
    const server = await addTestServer(core, ssh[0]!, 'web1')
    await expect(
      call('routes:create', {
        backend: 'account-file',
        serverId: server.id,
        match: 'instance.nonexistent',
      }),
    ).rejects.toMatchObject({
      code: 'VALIDATION',
      issues: [
        expect.objectContaining({ field: 'match', message: expect.stringMatching(/^TypeError/) }),
      ],
    })
  })

  it('returns at once for an asynchronous route and finishes in the background', async () => {
    const server = await addTestServer(core, ssh[0]!, 'web1')
    await call('routes:create', { backend: 'account-file', serverId: server.id, isAsync: true })
    const wrapper = `#!/bin/sh\\nsleep 1\\nexec /usr/bin/install "$@"\\n`
    ssh[0]!.exec(`mkdir -p /usr/local/bin && printf '${wrapper}' > /usr/local/bin/install`)
    ssh[0]!.exec('chmod +x /usr/local/bin/install')
    try {
      await call('accounts:create', accountInput({ username: 'lia' }))
      const [running] = (await call('logs:list', {})).rows
      expect(['RECEIVED', 'STARTED']).toContain(running!.state)
      expect(accountFileOn(ssh[0]!, 'lia')).toBeUndefined()

      await core.orchestrator.settled()
      expect((await call('logs:get', { id: running!.id })).state).toBe('SUCCESS')
      expect(accountFileOn(ssh[0]!, 'lia')).toBeDefined()
    } finally {
      ssh[0]!.exec('rm -f /usr/local/bin/install')
    }
  })
})
