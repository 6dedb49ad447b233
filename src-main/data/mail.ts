import { and, asc, count, desc, eq, inArray, or, type SQL } from 'drizzle-orm'
import { AppError } from '../../src-shared/errors'
import type { Page } from '../../src-shared/schemas/common'
import {
  emailOf,
  mailAddressListSchema,
  mailboxListSchema,
  type MailAddress,
  type MailAddressListQuery,
  type MailAddressRow,
  type Mailbox,
  type MailboxDetail,
  type MailboxListQuery,
  type MailboxRow,
  type MailFiltering,
} from '../../src-shared/schemas/mail'
import { accounts, domains, mailAddresses, mailAddressMailboxes, mailboxes } from '../db/schema'
import type { Tx } from '../db/store'
import { contains, searchWords } from './sql'

type MailboxRecord = typeof mailboxes.$inferSelect
type AddressRecord = typeof mailAddresses.$inferSelect

/** What leaves main of a mailbox: never its hash. */
export function toMailbox(row: MailboxRecord): Mailbox {
  const { passwordHash, ...rest } = row
  return { ...rest, filtering: row.filtering as MailFiltering, hasPassword: passwordHash !== '' }
}

export async function getMailboxRecord(tx: Tx, id: number): Promise<MailboxRecord> {
  const [row] = await tx.select().from(mailboxes).where(eq(mailboxes.id, id))
  if (!row) throw AppError.notFound('Mailbox', id)
  return row
}

const mailboxRowQuery = (tx: Tx) =>
  tx
    .select({
      mailbox: mailboxes,
      accountUsername: accounts.username,
      accountActive: accounts.isActive,
    })
    .from(mailboxes)
    .innerJoin(accounts, eq(accounts.id, mailboxes.accountId))

type JoinedMailbox = { mailbox: MailboxRecord; accountUsername: string; accountActive: boolean }

const toMailboxRow = ({ mailbox, accountUsername, accountActive }: JoinedMailbox): MailboxRow => ({
  ...toMailbox(mailbox),
  accountUsername,
  effectiveActive: mailbox.isActive && accountActive,
})

export async function listMailboxes(tx: Tx, input: MailboxListQuery): Promise<Page<MailboxRow>> {
  const query = mailboxListSchema.parse(input)
  // `bob@orchestra.lan` searches for bob (spec 2.2): a mailbox name has no @.
  const words = searchWords(query.q)
    .map((word) => word.split('@')[0]!)
    .filter(Boolean)
  const where = and(
    query.accountId !== undefined ? eq(mailboxes.accountId, query.accountId) : undefined,
    query.isActive !== undefined ? eq(mailboxes.isActive, query.isActive) : undefined,
    ...words.map((word) => contains(mailboxes.name, word)),
  )
  const [total] = await tx.select({ n: count() }).from(mailboxes).where(where)
  const rows = await mailboxRowQuery(tx)
    .where(where)
    .orderBy((query.dir === 'asc' ? asc : desc)(mailboxes.name))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize)
  return {
    rows: rows.map(toMailboxRow),
    total: Number(total?.n ?? 0),
    page: query.page,
    pageSize: query.pageSize,
  }
}

export const forwardTokens = (forward: string) => forward.split(/\s+/).filter(Boolean)

/**
 * The addresses of a mailbox (spec 2.2): those listing it among their mailboxes, and those
 * whose forward names it as a whole token.
 */
export async function addressesOfMailbox(tx: Tx, mailbox: { id: number; name: string }) {
  const linked = tx
    .select({ id: mailAddressMailboxes.addressId })
    .from(mailAddressMailboxes)
    .where(eq(mailAddressMailboxes.mailboxId, mailbox.id))
  const rows = await tx
    .select()
    .from(mailAddresses)
    .where(or(inArray(mailAddresses.id, linked), contains(mailAddresses.forward, mailbox.name)))
    .orderBy(asc(mailAddresses.id))
  const linkedIds = new Set((await linked).map((row) => row.id))
  return rows.filter(
    (row) => linkedIds.has(row.id) || forwardTokens(row.forward).includes(mailbox.name),
  )
}

export async function getMailboxDetail(tx: Tx, id: number): Promise<MailboxDetail> {
  const [row] = await mailboxRowQuery(tx).where(eq(mailboxes.id, id))
  if (!row) throw AppError.notFound('Mailbox', id)
  const addresses = await addressRows(tx, await addressesOfMailbox(tx, row.mailbox))
  return {
    mailbox: toMailboxRow(row),
    addresses: addresses.map(({ id: addressId, email }) => ({ id: addressId, email })),
  }
}

