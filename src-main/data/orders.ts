import { and, asc, count, desc, eq, gt, inArray, isNotNull, isNull, or, sql } from 'drizzle-orm'
import { AppError } from '../../src-shared/errors'
import type { Page } from '../../src-shared/schemas/common'
import {
  orderListSchema,
  type OrderDetail,
  type OrderListQuery,
  type OrderRow,
} from '../../src-shared/schemas/billing-orders'
import type { BillableModel } from '../../src-shared/schemas/billing-services'
import { money } from '../billing/money'
import { inTrial } from '../billing/periods'
import { accounts, billLines, bills as billsTable, orders, services } from '../db/schema'
import type { Tx } from '../db/store'
import type { WriteContext } from './context'
import { recordHistory } from './history'
import { orderMoment } from './order-clock'
import { latestMetricRows, orderMetricRows } from './order-metrics'
import { containsAnyCase } from './sql'

/** Orders (spec billing 4): the operator's list with its filters, one order's page, ignoring. */

const rowQuery = (tx: Tx) =>
  tx
    .select({ order: orders, accountUsername: accounts.username, service: services })
    .from(orders)
    .innerJoin(services, eq(services.id, orders.serviceId))
    .leftJoin(accounts, eq(accounts.id, orders.accountId))

type Joined = Awaited<ReturnType<ReturnType<typeof rowQuery>['where']>>[number]

function toRow({ order, accountUsername, service }: Joined): OrderRow {
  return {
    ...order,
    contentType: order.contentType as BillableModel,
    accountUsername,
    serviceDescription: service.description,
  }
}

/**
 * "Pending" (spec 4.1): never billed, or periodic and billed only until today or earlier, or
 * metered with a value above the billed one held for two days or more since it was billed.
 * Orders still in their trial period are left out: their cancellation may yet ignore them.
 */
async function isPending(tx: Tx, joined: Joined, today: string): Promise<boolean> {
  const { order, service } = joined
  if (inTrial(order, service.ignorePeriod, today)) return false
  if (order.billedUntil === null) return true
  if (service.billingPeriod !== '' && order.billedUntil <= today) return true
  if (service.metric.trim() === '' || order.billedMetric === null) return false
  const billed = money(order.billedMetric)
  const rows = await orderMetricRows(tx, order.id)
  return rows.some(
    (row) =>
      row.createdOn >= (order.billedOn ?? '') &&
      money(row.value).greaterThan(billed) &&
      Date.parse(row.updatedOn) - Date.parse(row.createdOn) >= 2 * 86_400_000,
  )
}

export async function listOrders(
  tx: Tx,
  input: OrderListQuery,
  now: string,
): Promise<Page<OrderRow>> {
  const query = orderListSchema.parse(input)
  const today = (await orderMoment(tx, now)).today
  const active = or(isNull(orders.cancelledOn), gt(orders.cancelledOn, today))
  const where = and(
    query.active === true ? active : query.active === false ? sql`not (${active})` : undefined,
    query.ignored === 'all' ? undefined : eq(orders.ignore, query.ignored === 'yes'),
    query.billing === 'billed'
      ? and(isNotNull(orders.billedUntil), gt(orders.billedUntil, today))
      : undefined,
    query.billing === 'notBilled' ? isNull(orders.billedUntil) : undefined,
    query.accountId !== undefined ? eq(orders.accountId, query.accountId) : undefined,
    query.accountType !== undefined ? eq(accounts.type, query.accountType) : undefined,
    query.serviceId !== undefined ? eq(orders.serviceId, query.serviceId) : undefined,
    query.q
      ? or(
          containsAnyCase(tx, orders.description, query.q),
          containsAnyCase(tx, orders.contentObjectRepr, query.q),
        )
      : undefined,
  )
  const order = query.dir === 'desc' ? desc : asc
  const offset = (query.page - 1) * query.pageSize
  const page = (rows: OrderRow[], total: number): Page<OrderRow> => ({
    rows,
    total,
    page: query.page,
    pageSize: query.pageSize,
  })

  if (query.billing === 'pending') {
    // Pending reads each order's metric history: decided here, then paged.
    const candidates = await rowQuery(tx)
      .where(where)
      .orderBy(order(orders.registeredOn), order(orders.id))
    const pending: Joined[] = []
    for (const joined of candidates) if (await isPending(tx, joined, today)) pending.push(joined)
    return page(pending.slice(offset, offset + query.pageSize).map(toRow), pending.length)
  }
  const [total] = await tx
    .select({ n: count() })
    .from(orders)
    .leftJoin(accounts, eq(accounts.id, orders.accountId))
    .where(where)
  const rows = await rowQuery(tx)
    .where(where)
    .orderBy(order(orders.registeredOn), order(orders.id))
    .limit(query.pageSize)
    .offset(offset)
  return page(rows.map(toRow), Number(total?.n ?? 0))
}

export async function getOrder(tx: Tx, id: number): Promise<OrderDetail> {
  const [joined] = await rowQuery(tx).where(eq(orders.id, id))
  if (!joined) throw AppError.notFound('Order', id)
  const metrics = (await latestMetricRows(tx, id, 10)).map(({ value, createdOn, updatedOn }) => ({
    value,
    createdOn,
    updatedOn,
  }))
  const bills = await tx
    .selectDistinct({
      id: billsTable.id,
      number: billsTable.number,
      type: billsTable.type,
      isOpen: billsTable.isOpen,
    })
    .from(billLines)
    .innerJoin(billsTable, eq(billsTable.id, billLines.billId))
    .where(eq(billLines.orderId, id))
    .orderBy(asc(billsTable.id))
  return { ...toRow(joined), metrics, bills }
}

/** Marks orders ignored or not (spec 4.1 admin action); returns how many changed. */
export async function setOrdersIgnored(
  ctx: WriteContext,
  ids: readonly number[],
  ignore: boolean,
): Promise<number> {
  const rows = await rowQuery(ctx.tx).where(inArray(orders.id, [...ids]))
  const missing = ids.filter((id) => !rows.some((row) => row.order.id === id))
  if (missing.length) throw AppError.notFound('Order', missing.join(', '))
  const targets = rows.filter((row) => row.order.ignore !== ignore)
  for (const { order, service } of targets) {
    await ctx.tx
      .update(orders)
      .set({ ignore, version: order.version + 1, updatedAt: ctx.now })
      .where(eq(orders.id, order.id))
    await recordHistory(ctx, {
      objectType: 'order',
      objectId: order.id,
      accountId: order.accountId,
      objectRepr: order.description || `${service.description}: ${order.contentObjectRepr}`,
      action: 'changed',
      changes: [{ field: 'ignore', from: !ignore, to: ignore }],
    })
  }
  return targets.length
}
