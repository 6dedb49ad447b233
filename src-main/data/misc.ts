import { and, asc, count, desc, eq, type SQL } from 'drizzle-orm'
import type { z } from 'zod'
import { AppError } from '../../src-shared/errors'
import type { Page } from '../../src-shared/schemas/common'
import {
  miscellaneousListSchema,
  miscServiceListSchema,
  type Miscellaneous,
  type MiscellaneousDetail,
  type MiscellaneousListQuery,
  type MiscellaneousRow,
  type MiscService,
  type MiscServiceRow,
} from '../../src-shared/schemas/other-services'
import { accounts, miscellaneous, miscServices } from '../db/schema'
import type { Tx } from '../db/store'
import { contains, searchWords } from './sql'

export type MiscServiceRecord = typeof miscServices.$inferSelect
export type MiscellaneousRecord = typeof miscellaneous.$inferSelect

export function toMiscellaneous(row: MiscellaneousRecord): Miscellaneous {
  return { ...row, identifier: row.identifier ?? '' }
}

export async function getMiscService(tx: Tx, id: number): Promise<MiscService> {
  const [row] = await tx.select().from(miscServices).where(eq(miscServices.id, id))
  if (!row) throw AppError.notFound('Miscellaneous service', id)
  return row
}

export async function listMiscServices(
  tx: Tx,
  input: z.input<typeof miscServiceListSchema>,
): Promise<Page<MiscServiceRow>> {
  const query = miscServiceListSchema.parse(input)
  const where = and(
    query.active !== undefined ? eq(miscServices.isActive, query.active) : undefined,
    ...searchWords(query.q).map((word) => contains(miscServices.name, word)),
  )
  const [total] = await tx.select({ n: count() }).from(miscServices).where(where)
  const rows = await tx
    .select()
    .from(miscServices)
    .where(where)
    .orderBy((query.dir === 'asc' ? asc : desc)(miscServices.name))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize)
  const counts = await tx
    .select({ serviceId: miscellaneous.serviceId, n: count() })
    .from(miscellaneous)
    .groupBy(miscellaneous.serviceId)
  const instances = new Map(counts.map((c) => [c.serviceId, Number(c.n)]))
  return {
    rows: rows.map((row) => ({ ...row, instances: instances.get(row.id) ?? 0 })),
    total: Number(total?.n ?? 0),
    page: query.page,
    pageSize: query.pageSize,
  }
}

export async function getMiscellaneousRecord(tx: Tx, id: number): Promise<MiscellaneousRecord> {
  const [row] = await tx.select().from(miscellaneous).where(eq(miscellaneous.id, id))
  if (!row) throw AppError.notFound('Miscellaneous service instance', id)
  return row
}

export async function getMiscellaneousDetail(tx: Tx, id: number): Promise<MiscellaneousDetail> {
  const row = await getMiscellaneousRecord(tx, id)
  const service = await getMiscService(tx, row.serviceId)
  const [account] = await tx
    .select({ id: accounts.id, username: accounts.username, isActive: accounts.isActive })
    .from(accounts)
    .where(eq(accounts.id, row.accountId))
  return {
    item: toMiscellaneous(row),
    service,
    account: account!,
    effectiveActive: row.isActive && service.isActive && account!.isActive,
  }
}

/** An account's instances with their service's name and flag. */
export async function accountMiscellaneous(tx: Tx, accountId: number) {
  return tx
    .select({ item: miscellaneous, serviceName: miscServices.name, active: miscServices.isActive })
    .from(miscellaneous)
    .innerJoin(miscServices, eq(miscServices.id, miscellaneous.serviceId))
    .where(eq(miscellaneous.accountId, accountId))
    .orderBy(asc(miscServices.name), asc(miscellaneous.identifier), asc(miscellaneous.id))
}

export async function listMiscellaneous(
  tx: Tx,
  input: MiscellaneousListQuery,
): Promise<Page<MiscellaneousRow>> {
  const query = miscellaneousListSchema.parse(input)
  const filters: (SQL | undefined)[] = [
    query.accountId !== undefined ? eq(miscellaneous.accountId, query.accountId) : undefined,
    query.serviceId !== undefined ? eq(miscellaneous.serviceId, query.serviceId) : undefined,
    query.active !== undefined ? eq(miscellaneous.isActive, query.active) : undefined,
    ...searchWords(query.q).map((word) => contains(miscellaneous.identifier, word)),
  ]
  const where = and(...filters)
  const [total] = await tx.select({ n: count() }).from(miscellaneous).where(where)
  const rows = await tx
    .select({ item: miscellaneous, service: miscServices, account: accounts })
    .from(miscellaneous)
    .innerJoin(miscServices, eq(miscServices.id, miscellaneous.serviceId))
    .innerJoin(accounts, eq(accounts.id, miscellaneous.accountId))
    .where(where)
    .orderBy((query.dir === 'asc' ? asc : desc)(miscServices.name), asc(miscellaneous.id))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize)
  return {
    rows: rows.map(({ item, service, account }) => ({
      ...toMiscellaneous(item),
      serviceName: service.name,
      serviceVerboseName: service.verboseName,
      accountUsername: account.username,
      effectiveActive: item.isActive && service.isActive && account.isActive,
    })),
    total: Number(total?.n ?? 0),
    page: query.page,
    pageSize: query.pageSize,
  }
}
