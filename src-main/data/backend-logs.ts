import { and, desc, asc, count, eq, gte, inArray, lte, or, sql, type SQL } from 'drizzle-orm'
import type { Page } from '../../src-shared/schemas/common'
import { AppError } from '../../src-shared/errors'
import {
  logListSchema,
  type LogDetail,
  type LogListQuery,
  type LogOperation,
  type LogRow,
  type LogState,
} from '../../src-shared/schemas/orchestration'
import { fts5Phrase } from '../core/escape'
import { backendLogs, backendOperations } from '../db/schema'
import { isPostgres, type Tx } from '../db/store'
import { containsAnyCase } from './sql'

type LogRecord = typeof backendLogs.$inferSelect

/** Trigrams need three characters; shorter searches read the logs. */
function textSearch(tx: Tx, q: string): SQL {
  if (isPostgres(tx)) {
    return containsAnyCase(
      tx,
      sql`(${backendLogs.script} || ' ' || ${backendLogs.stdout} || ' ' || ${backendLogs.stderr})`,
      q,
    )
  }
  if ([...q].length < 3) {
    return or(
      containsAnyCase(tx, backendLogs.script, q),
      containsAnyCase(tx, backendLogs.stdout, q),
      containsAnyCase(tx, backendLogs.stderr, q),
    )!
  }
  return sql`${backendLogs.id} IN (SELECT rowid FROM backend_logs_search
    WHERE backend_logs_search MATCH ${fts5Phrase(q)})`
}

function durationOf(row: Pick<LogRecord, 'startedAt' | 'finishedAt'>): number | null {
  if (!row.startedAt || !row.finishedAt) return null
  return (Date.parse(row.finishedAt) - Date.parse(row.startedAt)) / 1000
}

function toRow(row: LogRecord, operations: LogOperation[]): LogRow {
  return {
    id: row.id,
    backend: row.backend,
    serverId: row.serverId,
    serverName: row.serverName,
    state: row.state as LogState,
    exitCode: row.exitCode,
    isAsync: row.isAsync,
    actor: row.actor,
    retryOf: row.retryOf,
    createdAt: row.createdAt,
    startedAt: row.startedAt,
    finishedAt: row.finishedAt,
    durationSeconds: durationOf(row),
    operations,
  }
}

async function operationsOf(tx: Tx, logIds: number[]): Promise<Map<number, LogOperation[]>> {
  const byLog = new Map<number, LogOperation[]>()
  if (!logIds.length) return byLog
  const rows = await tx
    .select()
    .from(backendOperations)
    .where(inArray(backendOperations.logId, logIds))
    .orderBy(asc(backendOperations.id))
  for (const row of rows) {
    const list = byLog.get(row.logId!) ?? []
    list.push({
      id: row.id,
      action: row.action,
      objectType: row.objectType,
      objectId: row.objectId,
      objectRepr: row.objectRepr,
      state: row.state,
    })
    byLog.set(row.logId!, list)
  }
  return byLog
}

/**
 * The logs of one object. A website's take in those of its certificate too: the certbot runs
 * for its names belong with its own on its page, and in the full list that page links to.
 * TODO(#6): only its current certificate is matched, so a deleted one's runs (its delete
 * among them) leave the site's logs; reading the website id from the snapshot would keep them.
 */
function objectFilter(objectType: string, objectId: number): SQL {
  const certificate =
    objectType === 'website'
      ? sql` OR (object_type = 'certificate'
          AND object_id IN (SELECT id FROM certificates WHERE website_id = ${objectId}))`
      : sql``
  return sql`${backendLogs.id} IN (SELECT log_id FROM backend_operations
    WHERE (object_type = ${objectType} AND object_id = ${objectId})${certificate})`
}

export async function listLogs(tx: Tx, input: LogListQuery): Promise<Page<LogRow>> {
  const query = logListSchema.parse(input)
  const where = and(
    query.state && eq(backendLogs.state, query.state),
    query.serverId !== undefined ? eq(backendLogs.serverId, query.serverId) : undefined,
    query.backend ? eq(backendLogs.backend, query.backend) : undefined,
    query.from ? gte(backendLogs.createdAt, new Date(query.from).toISOString()) : undefined,
    query.to ? lte(backendLogs.createdAt, new Date(query.to).toISOString()) : undefined,
    query.q ? textSearch(tx, query.q) : undefined,
    query.objectType && query.objectId ? objectFilter(query.objectType, query.objectId) : undefined,
  )
  const order = query.dir === 'asc' ? asc : desc
  const [total] = await tx.select({ n: count() }).from(backendLogs).where(where)
  const rows = await tx
    .select()
    .from(backendLogs)
    .where(where)
    .orderBy(order(backendLogs.id))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize)
  const operations = await operationsOf(
    tx,
    rows.map((row) => row.id),
  )
  return {
    rows: rows.map((row) => toRow(row, operations.get(row.id) ?? [])),
    total: total?.n ?? 0,
    page: query.page,
    pageSize: query.pageSize,
  }
}

export async function getLogRecord(tx: Tx, id: number): Promise<LogRecord> {
  const [row] = await tx.select().from(backendLogs).where(eq(backendLogs.id, id))
  if (!row) throw AppError.notFound('Backend log', id)
  return row
}

export async function getLog(tx: Tx, id: number): Promise<LogDetail> {
  const row = await getLogRecord(tx, id)
  const operations = await operationsOf(tx, [id])
  return {
    ...toRow(row, operations.get(id) ?? []),
    serverAddress: row.serverAddress,
    script: row.script,
    stdout: row.stdout,
    stderr: row.stderr,
    error: row.error,
    retryable: row.retryable,
    runId: row.runId,
  }
}

/** Every log with its operations (snapshots included), for an export. */
export async function exportLogs(tx: Tx, ids: number[]) {
  const logs = await tx
    .select()
    .from(backendLogs)
    .where(inArray(backendLogs.id, ids))
    .orderBy(asc(backendLogs.id))
  const operations = await tx
    .select()
    .from(backendOperations)
    .where(inArray(backendOperations.logId, ids))
    .orderBy(asc(backendOperations.id))
  return { logs, operations }
}

export async function operationRecords(tx: Tx, logId: number) {
  return tx
    .select()
    .from(backendOperations)
    .where(eq(backendOperations.logId, logId))
    .orderBy(asc(backendOperations.id))
}
