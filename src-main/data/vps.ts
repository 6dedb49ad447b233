import { and, asc, count, desc, eq, type SQL } from 'drizzle-orm'
import { AppError } from '../../src-shared/errors'
import type { Page } from '../../src-shared/schemas/common'
import type { VpsKind } from '../../src-shared/schemas/other-service-settings'
import {
  vpsListSchema,
  type Vps,
  type VpsDetail,
  type VpsListQuery,
  type VpsOptions,
  type VpsRow,
} from '../../src-shared/schemas/other-services'
import { accounts, vps } from '../db/schema'
import type { Tx } from '../db/store'
import { settingValue } from './settings'
import { contains, searchWords } from './sql'

export type VpsRecord = typeof vps.$inferSelect

export function toVps(row: VpsRecord): Vps {
  const { passwordHash, ...rest } = row
  return { ...rest, type: rest.type as VpsKind, hasPassword: passwordHash !== '' }
}

export async function getVpsRecord(tx: Tx, id: number): Promise<VpsRecord> {
  const [row] = await tx.select().from(vps).where(eq(vps.id, id))
  if (!row) throw AppError.notFound('VPS', id)
  return row
}

export async function accountVps(tx: Tx, accountId: number): Promise<VpsRecord[]> {
  return tx.select().from(vps).where(eq(vps.accountId, accountId)).orderBy(asc(vps.hostname))
}

export async function getVpsDetail(tx: Tx, id: number): Promise<VpsDetail> {
  const row = await getVpsRecord(tx, id)
  const [account] = await tx
    .select({ id: accounts.id, username: accounts.username, isActive: accounts.isActive })
    .from(accounts)
    .where(eq(accounts.id, row.accountId))
  return { vps: toVps(row), account: account!, effectiveActive: row.isActive && account!.isActive }
}

export async function listVps(tx: Tx, input: VpsListQuery): Promise<Page<VpsRow>> {
  const query = vpsListSchema.parse(input)
  const filters: (SQL | undefined)[] = [
    query.accountId !== undefined ? eq(vps.accountId, query.accountId) : undefined,
    query.type ? eq(vps.type, query.type) : undefined,
    query.active !== undefined ? eq(vps.isActive, query.active) : undefined,
    ...searchWords(query.q).map((word) => contains(vps.hostname, word)),
  ]
  const where = and(...filters)
  const [total] = await tx.select({ n: count() }).from(vps).where(where)
  const rows = await tx
    .select({ row: vps, username: accounts.username, accountActive: accounts.isActive })
    .from(vps)
    .innerJoin(accounts, eq(accounts.id, vps.accountId))
    .where(where)
    .orderBy((query.dir === 'asc' ? asc : desc)(vps.hostname), asc(vps.id))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize)
  return {
    rows: rows.map(({ row, username, accountActive }) => ({
      ...toVps(row),
      accountUsername: username,
      effectiveActive: row.isActive && accountActive,
    })),
    total: Number(total?.n ?? 0),
    page: query.page,
    pageSize: query.pageSize,
  }
}

export async function vpsOptions(tx: Tx): Promise<VpsOptions> {
  return {
    types: [...(await settingValue(tx, 'VPS_TYPES'))] as VpsKind[],
    defaultType: await settingValue(tx, 'VPS_DEFAULT_TYPE'),
    templates: [...(await settingValue(tx, 'VPS_TEMPLATES'))],
    defaultTemplate: await settingValue(tx, 'VPS_DEFAULT_TEMPLATE'),
  }
}
