import { and, asc, desc, eq, inArray, isNotNull, lte, ne } from 'drizzle-orm'
import { applicableRates } from '../billing/applicable-rates'
import type { BillingRun } from '../billing/engine'
import { money, sum, type Money } from '../billing/money'
import { toBilledService, type ServiceDefinition } from '../billing/service-rules'
import type {
  BilledCharge,
  BilledOrder,
  BilledService,
  IsoDate,
  MetricRow,
  RateRow,
} from '../billing/types'
import { billLines, bills, billSublines, contractedPlans, metricRows, orders } from '../db/schema'
import { plans, rates, services } from '../db/schema'
import type { Tx } from '../db/store'
import { sqliteClient } from './bulk-insert'
import { settingValue } from './settings'

/**
 * The billing engine's inputs read from the tables (spec: billing 6.1): read-only queries, so
 * a preview and a commit price exactly the same rows within their own transaction.
 */

export interface RunSelection {
  /** The run's reference date: orders registered after it are not billed yet. */
  billingPoint: IsoDate
  /** Only these accounts; all accounts when absent. */
  accountIds?: readonly number[]
  /**
   * Only these orders (the clerk's selection and the related orders taken with it); every
   * pending order of the accounts when absent. Their accounts' other orders are still read,
   * as they hold rate positions and compensations.
   */
  orderIds?: readonly number[]
  /** Read ignored orders too (the run bills them only when told to include them). */
  includeIgnored?: boolean
}

export type RunInput = Omit<BillingRun, 'options' | 'proforma' | 'includeIgnored'> & {
  /** Each service's tax rate in percent, for the bill lines. */
  taxes: Map<number, Money>
}

/** Only the columns pricing reads: every other one would be converted for each of the rows. */
const ORDER_COLUMNS = {
  id: orders.id,
  accountId: orders.accountId,
  serviceId: orders.serviceId,
  description: orders.description,
  contentObjectRepr: orders.contentObjectRepr,
  registeredOn: orders.registeredOn,
  cancelledOn: orders.cancelledOn,
  billedOn: orders.billedOn,
  billedUntil: orders.billedUntil,
  billedMetric: orders.billedMetric,
  ignore: orders.ignore,
}

type OrderRow = Pick<typeof orders.$inferSelect, keyof typeof ORDER_COLUMNS>

/**
 * The same selection on SQLite, through the connection's own prepared statement: the query
 * builder's mapping of each value of ten thousand rows cost more than SQLite spent reading
 * them. `ignore` comes as the stored 0 or 1; the account filter is a JSON array of ids.
 */
const SQLITE_ORDERS = (byAccount: boolean) =>
  'select id, account_id as accountId, service_id as serviceId, description, ' +
  'content_object_repr as contentObjectRepr, registered_on as registeredOn, ' +
  'cancelled_on as cancelledOn, billed_on as billedOn, billed_until as billedUntil, ' +
  'billed_metric as billedMetric, ignore from orders ' +
  'where account_id is not null and registered_on <= ?' +
  (byAccount ? ' and account_id in (select value from json_each(?))' : '') +
  ' order by account_id, id'

type SqliteOrderRow = Omit<OrderRow, 'ignore'> & { ignore: number }

/** The accounts of the chosen orders, within the chosen accounts when both are given. */
async function selectedAccounts(tx: Tx, selection: RunSelection) {
  const { orderIds, accountIds } = selection
  if (!orderIds) return accountIds
  const rows = await inChunks(orderIds, (chunk) =>
    tx
      .selectDistinct({ accountId: orders.accountId })
      .from(orders)
      .where(and(inArray(orders.id, chunk), isNotNull(orders.accountId))),
  )
  const ofOrders = [...new Set(rows.map((row) => row.accountId!))].sort((a, b) => a - b)
  if (!accountIds) return ofOrders
  const chosen = new Set(accountIds)
  return ofOrders.filter((id) => chosen.has(id))
}

async function readOrderRows(tx: Tx, selection: RunSelection): Promise<OrderRow[]> {
  const accountIds = await selectedAccounts(tx, selection)
  if (accountIds && !accountIds.length) return []
  const client = sqliteClient(tx)
  if (client) {
    const byAccount = accountIds !== undefined
    const params = [selection.billingPoint]
    if (byAccount) params.push(JSON.stringify(accountIds))
    const rows = client.prepare(SQLITE_ORDERS(byAccount)).all(...params) as SqliteOrderRow[]
    return rows.map((row) => ({ ...row, ignore: row.ignore !== 0 }))
  }
  return tx
    .select(ORDER_COLUMNS)
    .from(orders)
    .where(
      and(
        isNotNull(orders.accountId),
        lte(orders.registeredOn, selection.billingPoint),
        accountIds ? inArray(orders.accountId, [...accountIds]) : undefined,
      ),
    )
    .orderBy(asc(orders.accountId), asc(orders.id))
}

