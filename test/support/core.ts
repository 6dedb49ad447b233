import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { count } from 'drizzle-orm'
import type { SQLiteTable } from 'drizzle-orm/sqlite-core'
import { openCore, type Core, type CoreOptions } from '../../src-main/core/core'
import type { AccountCreateInput } from '../../src-shared/schemas/accounts'
import type { ChannelName, ChannelRequest } from '../../src-shared/contract/channels'
import { createPostgresDatabase, TEST_DIALECT } from './databases'

export interface TestCore extends Core {
  dataDir: string
  dispose(): Promise<void>
}

/**
 * A core on a fresh database in its own temporary data folder: a SQLite file, or in the
 * `postgres` test project, a new database on the run's throwaway PostgreSQL server. Naming
 * `database`, even as undefined, leaves the choice to the core (its flag, saved choice…).
 */
export async function makeCore(options: CoreOptions = {}): Promise<TestCore> {
  const dataDir = mkdtempSync(join(tmpdir(), 'orchestra-test-'))
  const postgres =
    TEST_DIALECT === 'postgres' && !('database' in options)
      ? await createPostgresDatabase()
      : undefined
  const core = await openCore({
    dataDir,
    operator: 'tester@ws1',
    quietLogs: true,
    ...(postgres && { database: postgres.url }),
    ...options,
  })
  return {
    ...core,
    dataDir,
    async dispose() {
      await core.close()
      await postgres?.drop()
      rmSync(dataDir, { recursive: true, force: true })
    },
  }
}

/** How many rows a table holds, read straight from the database. */
export async function countRows(core: Core, table: SQLiteTable): Promise<number> {
  const [row] = await core.store.read((tx) => tx.select({ n: count() }).from(table))
  return row?.n ?? 0
}

export function accountInput(overrides: Partial<AccountCreateInput> = {}): AccountCreateInput {
  return {
    username: 'ana',
    fullName: 'Ana Puig',
    email: 'ana@example.net',
    contacts: [{ shortName: 'Ana', email: 'ana@example.net', phone: '612345678' }],
    ...overrides,
  }
}

/** A typed shortcut for one call through the dispatcher, as the renderer would make it. */
export function caller(current: () => Core) {
  return <N extends ChannelName>(name: N, request: ChannelRequest<N>) =>
    current().dispatcher.dispatch(name, request)
}
