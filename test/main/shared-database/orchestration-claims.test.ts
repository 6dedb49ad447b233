import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { backendLogs } from '../../../src-main/db/schema'
import { accountInput, makeCore, type TestCore } from '../../support/core'
import { createPostgresDatabase, type TestDatabase } from '../../support/databases'
import { addTestServer } from '../../support/orchestration'
import { startSshServer, type TestSshServer } from '../../support/ssh-server'

// Two workstations (two cores) on one PostgreSQL database, both asked to run the same logs.

let database: TestDatabase
let ssh: TestSshServer
let ana: TestCore
let ben: TestCore

beforeAll(async () => {
  database = await createPostgresDatabase()
  ssh = await startSshServer()
  ana = await makeCore({ database: database.url, operator: 'ana@ws1' })
  ben = await makeCore({ database: database.url, operator: 'ben@ws2' })
}, 60_000)

afterAll(async () => {
  await Promise.all([ana?.dispose(), ben?.dispose()])
  await ssh?.stop()
  await database?.drop()
})

describe('logs on a shared database', () => {
  it('run once even when both workstations start them at the same moment', async () => {
    const server = await addTestServer(ana, ssh, 'web1')
    await ana.dispatcher.dispatch('routes:create', { backend: 'account-file', serverId: server.id })
    await ana.dispatcher.dispatch('accounts:create', accountInput({ username: 'once' }))
    ssh.exec('rm -f /etc/claims')

    // Twenty logs that append a line each, left RECEIVED as a change would leave them.
    const now = new Date().toISOString()
    const ids: number[] = []
    for (let i = 0; i < 20; i++) {
      const [row] = await ana.store.execute<{ id: number }>(sql`
        INSERT INTO ${backendLogs} (backend, server_id, server_name, server_address, state,
          script, run_id, actor, claimed_by, lease_until, created_at, updated_at)
        VALUES ('account-file', ${server.id}, 'web1', '127.0.0.1', 'RECEIVED',
          ${`echo ${i} >> /etc/claims`}, 'claims', 'ana@ws1', 'nobody', ${now}, ${now}, ${now})
        RETURNING id`)
      ids.push(row!.id)
    }
    await Promise.all(
      ids.flatMap((id) => [ana.orchestrator.runLog(id), ben.orchestrator.runLog(id)]),
    )

    const lines = ssh.exec('cat /etc/claims').trim().split('\n')
    expect(lines.sort((a, b) => Number(a) - Number(b))).toEqual(ids.map((_, i) => String(i)))
    const states = await ana.store.execute<{ state: string }>(
      sql`SELECT state FROM ${backendLogs} WHERE run_id = 'claims'`,
    )
    expect(states.every((row) => row.state === 'SUCCESS')).toBe(true)
  })
})