/** Ids a few thousand at a time: SQLite and PostgreSQL cap the parameters of one statement. */
const CHUNK = 5000

async function inChunks<T>(ids: readonly number[], read: (chunk: number[]) => Promise<T[]>) {
  const result: T[] = []
  for (let i = 0; i < ids.length; i += CHUNK) result.push(...(await read(ids.slice(i, i + CHUNK))))
  return result
}

function billedOrder(row: OrderRow): BilledOrder {
  return {
    id: row.id,
    accountId: row.accountId!,
    serviceId: row.serviceId,
    description: row.description || row.contentObjectRepr,
    registeredOn: row.registeredOn,
    cancelledOn: row.cancelledOn,
    billedOn: row.billedOn,
    billedUntil: row.billedUntil,
    billedMetric: row.billedMetric === null ? null : money(row.billedMetric),
    ignore: row.ignore,
  }
}

/**
 * Whether the order may still owe something or be owed (spec 6.7): a cancelled order billed
 * up to or past its cancellation is done for good, unless its service refunds the time paid
 * beyond it. The engine decides the rest (a period already billed gives no line).
 */
function mayOwe(order: BilledOrder, service: BilledService | undefined): boolean {
  if (order.cancelledOn === null || order.billedUntil === null) return true
  return order.billedUntil < order.cancelledOn || service?.onCancel === 'REFUND'
}

export async function readRunInput(tx: Tx, selection: RunSelection): Promise<RunInput> {
  const rows = await readOrderRows(tx, selection)
  // Every order of the accounts counts for pricing (rate positions, compensation), billed or not.
  const accountOrders = rows.map(billedOrder)
  const chosen = selection.orderIds && new Set(selection.orderIds)
  const wanted = accountOrders.filter(
    (order) => (selection.includeIgnored || !order.ignore) && (!chosen || chosen.has(order.id)),
  )
  const servicesById = await readServices(tx, [...new Set(wanted.map((o) => o.serviceId))])
  const selected = wanted.filter((order) => mayOwe(order, servicesById.get(order.serviceId)))
  const serviceIds = [...new Set(selected.map((order) => order.serviceId))]
  const metricIds = selected
    .filter((order) => servicesById.get(order.serviceId)?.hasMetric)
    .map((order) => order.id)
  const refundIds = selected
    .filter((o) => o.cancelledOn !== null && servicesById.get(o.serviceId)?.onCancel === 'REFUND')
    .map((order) => order.id)

  return {
    orders: selected,
    services: servicesById,
    accountOrders,
    ratesFor: await readRates(tx, serviceIds, [...new Set(selected.map((o) => o.accountId))]),
    metrics: await readMetrics(tx, metricIds),
    lastCharges: await readLastCharges(tx, refundIds),
    taxes: new Map([...servicesById.values()].map((service) => [service.id, service.tax])),
  }
}

async function readServices(tx: Tx, ids: number[]): Promise<Map<number, BilledService>> {
  if (!ids.length) return new Map()
  const month = await settingValue(tx, 'SERVICES_SERVICE_ANUAL_BILLING_MONTH')
  const rows = await tx.select().from(services).where(inArray(services.id, ids))
  return new Map(
    rows.map((row) => [
      row.id,
      // The stored row holds every field of a definition; its kind is checked when saved.
      toBilledService(row as unknown as ServiceDefinition & { id: number }, {
        SERVICES_SERVICE_ANUAL_BILLING_MONTH: month,
      }),
    ]),
  )
}