// --- Addresses ---------------------------------------------------------------------------------

export function toAddress(row: AddressRecord): MailAddress {
  return { ...row }
}

export async function getAddressRecord(tx: Tx, id: number): Promise<AddressRecord> {
  const [row] = await tx.select().from(mailAddresses).where(eq(mailAddresses.id, id))
  if (!row) throw AppError.notFound('Mail address', id)
  return row
}

/** The mailboxes an address lists, by id, in name order. */
export async function mailboxesOfAddresses(tx: Tx, addressIds: readonly number[]) {
  if (!addressIds.length) return []
  return tx
    .select({
      addressId: mailAddressMailboxes.addressId,
      id: mailboxes.id,
      name: mailboxes.name,
      accountId: mailboxes.accountId,
    })
    .from(mailAddressMailboxes)
    .innerJoin(mailboxes, eq(mailboxes.id, mailAddressMailboxes.mailboxId))
    .where(inArray(mailAddressMailboxes.addressId, [...addressIds]))
    .orderBy(asc(mailboxes.name))
}

/** Rows as lists show them: email, domain, account and mailboxes. */
export async function addressRows(
  tx: Tx,
  records: readonly AddressRecord[],
): Promise<MailAddressRow[]> {
  if (!records.length) return []
  const ids = records.map((r) => r.id)
  const [names, owners, linked] = await Promise.all([
    tx
      .select({ id: domains.id, name: domains.name })
      .from(domains)
      .where(inArray(domains.id, [...new Set(records.map((r) => r.domainId))])),
    tx
      .select({ id: accounts.id, username: accounts.username })
      .from(accounts)
      .where(inArray(accounts.id, [...new Set(records.map((r) => r.accountId))])),
    mailboxesOfAddresses(tx, ids),
  ])
  return records.map((record) => {
    const domainName = names.find((d) => d.id === record.domainId)?.name ?? ''
    return {
      ...toAddress(record),
      email: emailOf(record.name, domainName),
      domainName,
      accountUsername: owners.find((a) => a.id === record.accountId)?.username ?? '',
      mailboxes: linked
        .filter((m) => m.addressId === record.id)
        .map(({ id, name }) => ({ id, name })),
    }
  })
}

export async function getAddressRow(tx: Tx, id: number): Promise<MailAddressRow> {
  const [row] = await addressRows(tx, [await getAddressRecord(tx, id)])
  return row!
}

export async function listAddresses(
  tx: Tx,
  input: MailAddressListQuery,
): Promise<Page<MailAddressRow>> {
  const query = mailAddressListSchema.parse(input)
  const filters: (SQL | undefined)[] = [
    query.accountId !== undefined ? eq(mailAddresses.accountId, query.accountId) : undefined,
    query.domainId !== undefined ? eq(mailAddresses.domainId, query.domainId) : undefined,
    query.mailboxId !== undefined
      ? inArray(
          mailAddresses.id,
          tx
            .select({ id: mailAddressMailboxes.addressId })
            .from(mailAddressMailboxes)
            .where(eq(mailAddressMailboxes.mailboxId, query.mailboxId)),
        )
      : undefined,
    // `x@y` searches both parts (spec 2.2).
    ...searchWords(query.q).map((word) => {
      const [local, domain] = word.split('@')
      return and(
        local ? contains(mailAddresses.name, local) : undefined,
        domain !== undefined && domain !== '' ? contains(domains.name, domain) : undefined,
        !local && domain === undefined ? contains(mailAddresses.name, word) : undefined,
      )
    }),
  ]
  const where = and(...filters)
  const base = tx
    .select({ n: count() })
    .from(mailAddresses)
    .innerJoin(domains, eq(domains.id, mailAddresses.domainId))
  const [total] = await base.where(where)
  const order = query.dir === 'asc' ? asc : desc
  const rows = await tx
    .select({ address: mailAddresses })
    .from(mailAddresses)
    .innerJoin(domains, eq(domains.id, mailAddresses.domainId))
    .where(where)
    .orderBy(order(domains.name), order(mailAddresses.name))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize)
  return {
    rows: await addressRows(
      tx,
      rows.map((r) => r.address),
    ),
    total: Number(total?.n ?? 0),
    page: query.page,
    pageSize: query.pageSize,
  }
}
