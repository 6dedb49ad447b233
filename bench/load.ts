import type { SqliteStore } from '../src-main/db/sqlite-store'
import { bulkLoad } from '../src-main/dev/generator'

export interface LoadReport {
  accounts: number
  contacts: number
  seconds: number
  databaseMiB: number
  rssMiB: number
  heapUsedMiB: number
}

const MIB = 1024 * 1024

/** Bulk-loads the generator's accounts and notes what it cost in time and memory. */
export function loadAccounts(store: SqliteStore, count: number): LoadReport {
  const start = performance.now()
  bulkLoad(store, count, 1)
  const seconds = (performance.now() - start) / 1000

  const sqlite = store.sqlite
  const countOf = (table: string) =>
    (sqlite.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n
  const pages = sqlite.pragma('page_count', { simple: true }) as number
  const pageSize = sqlite.pragma('page_size', { simple: true }) as number
  const memory = process.memoryUsage()
  return {
    accounts: countOf('accounts'),
    contacts: countOf('contacts'),
    seconds,
    databaseMiB: (pages * pageSize) / MIB,
    rssMiB: memory.rss / MIB,
    heapUsedMiB: memory.heapUsed / MIB,
  }
}
