import { asc, getTableColumns } from 'drizzle-orm'
import { getTableConfig } from 'drizzle-orm/sqlite-core'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { openStore } from '../../../src-main/core/core'
import { copyDatabase, tablesInDependencyOrder, type CopyProgress } from '../../../src-main/db/copy'
import type { Store } from '../../../src-main/db/store'
import { generateDemoData } from '../../../src-main/dev/generator'
import { makeCore, type TestCore } from '../../support/core'
import { createPostgresDatabase, type TestDatabase } from '../../support/databases'

const cleanups: (() => Promise<void>)[] = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
})

async function sqliteCore(): Promise<TestCore> {
  const core = await makeCore({ database: ':memory:' })
  cleanups.push(() => core.dispose())
  return core
}

async function emptyPostgres(): Promise<{ store: Store; database: TestDatabase }> {
  const database = await createPostgresDatabase()
  const store = await openStore({ kind: 'postgres', url: database.url })
  cleanups.push(() => database.drop())
  cleanups.push(() => store.close())
  return { store, database }
}

/** Every row of every table, in key order, as the data modules would read them. */
async function everything(store: Store) {
  return store.read(async (tx) => {
    const all: Record<string, unknown[]> = {}
    for (const table of tablesInDependencyOrder()) {
      const key = Object.values(getTableColumns(table)).find((column) => column.primary)!
      all[getTableConfig(table).name] = await tx.select().from(table).orderBy(asc(key))
    }
    return all
  })
}

describe('copying a database', () => {
  it('copies SQLite into an empty PostgreSQL database and back, rows identical', async () => {
    const original = await sqliteCore()
    await generateDemoData(original, 40)
    const [first] = (await original.dispatcher.dispatch('accounts:list', {})).rows
    await original.dispatcher.dispatch('accounts:setActive', { ids: [first!.id], active: false })
    await original.dispatcher.dispatch('settings:update', {
      name: 'CONTACTS_DEFAULT_COUNTRY',
      value: 'FR',
    })
    const before = await everything(original.store)
    expect(before.accounts).toHaveLength(40)
    expect(before.history_entries!.length).toBeGreaterThan(80)

    const { store: postgres, database } = await emptyPostgres()
    const progress: CopyProgress[] = []
    const there = await copyDatabase(original.store, postgres, (p) => progress.push(p))
    expect(there.rows).toBe(Object.values(before).reduce((sum, rows) => sum + rows.length, 0))
    expect(await everything(postgres)).toEqual(before)

    // Progress only grows and ends at the total, with both phases for every table.
    const overall = progress.map((p) => p.overallDone)
    expect(overall).toEqual([...overall].sort((a, b) => a - b))
    expect(overall.at(-1)).toBe(progress[0]!.overallTotal)
    expect(new Set(progress.map((p) => `${p.phase}:${p.table}`)).size).toBe(
      2 * tablesInDependencyOrder().length,
    )

    // And back into a new SQLite file, through a core opened on the PostgreSQL copy.
    const back = await openStore({ kind: 'sqlite', file: join(original.dataDir, 'back.sqlite') })
    cleanups.push(() => back.close())
    await copyDatabase(postgres, back)
    expect(await everything(back)).toEqual(before)

    // New rows on the copy continue after the copied ids instead of clashing with them.
    const onPostgres = await makeCore({ database: database.url })
    cleanups.push(() => onPostgres.close())
    const created = await onPostgres.dispatcher.dispatch('accounts:create', {
      username: 'newcomer',
      fullName: 'New Comer',
      email: 'new@example.net',
      contacts: [{ shortName: 'New', email: 'new@example.net' }],
    })
    const highest = Math.max(
      ...(
        await original.dispatcher.dispatch('accounts:list', {
          pageSize: 100,
        })
      ).rows.map((row) => row.id),
    )
    expect(created.account.id).toBeGreaterThan(highest)
  })

  it('refuses a target that holds data, and adds nothing to it', async () => {
    const original = await sqliteCore()
    await generateDemoData(original, 3)
    const { store: postgres } = await emptyPostgres()
    await copyDatabase(original.store, postgres)

    const again = copyDatabase(original.store, postgres)
    await expect(again).rejects.toMatchObject({
      code: 'VALIDATION',
      message: expect.stringMatching(/not empty: accounts has 3 rows/),
    })
    expect((await everything(postgres)).accounts).toHaveLength(3)
  })
})
