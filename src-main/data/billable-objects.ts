import { asc, eq, inArray, type SQL } from 'drizzle-orm'
import type { SQLiteColumn, SQLiteTable } from 'drizzle-orm/sqlite-core'
import type { BillableModel } from '../../src-shared/schemas/billing-services'
import { SQL_TYPE_NAMES, type PlainValues } from '../billing/billable-models'
import * as schema from '../db/schema'
import type { Tx } from '../db/store'

/**
 * Billable objects as their services' expressions see them (spec billing 2.1), read from the
 * tables: each model's declared fields in the original's names (`is_main`, `address_name`),
 * with its account as `account`. Resources are left out until monitoring measures them, so
 * `resources.disk.?used` reads as absent.
 */

export type AccountRecord = typeof schema.accounts.$inferSelect

export interface BillableObject {
  id: number
  /** The account that pays: the account itself for an account. */
  account: AccountRecord
  values: PlainValues
}

/** What every owned object shows of its account (billable-models.ts ACCOUNT_REF). */
function accountRef(account: AccountRecord): PlainValues {
  return {
    id: account.id,
    username: account.username,
    type: account.type,
    language: account.language,
    is_active: account.isActive,
    is_superuser: account.isSuperuser,
  }
}

interface Owned {
  id: number
  accountId: number
  values: PlainValues
}

/** Which objects to read: the given ids, or with `first` only the oldest. */
interface Filter {
  where: (id: SQLiteColumn) => SQL | undefined
  first: boolean
}

type Reader = (tx: Tx, filter: Filter) => Promise<Owned[]>

/** The query limited to its first row when only the oldest object is wanted. */
function take<Q extends { limit(n: number): unknown }>(query: Q, filter: Filter) {
  return (filter.first ? query.limit(1) : query) as Q
}

/** A model whose fields all come from its own row. */
function simple<T extends SQLiteTable & { id: SQLiteColumn; accountId: SQLiteColumn }>(
  table: T,
  values: (row: T['$inferSelect']) => PlainValues,
): Reader {
  return async (tx, filter) => {
    const query = tx
      .select()
      .from(table as SQLiteTable)
      .where(filter.where(table.id))
      .orderBy(asc(table.id))
    const rows = (await take(query, filter)) as (T['$inferSelect'] & {
      id: number
      accountId: number
    })[]
    return rows.map((row) => ({ id: row.id, accountId: row.accountId, values: values(row) }))
  }
}

const readDomains: Reader = async (tx, filter) => {
  const query = tx.select().from(schema.domains).where(filter.where(schema.domains.id))
  const rows = await take(query.orderBy(asc(schema.domains.id)), filter)
  const topIds = [...new Set(rows.flatMap((row) => (row.topId === null ? [] : [row.topId])))]
  const tops = topIds.length
    ? await tx
        .select({ id: schema.domains.id, name: schema.domains.name })
        .from(schema.domains)
        .where(inArray(schema.domains.id, topIds))
    : []
  const topName = new Map(tops.map((top) => [top.id, top.name]))
  return rows.map((row) => ({
    id: row.id,
    accountId: row.accountId,
    values: {
      id: row.id,
      name: row.name,
      is_top: row.topId === null,
      top: row.topId === null ? '' : (topName.get(row.topId) ?? ''),
    },
  }))
}

const readWebsites: Reader = async (tx, filter) => {
  const query = tx.select().from(schema.websites).where(filter.where(schema.websites.id))
  const rows = await take(query.orderBy(asc(schema.websites.id)), filter)
  const names = rows.length
    ? await tx
        .select({ websiteId: schema.websiteDomains.websiteId, name: schema.domains.name })
        .from(schema.websiteDomains)
        .innerJoin(schema.domains, eq(schema.domains.id, schema.websiteDomains.domainId))
        .where(
          inArray(
            schema.websiteDomains.websiteId,
            rows.map((row) => row.id),
          ),
        )
        .orderBy(asc(schema.domains.name))
    : []
  return rows.map((row) => ({
    id: row.id,
    accountId: row.accountId,
    values: {
      id: row.id,
      name: row.name,
      protocol: row.protocol,
      is_active: row.isActive,
      domains: names.filter((name) => name.websiteId === row.id).map((name) => name.name),
    },
  }))
}

const readMiscellaneous: Reader = async (tx, filter) => {
  const query = tx
    .select({ item: schema.miscellaneous, service: schema.miscServices })
    .from(schema.miscellaneous)
    .innerJoin(schema.miscServices, eq(schema.miscServices.id, schema.miscellaneous.serviceId))
    .where(filter.where(schema.miscellaneous.id))
    .orderBy(asc(schema.miscellaneous.id))
  const rows = await take(query, filter)
  return rows.map(({ item, service }) => ({
    id: item.id,
    accountId: item.accountId,
    values: {
      id: item.id,
      identifier: item.identifier ?? '',
      description: item.description,
      amount: item.amount,
      is_active: item.isActive,
      service: {
        name: service.name,
        verbose_name: service.verboseName,
        is_active: service.isActive,
      },
    },
  }))
}

