import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openCore } from '../../../src-main/core/core'
import { accountInput, makeCore, type TestCore } from '../../support/core'
import { addTestServer } from '../../support/orchestration'
import { startSshServer, type TestSshServer } from '../../support/ssh-server'

const digest = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex')

describe('offline audit of backend logs', () => {
  let ssh: TestSshServer
  let core: TestCore
  let exported: string

  beforeAll(async () => {
    ssh = await startSshServer()
    core = await makeCore({ database: undefined })
    const server = await addTestServer(core, ssh, 'web1')
    await core.dispatcher.dispatch('routes:create', {
      backend: 'account-file',
      serverId: server.id,
    })
    await core.dispatcher.dispatch('accounts:create', accountInput({ username: 'ana' }))
    await core.dispatcher.dispatch('accounts:create', accountInput({ username: 'bea' }))
    const logs = await core.dispatcher.dispatch('logs:list', {})
    const result = await core.dispatcher.dispatch('logs:export', {
      ids: logs.rows.map((row) => row.id),
      file: join(core.dataDir, 'audit.sqlite'),
    })
    expect(result.logs).toBe(2)
    exported = result.file
  })
  afterAll(async () => {
    await core.dispose()
    await ssh.stop()
  })

  it('opens an exported file with the logs, their operations and full-text search', async () => {
    const before = digest(exported)
    const audit = await openCore({ database: exported, readOnly: true, quietLogs: true })
    try {
      const logs = await audit.dispatcher.dispatch('logs:list', {})
      expect(logs.total).toBe(2)
      expect(logs.rows.map((row) => row.serverName)).toEqual(['web1', 'web1'])
      const found = await audit.dispatcher.dispatch('logs:list', { q: 'accounts/bea.json' })
      expect(found.rows.map((row) => row.operations[0]!.objectRepr)).toEqual(['bea'])
      expect(audit.info.database.readOnly).toBe(true)
    } finally {
      await audit.close()
    }
    expect(digest(exported)).toBe(before)
  })

  it('refuses every change when open read-only, and leaves the file as it was', async () => {
    const file = join(core.dataDir, 'orchestra.sqlite')
    const before = digest(file)
    const audit = await openCore({ database: file, readOnly: true, quietLogs: true })
    try {
      await expect(
        audit.dispatcher.dispatch('accounts:create', accountInput({ username: 'cai' })),
      ).rejects.toMatchObject({ code: 'FORBIDDEN', message: expect.stringMatching(/read-only/) })
      expect((await audit.dispatcher.dispatch('accounts:list', {})).total).toBe(2)
      // Nor can it switch to another database, which would then take changes.
      const other = { kind: 'sqlite' as const, file: join(core.dataDir, 'other.sqlite') }
      await expect(audit.dispatcher.dispatch('database:connect', other)).rejects.toMatchObject({
        code: 'FORBIDDEN',
      })
    } finally {
      await audit.close()
    }
    expect(digest(file)).toBe(before)
  })
})
