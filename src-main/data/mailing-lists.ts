import { and, asc, count, desc, eq, inArray, or, type SQL } from 'drizzle-orm'
import { AppError } from '../../src-shared/errors'
import type { Page } from '../../src-shared/schemas/common'
import {
  customAddressOf,
  mailingListListSchema,
  type MailingListListQuery,
  type MailingListRow,
} from '../../src-shared/schemas/mailing-lists'
import { accounts, domains, mailingLists } from '../db/schema'
import type { Tx } from '../db/store'
import { settingValue } from './settings'
import { contains, searchWords } from './sql'

/** Reads of mailing lists (spec 7), with what the pages and the backend need of each. */

export type MailingListRecord = typeof mailingLists.$inferSelect

const rowQuery = (tx: Tx) =>
  tx
    .select({
      list: mailingLists,
      accountUsername: accounts.username,
      accountActive: accounts.isActive,
      domainName: domains.name,
    })
    .from(mailingLists)
    .innerJoin(accounts, eq(accounts.id, mailingLists.accountId))
    .leftJoin(domains, eq(domains.id, mailingLists.addressDomainId))

interface Joined {
  list: MailingListRecord
  accountUsername: string
  accountActive: boolean
  domainName: string | null
}

interface ListSettings {
  listDomain: string
  urlTemplate: string
}

async function listSettings(tx: Tx): Promise<ListSettings> {
  return {
    listDomain: await settingValue(tx, 'LISTS_DEFAULT_DOMAIN'),
    urlTemplate: await settingValue(tx, 'LISTS_LIST_URL'),
  }
}

function toRow(joined: Joined, settings: ListSettings): MailingListRow {
  const { list, accountUsername, accountActive, domainName } = joined
  return {
    ...list,
    accountUsername,
    addressDomainName: domainName,
    address: `${list.name}@${settings.listDomain}`,
    customAddress: customAddressOf(list, domainName),
    effectiveActive: list.isActive && accountActive,
    url: settings.urlTemplate.replaceAll('%(name)s', list.name),
  }
}

export async function getMailingListRecord(tx: Tx, id: number): Promise<MailingListRecord> {
  const [row] = await tx.select().from(mailingLists).where(eq(mailingLists.id, id))
  if (!row) throw AppError.notFound('Mailing list', id)
  return row
}

export async function getMailingListRow(tx: Tx, id: number): Promise<MailingListRow> {
  const [joined] = await rowQuery(tx).where(eq(mailingLists.id, id))
  if (!joined) throw AppError.notFound('Mailing list', id)
  return toRow(joined, await listSettings(tx))
}

/** Some lists, or every one, oldest first. */
export async function listMailingListRows(
  tx: Tx,
  ids?: readonly number[],
): Promise<MailingListRow[]> {
  const where = ids ? inArray(mailingLists.id, [...ids]) : undefined
  const rows = await rowQuery(tx).where(where).orderBy(asc(mailingLists.id))
  const settings = await listSettings(tx)
  return rows.map((joined) => toRow(joined, settings))
}

/** A search word matches the name, the custom address or the owner (`news@x` splits at @). */
function wordFilter(word: string): SQL {
  const [local = '', domain = ''] = word.split('@')
  if (word.includes('@')) {
    return and(
      local
        ? or(contains(mailingLists.name, local), contains(mailingLists.addressName, local))
        : undefined,
      domain ? contains(domains.name, domain) : undefined,
    )!
  }
  return or(
    contains(mailingLists.name, word),
    contains(mailingLists.addressName, word),
    contains(mailingLists.adminEmail, word),
    contains(domains.name, word),
  )!
}

export async function listMailingLists(
  tx: Tx,
  input: MailingListListQuery,
): Promise<Page<MailingListRow>> {
  const query = mailingListListSchema.parse(input)
  const where = and(
    query.accountId !== undefined ? eq(mailingLists.accountId, query.accountId) : undefined,
    query.isActive !== undefined ? eq(mailingLists.isActive, query.isActive) : undefined,
    ...searchWords(query.q).map(wordFilter),
  )
  const [total] = await tx
    .select({ n: count() })
    .from(mailingLists)
    .leftJoin(domains, eq(domains.id, mailingLists.addressDomainId))
    .where(where)
  const rows = await rowQuery(tx)
    .where(where)
    .orderBy((query.dir === 'asc' ? asc : desc)(mailingLists.name))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize)
  const settings = await listSettings(tx)
  return {
    rows: rows.map((joined) => toRow(joined, settings)),
    total: Number(total?.n ?? 0),
    page: query.page,
    pageSize: query.pageSize,
  }
}
