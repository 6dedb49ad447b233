import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Keychain } from '../../../src-main/core/keychain'
import { osKeychain } from '../../../src-main/core/keychain'
import { passwordAccount } from '../../../src-main/core/database'
import type { DatabaseConnection } from '../../../src-shared/schemas/database'
import { accountInput, caller, makeCore, type TestCore } from '../../support/core'
import {
  createPostgresDatabase,
  createPostgresRole,
  postgresCaFile,
  postgresUrl,
  type TestDatabase,
} from '../../support/databases'

// Connecting from the interface: a workstation on its SQLite default moves to the team's
// PostgreSQL server, over TLS, with a password that only the OS keychain keeps.

/** A password with every character a URL, a shell or SQL would trip on. */
const PASSWORD = `p@ss:w/rd?#%&'"\\ $(x) ;--`

let core: TestCore
let database: TestDatabase
let role: string
const call = caller(() => core)
const cleanups: (() => Promise<unknown>)[] = []

beforeEach(async () => {
  core = await makeCore({ database: undefined, keychain: osKeychain })
  role = await createPostgresRole('clerk', PASSWORD, { tlsOnly: true })
  database = await createPostgresDatabase(role)
})
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
  await core.dispose()
  await database.drop()
  await osKeychain.delete(passwordAccount(serverUrl()))
})

function serverUrl() {
  const url = new URL(postgresUrl(database.name))
  url.username = role
  return url.toString()
}

function connection(overrides: Partial<DatabaseConnection> = {}): DatabaseConnection {
  const { port } = new URL(postgresUrl())
  return {
    kind: 'postgres',
    host: '127.0.0.1',
    port: Number(port),
    database: database.name,
    user: role,
    password: PASSWORD,
    tls: 'verify-full',
    caFile: postgresCaFile(),
    ...overrides,
  } as DatabaseConnection
}

describe('connecting to a PostgreSQL server from the interface', () => {
  it('needs an OS keychain here, as on a user workstation', async () => {
    expect(await osKeychain.status()).toEqual({ available: true })
  })

  it('checks a connection without changing anything there', async () => {
    const check = await call('database:check', connection())
    expect(check).toMatchObject({ kind: 'postgres', empty: true })
    expect(check.server).toMatch(/^PostgreSQL \d+/)
    expect(check.location).not.toContain('p@ss')
    expect((await call('app:info', {})).database.kind).toBe('sqlite')
  })

  it('switches to the server, keeps the password only in the keychain, and reopens it', async () => {
    await call('accounts:create', accountInput({ username: 'local' }))
    const switched: unknown[] = []
    core.events.subscribe((event, payload) => {
      if (event === 'database:switched') switched.push(payload)
    })

    const status = await call('database:connect', connection())
    expect(status).toMatchObject({ kind: 'postgres', source: 'saved', locked: false })
    expect(status.location).toContain(`${role}@127.0.0.1`)
    expect(switched).toHaveLength(1)
    expect((await call('app:info', {})).database).toEqual({
      kind: 'postgres',
      location: status.location,
    })
    // Calls now go to the server, which starts empty.
    expect((await call('accounts:list', {})).total).toBe(0)
    await call('accounts:create', accountInput({ username: 'shared' }))

    const saved = readFileSync(join(core.dataDir, 'database.json'), 'utf8')
    expect(saved).toContain(database.name)
    expect(saved).not.toContain('p@ss')
    expect(await osKeychain.get(passwordAccount(serverUrl()))).toBe(PASSWORD)

    // The next start opens the saved choice with the keychain's password.
    const again = await makeCore({
      dataDir: core.dataDir,
      database: undefined,
      keychain: osKeychain,
    })
    cleanups.push(() => again.close())
    expect(again.info.database.kind).toBe('postgres')
    const listed = await again.dispatcher.dispatch('accounts:list', {})
    expect(listed.rows.map((row) => row.username)).toEqual(['shared'])
  })

  it('refuses a wrong password with the server reason and stays where it was', async () => {
    const refused = call('database:connect', connection({ password: 'wrong' }))
    await expect(refused).rejects.toMatchObject({
      code: 'UNAVAILABLE',
      message: expect.stringMatching(/password authentication failed/),
    })
    expect((await call('app:info', {})).database.kind).toBe('sqlite')
    expect(existsSync(join(core.dataDir, 'database.json'))).toBe(false)
    expect(await osKeychain.get(passwordAccount(serverUrl()))).toBeUndefined()
  })

  it('checks the server certificate, and the server refuses clear text to this role', async () => {
    await expect(call('database:check', connection({ caFile: undefined }))).rejects.toMatchObject({
      code: 'UNAVAILABLE',
      message: expect.stringMatching(/certificate/i),
    })
    await expect(call('database:check', connection({ tls: 'disable' }))).rejects.toMatchObject({
      code: 'UNAVAILABLE',
      message: expect.stringMatching(/no encryption|pg_hba/),
    })
    // Encrypted without checking who answers: works, for those who choose it.
    const unchecked = await call(
      'database:check',
      connection({ tls: 'require', caFile: undefined }),
    )
    expect(unchecked.kind).toBe('postgres')
  })

  it('copies this workstation into the empty server database with progress', async () => {
    for (const username of ['ana', 'ben', 'cai']) {
      await call('accounts:create', accountInput({ username }))
    }
    const progress: number[] = []
    core.events.subscribe((event, payload) => {
      if (event === 'database:copyProgress')
        progress.push((payload as { overallDone: number }).overallDone)
    })
    const copied = await call('database:copy', { to: connection() })
    expect(copied.tables.find((table) => table.table === 'accounts')?.rows).toBe(3)
    expect(progress.at(-1)).toBe(2 * copied.rows)
    expect((await call('database:check', connection())).empty).toBe(false)
    // This workstation stays on its own database until it chooses to switch.
    expect((await call('app:info', {})).database.kind).toBe('sqlite')
  })
})

export type { Keychain }
