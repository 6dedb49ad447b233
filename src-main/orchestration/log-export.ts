import { existsSync } from 'node:fs'
import { inArray } from 'drizzle-orm'
import { AppError } from '../../src-shared/errors'
import { exportLogs } from '../data/backend-logs'
import { backendLogs, backendOperations, servers } from '../db/schema'
import { openSqliteStore } from '../db/sqlite-store'
import type { Store } from '../db/store'

/** Rows per insert, well under SQLite's limit on bound values. */
const BATCH = 200

function chunks<T>(rows: T[]): T[][] {
  const result: T[][] = []
  for (let i = 0; i < rows.length; i += BATCH) result.push(rows.slice(i, i + BATCH))
  return result
}

/**
 * Writes a set of logs, their operations and the servers they ran on into a new SQLite file
 * of this app's schema: another copy of the app opens it read-only (`--read-only`) for an
 * offline audit, with the same lists, filters and search. Keys and accounts are not in it;
 * servers keep their names, addresses and host key fingerprints only.
 */
export async function exportLogsToFile(
  source: Store,
  ids: number[],
  file: string,
): Promise<{ file: string; logs: number }> {
  if (existsSync(file)) {
    throw AppError.validation([
      { field: 'file', rule: 'exists', message: 'already exists: choose a new file' },
    ])
  }
  const data = await source.read(async (tx) => {
    const exported = await exportLogs(tx, ids)
    const serverIds = [
      ...new Set(exported.logs.flatMap((log) => (log.serverId ? [log.serverId] : []))),
    ]
    const used = serverIds.length
      ? await tx.select().from(servers).where(inArray(servers.id, serverIds))
      : []
    return { ...exported, servers: used }
  })
  if (!data.logs.length)
    throw new AppError({ code: 'NOT_FOUND', message: 'None of these logs exist' })

  const target = openSqliteStore(file)
  try {
    await target.write(async (tx) => {
      for (const rows of chunks(data.servers.map((server) => ({ ...server, keyId: null })))) {
        await tx.insert(servers).values(rows)
      }
      for (const rows of chunks(data.logs)) await tx.insert(backendLogs).values(rows)
      for (const rows of chunks(data.operations)) await tx.insert(backendOperations).values(rows)
    })
  } finally {
    await target.close()
  }
  return { file, logs: data.logs.length }
}
