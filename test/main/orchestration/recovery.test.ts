import { sql } from 'drizzle-orm'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openCore } from '../../../src-main/core/core'
import { accountInput, makeCore } from '../../support/core'
import { createPostgresDatabase, TEST_DIALECT, type TestDatabase } from '../../support/databases'
import { accountFileOn, addTestServer } from '../../support/orchestration'
import { startServe } from '../../support/serve-process'
import { startSshServer, type TestSshServer } from '../../support/ssh-server'

/** Makes `install` hang on the server, so that a script stays running. */
function slowDown(ssh: TestSshServer, seconds: number) {
  const wrapper = `#!/bin/sh\\nsleep ${seconds}\\nexec /usr/bin/install "$@"\\n`
  ssh.exec(`mkdir -p /usr/local/bin && printf '${wrapper}' > /usr/local/bin/install`)
  ssh.exec('chmod +x /usr/local/bin/install')
}
const speedUp = (ssh: TestSshServer) => ssh.exec('rm -f /usr/local/bin/install')

describe('orchestration failures', () => {
  let ssh: TestSshServer

  beforeAll(async () => {
    ssh = await startSshServer()
  })
  afterAll(() => ssh.stop())

  it('kills a script that runs past its timeout and marks it TIMEOUT', async () => {
    const core = await makeCore({ orchestration: { scriptTimeoutMs: 1_500 } })
    try {
      const server = await addTestServer(core, ssh, 'web1')
      await core.dispatcher.dispatch('routes:create', {
        backend: 'account-file',
        serverId: server.id,
      })
      slowDown(ssh, 40)
      await core.dispatcher.dispatch('accounts:create', accountInput({ username: 'tim' }))

      const [log] = (await core.dispatcher.dispatch('logs:list', {})).rows
      expect(log!.state).toBe('TIMEOUT')
      // The remote process went with it: nothing is left sleeping on the server.
      await sleep(500)
      expect(ssh.exec('pgrep -fx "sleep 40" || true').trim()).toBe('')
      expect(accountFileOn(ssh, 'tim')).toBeUndefined()
    } finally {
      speedUp(ssh)
      await core.dispose()
    }
  })

  it('says which server cannot be reached', async () => {
    const core = await makeCore({ orchestration: { connectTimeoutMs: 2_000 } })
    try {
      const server = await addTestServer(core, ssh, 'web1')
      // Nothing listens on port 1.
      await core.dispatcher.dispatch('servers:update', {
        id: server.id,
        version: server.version,
        sshPort: 1,
      })
      const moved = await core.dispatcher.dispatch('servers:get', { id: server.id })
      expect(moved.hostKeyFingerprint).toBeNull()
      const pinned = ssh.hostKeyFingerprint
      await core.store.execute(
        sql`UPDATE servers SET host_key_fingerprint = ${pinned} WHERE id = ${server.id}`,
      )
      await core.dispatcher.dispatch('routes:create', {
        backend: 'account-file',
        serverId: server.id,
      })
      await core.dispatcher.dispatch('accounts:create', accountInput({ username: 'una' }))

      const [log] = (await core.dispatcher.dispatch('logs:list', {})).rows
      const detail = await core.dispatcher.dispatch('logs:get', { id: log!.id })
      expect(detail.state).toBe('ERROR')
      expect(detail.error).toMatch(/web1/)
      expect(detail.error).toMatch(/refused|unreachable/i)
    } finally {
      await core.dispose()
    }
  })

  it('says which key the server refused', async () => {
    const core = await makeCore()
    try {
      const stranger = await core.dispatcher.dispatch('keys:generate', { label: 'not installed' })
      const server = await addTestServer(core, ssh, 'web1', stranger.id)
      await core.dispatcher.dispatch('routes:create', {
        backend: 'account-file',
        serverId: server.id,
      })
      await core.dispatcher.dispatch('accounts:create', accountInput({ username: 'val' }))

      const [log] = (await core.dispatcher.dispatch('logs:list', {})).rows
      const detail = await core.dispatcher.dispatch('logs:get', { id: log!.id })
      expect(detail.state).toBe('ERROR')
      expect(detail.error).toContain('web1')
      expect(detail.error).toContain(stranger.fingerprint)
    } finally {
      await core.dispose()
    }
  })

  it('marks a run the app was killed in ABORTED at the next start, and retries it', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'orchestra-kill-'))
    let database: TestDatabase | undefined
    if (TEST_DIALECT === 'postgres') database = await createPostgresDatabase()
    const args = ['--data-dir', dataDir, ...(database ? ['--database', database.url] : [])]
    const serve = await startServe(args, { ORCHESTRA_OPERATOR: 'tester@ws1' })
    try {
      const key = await serve.call('keys:import', {
        label: 'web1',
        privateKey: ssh.clientKey.privateKey,
      })
      const server = await serve.call('servers:create', {
        name: 'web1',
        address: ssh.address,
        sshPort: ssh.port,
        keyId: key.json.id,
      })
      const id = server.json.id
      const scan = await serve.call('servers:scanHostKey', { id })
      await serve.call('servers:acceptHostKey', { id, fingerprint: scan.json.fingerprint })
      await serve.call('routes:create', { backend: 'account-file', serverId: id })
      slowDown(ssh, 60)

      // The change commits, its script starts and hangs; then the app dies.
      const pending = serve
        .call('accounts:create', accountInput({ username: 'wes' }))
        .catch(() => undefined)
      await expect
        .poll(async () => (await serve.call('logs:list', {})).json.rows?.[0]?.state, {
          timeout: 15_000,
        })
        .toBe('STARTED')
      await serve.kill()
      await pending
      speedUp(ssh)

      const core = await openCore({
        dataDir,
        database: database?.url,
        quietLogs: true,
        operator: 'tester@ws1',
      })
      try {
        const [log] = (await core.dispatcher.dispatch('logs:list', {})).rows
        const detail = await core.dispatcher.dispatch('logs:get', { id: log!.id })
        expect(detail.state).toBe('ABORTED')
        expect(detail.error).toMatch(/stopped after it started/)
        expect((await core.dispatcher.dispatch('accounts:list', {})).total).toBe(1)

        const summary = await core.dispatcher.dispatch('logs:retry', { id: log!.id })
        expect(summary.logs[0]!.state).toBe('SUCCESS')
        expect(accountFileOn(ssh, 'wes')).toMatchObject({ username: 'wes' })
      } finally {
        await core.close()
      }
    } finally {
      speedUp(ssh)
      await serve.kill()
      await database?.drop()
      rmSync(dataDir, { recursive: true, force: true })
    }
  })
})
