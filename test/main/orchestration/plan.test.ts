import { sql } from 'drizzle-orm'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { defineBackend } from '../../../src-main/orchestration/backend'
import { accountFileBackend } from '../../../src-main/orchestration/backends/account-file'
import { planRun } from '../../../src-main/orchestration/plan'
import { accountInput, makeCore, type TestCore } from '../../support/core'

// Planning a run (spec 6): which logs a set of operations becomes, before anything runs.

/** A backend that has nothing to say about any object. */
const silent = defineBackend({
  ...accountFileBackend,
  id: 'silent-test',
  prepare: undefined,
  actions: { save: () => undefined },
})

describe('planRun', () => {
  let core: TestCore
  let accountIds: number[]
  let serverId: number

  beforeEach(async () => {
    core = await makeCore()
    accountIds = []
    for (const username of ['ana', 'bea', 'cai']) {
      const detail = await core.dispatcher.dispatch('accounts:create', accountInput({ username }))
      accountIds.push(detail.account.id)
    }
    const server = await core.dispatcher.dispatch('servers:create', {
      name: 'web1',
      address: '192.0.2.10',
    })
    serverId = server.id
    // Straight into the table: these test backends are not installed, so the API would refuse.
    const now = new Date().toISOString()
    for (const backend of ['account-file', 'silent-test']) {
      await core.store
        .execute(sql`INSERT INTO routes (backend, server_id, match, created_at, updated_at)
        VALUES (${backend}, ${serverId}, 'true', ${now}, ${now})`)
    }
  })
  afterEach(() => core.dispose())

  const plan = (backend: typeof silent) =>
    core.store.write((tx) =>
      planRun(
        tx,
        accountIds.map((objectId) => ({
          backend,
          action: 'save',
          objectType: 'account' as const,
          objectId,
        })),
        {
          actor: 'tester@ws1',
          now: new Date().toISOString(),
          claimedBy: 'x:1:y',
          leaseUntil: '9999',
        },
      ),
    )

  it('makes one log for three objects of one backend on one server', async () => {
    const run = await plan(accountFileBackend)
    expect(run.logs).toHaveLength(1)
    expect(run.logs[0]!.operations).toEqual(['save ana', 'save bea', 'save cai'])
    const [log] = await core.store.execute<{ script: string }>(sql`SELECT script FROM backend_logs`)
    expect(log!.script.match(/^# prepare$/gm)).toHaveLength(1)
    expect(log!.script.match(/^# \d\/3 save account #\d+$/gm)).toHaveLength(3)
  })

  it('records NOTHING, already finished, when the backend has nothing to send', async () => {
    const run = await plan(silent)
    expect(run.logs).toEqual([
      expect.objectContaining({ state: 'NOTHING', backend: 'silent-test' }),
    ])
    const rows = await core.store.execute<{ state: string; finished_at: string | null }>(
      sql`SELECT state, finished_at FROM backend_logs`,
    )
    expect(rows).toEqual([{ state: 'NOTHING', finished_at: expect.any(String) }])
  })
})
