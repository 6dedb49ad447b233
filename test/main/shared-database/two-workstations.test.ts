import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createPostgresDatabase, type TestDatabase } from '../../support/databases'
import { startServe, type ServeProcess } from '../../support/serve-process'

// Two `orchestra serve` processes, as two workstations, on one PostgreSQL database.

let database: TestDatabase
let ana: ServeProcess
let ben: ServeProcess
const dirs: string[] = []

function workstation(operator: string) {
  const dataDir = mkdtempSync(join(tmpdir(), `orchestra-${operator}-`))
  dirs.push(dataDir)
  return startServe(['--data-dir', dataDir], {
    ORCHESTRA_DATABASE_URL: database.url,
    ORCHESTRA_OPERATOR: operator,
  })
}

beforeAll(async () => {
  database = await createPostgresDatabase()
  // Both start together: the migration lock lets one migrate while the other waits.
  ;[ana, ben] = await Promise.all([workstation('ana@ws1'), workstation('ben@ws2')])
}, 60_000)

afterAll(async () => {
  await Promise.all([ana?.stop(), ben?.stop()])
  await database?.drop()
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true })
})

const newAccount = {
  username: 'shared',
  fullName: 'Shared Hosting SL',
  email: 'admin@shared.example',
  contacts: [{ shortName: 'Admin', email: 'admin@shared.example' }],
}

describe('two workstations on one PostgreSQL database', () => {
  it('both say which database they have open', async () => {
    for (const station of [ana, ben]) {
      const { json } = await station.call('app:info', {})
      expect(json.database).toEqual({
        kind: 'postgres',
        location: expect.stringContaining(`/${database.name}`),
      })
    }
  })

  it('shows a change made on one workstation on the other, without a restart', async () => {
    const watching = await ben.watch()
    const created = await ana.call('accounts:create', newAccount)
    expect(created.status).toBe(200)
    const id = created.json.account.id

    await expect
      .poll(() => watching.events, { timeout: 10_000 })
      .toContainEqual({ objectType: 'account', objectId: id, action: 'added' })
    watching.close()
    const seen = await ben.call('accounts:get', { id })
    expect(seen.json.account.fullName).toBe('Shared Hosting SL')
  })

  it('gives the second of two conflicting edits a conflict that shows the stored version', async () => {
    const { json: listed } = await ben.call('accounts:list', { q: 'shared' })
    const { json: detail } = await ben.call('accounts:get', { id: listed.rows[0]!.id })
    const account = detail.account
    const edit = (fullName: string) => ({
      id: account.id,
      version: account.version,
      fullName,
      email: account.email,
    })

    // Both opened version 1; Ana saves first.
    const first = await ana.call('accounts:update', edit('Shared Hosting SLU'))
    expect(first.status).toBe(200)
    const second = await ben.call('accounts:update', edit('Shared Hosting Ltd'))

    expect(second.status).toBe(409)
    expect(second.json.error).toMatchObject({
      code: 'CONFLICT',
      details: { stored: { fullName: 'Shared Hosting SLU', version: account.version + 1 } },
    })
    const { json: after } = await ana.call('accounts:get', { id: account.id })
    expect(after.account.fullName).toBe('Shared Hosting SLU')
  })

  it('lets only one of two simultaneous creates of one username through', async () => {
    const attempts = await Promise.all(
      [ana, ben, ana, ben].map((station) =>
        station.call('accounts:create', { ...newAccount, username: 'race' }),
      ),
    )
    const statuses = attempts.map((attempt) => attempt.status).sort()
    expect(statuses).toEqual([200, 400, 400, 400])
    const refused = attempts.find((attempt) => attempt.status === 400)!
    expect(refused.json.error?.issues).toEqual([
      expect.objectContaining({ field: 'username', rule: 'unique' }),
    ])
  })
})