/** Applicable rate rows per (account, service), worked out once per pair on first use. */
async function readRates(
  tx: Tx,
  serviceIds: number[],
  accountIds: number[],
): Promise<(accountId: number, serviceId: number) => RateRow[]> {
  if (!serviceIds.length) return () => []
  const rateRows = await tx
    .select()
    .from(rates)
    .where(inArray(rates.serviceId, serviceIds))
    .orderBy(asc(rates.id))
  const planRows = await tx.select().from(plans).orderBy(asc(plans.id))
  const contracts = await inChunks(accountIds, (chunk) =>
    tx
      .select({ planId: contractedPlans.planId, accountId: contractedPlans.accountId })
      .from(contractedPlans)
      .where(inArray(contractedPlans.accountId, chunk)),
  )

  const byService = new Map<number, { planId: number; quantity: number | null; price: Money }[]>()
  for (const rate of rateRows) {
    const list = byService.get(rate.serviceId) ?? []
    list.push({ planId: rate.planId, quantity: rate.quantity, price: money(rate.price) })
    byService.set(rate.serviceId, list)
  }
  const byAccount = new Map<number, typeof contracts>()
  for (const contract of contracts) {
    const held = byAccount.get(contract.accountId)
    if (held) held.push(contract)
    else byAccount.set(contract.accountId, [contract])
  }

  const cache = new Map<string, RateRow[]>()
  return (accountId, serviceId) => {
    const key = `${accountId}:${serviceId}`
    let rows = cache.get(key)
    if (!rows) {
      const serviceRates = byService.get(serviceId) ?? []
      rows = serviceRates.length
        ? applicableRates({
            accountId,
            rates: serviceRates,
            plans: planRows,
            contracts: byAccount.get(accountId) ?? [],
          })
        : []
      cache.set(key, rows)
    }
    return rows
  }
}

async function readMetrics(tx: Tx, orderIds: number[]): Promise<Map<number, MetricRow[]>> {
  const result = new Map<number, MetricRow[]>()
  if (!orderIds.length) return result
  const rows = await inChunks(orderIds, (chunk) =>
    tx
      .select()
      .from(metricRows)
      .where(inArray(metricRows.orderId, chunk))
      .orderBy(asc(metricRows.orderId), asc(metricRows.createdOn), asc(metricRows.id)),
  )
  for (const row of rows) {
    const list = result.get(row.orderId) ?? []
    list.push({ createdOn: row.createdOn, updatedOn: row.updatedOn, value: money(row.value) })
    result.set(row.orderId, list)
  }
  return result
}

/** What each order's latest line charged: a refund gives back in that line's proportion. */
async function readLastCharges(tx: Tx, orderIds: number[]): Promise<Map<number, BilledCharge>> {
  const result = new Map<number, BilledCharge>()
  if (!orderIds.length) return result
  const lines = await inChunks(orderIds, (chunk) =>
    tx
      .select({
        id: billLines.id,
        orderId: billLines.orderId,
        subtotal: billLines.subtotal,
        rate: billLines.rate,
      })
      .from(billLines)
      // A pro forma quotes, it charges nothing: its lines (maybe at a newer price) are no charge.
      .innerJoin(bills, eq(bills.id, billLines.billId))
      .where(and(inArray(billLines.orderId, chunk), ne(bills.type, 'PROFORMA')))
      .orderBy(desc(billLines.id)),
  )
  lines.sort((a, b) => b.id - a.id)
  const latest = new Map<number, { id: number; subtotal: string; rate: string | null }>()
  for (const line of lines) if (!latest.has(line.orderId!)) latest.set(line.orderId!, line)
  if (!latest.size) return result

  const lineIds = [...latest.values()].map((line) => line.id)
  const discounts = await inChunks(lineIds, (chunk) =>
    tx
      .select({ lineId: billSublines.lineId, total: billSublines.total })
      .from(billSublines)
      .where(and(inArray(billSublines.lineId, chunk), eq(billSublines.type, 'PLAN'))),
  )
  const planOf = new Map<number, string[]>()
  for (const discount of discounts) {
    const totals = planOf.get(discount.lineId)
    if (totals) totals.push(discount.total)
    else planOf.set(discount.lineId, [discount.total])
  }
  const credited = await creditedOf(tx, lineIds)
  for (const [orderId, line] of latest) {
    const plan = planOf.get(line.id) ?? []
    result.set(orderId, {
      subtotal: money(line.subtotal),
      planDiscount: sum(plan),
      ...(line.rate !== null && { rate: money(line.rate) }),
      credited: credited.get(line.id) ?? money(0),
    })
  }
  return result
}

/**
 * What credit notes give back of each line, zero or negative: their correction lines, open
 * ones too, as an open credit note is about to be issued and a refund must not pay it again.
 */
async function creditedOf(tx: Tx, lineIds: number[]): Promise<Map<number, Money>> {
  const corrections = await inChunks(lineIds, (chunk) =>
    tx
      .select({ amendedLineId: billLines.amendedLineId, subtotal: billLines.subtotal })
      .from(billLines)
      .where(inArray(billLines.amendedLineId, chunk)),
  )
  const result = new Map<number, Money>()
  for (const { amendedLineId, subtotal } of corrections) {
    result.set(amendedLineId!, (result.get(amendedLineId!) ?? money(0)).plus(money(subtotal)))
  }
  return result
}
