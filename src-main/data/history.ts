import { and, asc, count, desc, eq, or, type SQL } from 'drizzle-orm'
import type { Page } from '../../src-shared/schemas/common'
import type {
  FieldChange,
  HistoryAction,
  HistoryEntry,
  HistoryListQuery,
  ObjectType,
} from '../../src-shared/schemas/history'
import { historyListSchema } from '../../src-shared/schemas/history'
import type { Tx } from '../db/store'
import { historyEntries } from '../db/schema'
import type { WriteContext } from './context'
import { containsAnyCase } from './sql'

export interface HistoryRecord {
  objectType: ObjectType
  objectId: number
  accountId: number | null
  objectRepr: string
  action: HistoryAction
  changes?: FieldChange[]
  message?: string
  /** For a deletion: the object as it was, so servers can be told what to remove. */
  snapshot?: unknown
}

/** Appends one audit entry in the caller's transaction and queues the change event. */
export async function recordHistory(ctx: WriteContext, record: HistoryRecord): Promise<void> {
  await ctx.tx.insert(historyEntries).values({
    at: ctx.now,
    actor: ctx.actor,
    objectType: record.objectType,
    objectId: record.objectId,
    accountId: record.accountId,
    objectRepr: record.objectRepr,
    action: record.action,
    changes: JSON.stringify(record.changes ?? []),
    message: record.message ?? '',
  })
  ctx.changes.push({
    objectType: record.objectType,
    objectId: record.objectId,
    action: record.action,
  })
  await ctx.collector?.record({
    objectType: record.objectType,
    objectId: record.objectId,
    action: record.action,
    fields: (record.changes ?? []).map((change) => change.field),
    snapshot: record.snapshot,
  })
}

/** The fields whose values differ between two versions of an object, in `fields` order. */
export function diffFields<T extends object>(
  before: T,
  after: T,
  fields: readonly (keyof T & string)[],
): FieldChange[] {
  return fields
    .filter((field) => JSON.stringify(before[field]) !== JSON.stringify(after[field]))
    .map((field) => ({ field, from: before[field], to: after[field] }))
}

export async function listHistory(tx: Tx, input: HistoryListQuery): Promise<Page<HistoryEntry>> {
  const query = historyListSchema.parse(input)
  const filters: (SQL | undefined)[] = [
    query.objectType && eq(historyEntries.objectType, query.objectType),
    query.objectId !== undefined ? eq(historyEntries.objectId, query.objectId) : undefined,
    query.accountId !== undefined ? eq(historyEntries.accountId, query.accountId) : undefined,
    query.action && eq(historyEntries.action, query.action),
    query.q
      ? or(
          containsAnyCase(tx, historyEntries.objectRepr, query.q),
          containsAnyCase(tx, historyEntries.actor, query.q),
          containsAnyCase(tx, historyEntries.message, query.q),
        )
      : undefined,
  ]
  const where = and(...filters)
  const order = query.dir === 'asc' ? asc : desc

  const [totalRow] = await tx.select({ n: count() }).from(historyEntries).where(where)
  const rows = await tx
    .select()
    .from(historyEntries)
    .where(where)
    .orderBy(order(historyEntries.at), order(historyEntries.id))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize)

  return {
    rows: rows.map(toEntry),
    total: totalRow?.n ?? 0,
    page: query.page,
    pageSize: query.pageSize,
  }
}

function toEntry(row: typeof historyEntries.$inferSelect): HistoryEntry {
  return {
    id: row.id,
    at: row.at,
    actor: row.actor,
    objectType: row.objectType as ObjectType,
    objectId: row.objectId,
    objectRepr: row.objectRepr,
    action: row.action as HistoryAction,
    changes: JSON.parse(row.changes) as FieldChange[],
    message: row.message,
  }
}