const readContractedPlans: Reader = async (tx, filter) => {
  const query = tx
    .select({ contract: schema.contractedPlans, plan: schema.plans })
    .from(schema.contractedPlans)
    .innerJoin(schema.plans, eq(schema.plans.id, schema.contractedPlans.planId))
    .where(filter.where(schema.contractedPlans.id))
    .orderBy(asc(schema.contractedPlans.id))
  const rows = await take(query, filter)
  return rows.map(({ contract, plan }) => ({
    id: contract.id,
    accountId: contract.accountId,
    values: {
      id: contract.id,
      // The account's half of `active` is added once the account is read.
      active: plan.isActive,
      plan: {
        name: plan.name,
        verbose_name: plan.verboseName,
        is_active: plan.isActive,
        is_default: plan.isDefault,
        is_combinable: plan.isCombinable,
        allow_multiple: plan.allowMultiple,
      },
    },
  }))
}

const READERS: Readonly<Record<Exclude<BillableModel, 'account'>, Reader>> = {
  mailbox: simple(schema.mailboxes, (row) => ({
    id: row.id,
    name: row.name,
    filtering: row.filtering,
    is_active: row.isActive,
  })),
  systemuser: simple(schema.systemUsers, (row) => ({
    id: row.id,
    username: row.username,
    is_main: row.role === 'main',
    is_active: row.isActive,
    shell: row.shell,
    home: row.home,
    directory: row.directory,
  })),
  domain: readDomains,
  database: simple(schema.sqlDatabases, (row) => ({
    id: row.id,
    name: row.name,
    type: SQL_TYPE_NAMES[row.type],
  })),
  databaseuser: simple(schema.sqlUsers, (row) => ({
    id: row.id,
    username: row.username,
    type: SQL_TYPE_NAMES[row.type],
  })),
  webapp: simple(schema.webapps, (row) => ({ id: row.id, name: row.name, type: row.type })),
  website: readWebsites,
  mailinglist: simple(schema.mailingLists, (row) => ({
    id: row.id,
    name: row.name,
    address_name: row.addressName,
    admin_email: row.adminEmail,
    is_active: row.isActive,
  })),
  saas: simple(schema.saasTenants, (row) => ({
    id: row.id,
    name: row.name,
    service: row.service,
    is_active: row.isActive,
    custom_url: row.customUrl,
  })),
  vps: simple(schema.vps, (row) => ({
    id: row.id,
    hostname: row.hostname,
    type: row.type,
    template: row.template,
    is_active: row.isActive,
  })),
  miscellaneous: readMiscellaneous,
  contractedplan: readContractedPlans,
}

function accountValues(account: AccountRecord): PlainValues {
  return {
    id: account.id,
    username: account.username,
    short_name: account.shortName,
    full_name: account.fullName,
    email: account.email,
    type: account.type,
    language: account.language,
    is_active: account.isActive,
    is_superuser: account.isSuperuser,
    date_joined: account.dateJoined,
  }
}

/**
 * Objects of one model, oldest first: the given ids (those that still exist), or every one.
 * An object is returned with its account, which every billable object has.
 */
export async function loadBillableObjects(
  tx: Tx,
  model: BillableModel,
  ids?: readonly number[],
  first = false,
): Promise<BillableObject[]> {
  if (ids?.length === 0) return []
  const filter: Filter = {
    where: (column) => (ids ? inArray(column, [...ids]) : undefined),
    first,
  }
  if (model === 'account') {
    const query = tx.select().from(schema.accounts).where(filter.where(schema.accounts.id))
    const rows = await take(query.orderBy(asc(schema.accounts.id)), filter)
    return rows.map((account) => ({ id: account.id, account, values: accountValues(account) }))
  }

  const owned = await READERS[model](tx, filter)
  const accountIds = [...new Set(owned.map((object) => object.accountId))]
  const accounts = accountIds.length
    ? await tx.select().from(schema.accounts).where(inArray(schema.accounts.id, accountIds))
    : []
  const byId = new Map(accounts.map((account) => [account.id, account]))
  return owned.flatMap((object) => {
    const account = byId.get(object.accountId)
    if (!account) return []
    const values: PlainValues = { ...object.values, account: accountRef(account) }
    if (model === 'contractedplan') {
      Object.assign(values, { active: object.values.active === true && account.isActive })
    }
    return [{ id: object.id, account, values }]
  })
}

/** The oldest object of a model, the one a service's expressions are tried on when saved. */
export async function firstBillableObject(
  tx: Tx,
  model: BillableModel,
): Promise<BillableObject | undefined> {
  const [first] = await loadBillableObjects(tx, model, undefined, true)
  return first
}
