import { and, asc, eq, inArray, ne } from 'drizzle-orm'
import type { z } from 'zod'
import { AppError, type FieldIssue } from '../../src-shared/errors'
import {
  MAILMAN_SUFFIXES,
  type MailingListRow,
  type mailingListCreateSchema,
  type mailingListUpdateSchema,
} from '../../src-shared/schemas/mailing-lists'
import { accounts, domains, mailAddresses, mailingLists } from '../db/schema'
import type { Tx } from '../db/store'
import type { WriteContext } from './context'
import { diffFields, recordHistory } from './history'
import { assertVersion } from './locking'
import { getMailingListRecord, getMailingListRow, listMailingListRows } from './mailing-lists'

type ListCreate = z.output<typeof mailingListCreateSchema>
type ListUpdate = z.output<typeof mailingListUpdateSchema>

const issue = (field: string, rule: string, message: string): FieldIssue => ({
  field,
  rule,
  message,
})
const invalid = (field: string, rule: string, message: string) =>
  AppError.validation([issue(field, rule, message)])

const HISTORY_FIELDS = ['addressName', 'addressDomainName', 'adminEmail', 'isActive'] as const

/**
 * The custom address a list would answer at, checked against the other lists and the mail
 * addresses of its domain: Postfix reads every alias map, and the first line found would win.
 * TODO(#6): a mail address made later under a list's custom address is not refused yet: that
 * check belongs to the mail address writes, which do not know of lists.
 */
async function checkCustomAddress(
  tx: Tx,
  list: { id?: number; name: string; accountId: number },
  addressName: string,
  domainId: number | null,
): Promise<void> {
  if (domainId === null) return
  const [domain] = await tx.select().from(domains).where(eq(domains.id, domainId))
  if (!domain) throw invalid('addressDomainId', 'exists', 'is not a known domain')
  if (domain.accountId !== list.accountId) {
    throw invalid('addressDomainId', 'account', `${domain.name} belongs to another account`)
  }
  const local = addressName || list.name
  const field = addressName ? 'addressName' : 'addressDomainId'
  const others = await tx
    .select()
    .from(mailingLists)
    .where(
      and(
        eq(mailingLists.addressDomainId, domainId),
        list.id !== undefined ? ne(mailingLists.id, list.id) : undefined,
      ),
    )
  if (others.some((other) => (other.addressName || other.name) === local)) {
    throw invalid(field, 'unique', `${local}@${domain.name} is another list's address`)
  }
  const names = MAILMAN_SUFFIXES.map((suffix) => `${local}${suffix}`)
  const [address] = await tx
    .select({ name: mailAddresses.name })
    .from(mailAddresses)
    .where(and(eq(mailAddresses.domainId, domainId), inArray(mailAddresses.name, names)))
  if (address) {
    throw invalid(field, 'mail_address', `${address.name}@${domain.name} is a mail address`)
  }
}

export async function createMailingList(
  ctx: WriteContext,
  input: ListCreate,
): Promise<MailingListRow> {
  const [account] = await ctx.tx
    .select({ id: accounts.id })
    .from(accounts)
    .where(eq(accounts.id, input.accountId))
  if (!account) throw invalid('accountId', 'exists', 'is not a known account')
  const [taken] = await ctx.tx
    .select({ id: mailingLists.id })
    .from(mailingLists)
    .where(eq(mailingLists.name, input.name))
  if (taken) throw invalid('name', 'unique', `a list named ${input.name} exists`)
  await checkCustomAddress(ctx.tx, input, input.addressName, input.addressDomainId)

  const [row] = await ctx.tx
    .insert(mailingLists)
    .values({ ...input, createdAt: ctx.now, updatedAt: ctx.now })
    .returning()
  await recordHistory(ctx, {
    objectType: 'mailingList',
    objectId: row!.id,
    accountId: input.accountId,
    objectRepr: input.name,
    action: 'added',
  })
  return getMailingListRow(ctx.tx, row!.id)
}

export async function updateMailingList(
  ctx: WriteContext,
  input: ListUpdate,
): Promise<MailingListRow> {
  const before = await getMailingListRow(ctx.tx, input.id)
  assertVersion('Mailing list', before, input.version)
  const addressDomainId =
    input.addressDomainId === undefined ? before.addressDomainId : input.addressDomainId
  // Clearing the domain clears the name with it: a name alone is no address (spec 7.1).
  const addressName = addressDomainId === null ? '' : (input.addressName ?? before.addressName)
  if (addressName && addressDomainId === null) {
    throw invalid('addressDomainId', 'required', 'is required with a custom address name')
  }
  await checkCustomAddress(ctx.tx, before, addressName, addressDomainId)

  const { id, version } = input
  await ctx.tx
    .update(mailingLists)
    .set({
      addressName,
      addressDomainId,
      adminEmail: input.adminEmail ?? before.adminEmail,
      isActive: input.isActive ?? before.isActive,
      version: version + 1,
      updatedAt: ctx.now,
    })
    .where(and(eq(mailingLists.id, id), eq(mailingLists.version, version)))
  const after = await getMailingListRow(ctx.tx, id)
  const changes = diffFields(before, after, HISTORY_FIELDS)
  if (changes.length) {
    await recordHistory(ctx, {
      objectType: 'mailingList',
      objectId: id,
      accountId: after.accountId,
      objectRepr: after.name,
      action: 'changed',
      changes,
    })
  }
  return after
}

export async function setMailingListsActive(
  ctx: WriteContext,
  ids: readonly number[],
  active: boolean,
): Promise<number> {
  let changed = 0
  for (const id of ids) {
    const list = await getMailingListRecord(ctx.tx, id)
    if (list.isActive === active) continue
    await ctx.tx
      .update(mailingLists)
      .set({ isActive: active, version: list.version + 1, updatedAt: ctx.now })
      .where(eq(mailingLists.id, id))
    await recordHistory(ctx, {
      objectType: 'mailingList',
      objectId: id,
      accountId: list.accountId,
      objectRepr: list.name,
      action: 'changed',
      changes: [{ field: 'isActive', from: list.isActive, to: active }],
    })
    changed++
  }
  return changed
}

/** History first, while the list is there for the backend to read. */
export async function deleteMailingLists(
  ctx: WriteContext,
  ids: readonly number[],
  message = '',
): Promise<number> {
  const rows = await listMailingListRows(ctx.tx, ids)
  for (const id of ids) {
    if (!rows.some((row) => row.id === id)) throw AppError.notFound('Mailing list', id)
  }
  for (const row of rows) {
    await recordHistory(ctx, {
      objectType: 'mailingList',
      objectId: row.id,
      accountId: row.accountId,
      objectRepr: row.name,
      action: 'deleted',
      message,
      snapshot: row,
    })
    await ctx.tx.delete(mailingLists).where(eq(mailingLists.id, row.id))
  }
  return rows.length
}

/**
 * Before domains go: the lists with a custom address on them lose it, name and domain
 * together (the foreign key would only clear the domain), and the list server hears of it.
 */
export async function clearListAddressesOnDomains(
  ctx: WriteContext,
  domainIds: readonly number[],
  message: string,
): Promise<void> {
  if (!domainIds.length) return
  const lists = await ctx.tx
    .select()
    .from(mailingLists)
    .where(inArray(mailingLists.addressDomainId, [...domainIds]))
  for (const list of lists) {
    const before = await getMailingListRow(ctx.tx, list.id)
    await ctx.tx
      .update(mailingLists)
      .set({
        addressName: '',
        addressDomainId: null,
        version: list.version + 1,
        updatedAt: ctx.now,
      })
      .where(eq(mailingLists.id, list.id))
    await recordHistory(ctx, {
      objectType: 'mailingList',
      objectId: list.id,
      accountId: list.accountId,
      objectRepr: list.name,
      action: 'changed',
      changes: [
        { field: 'customAddress', from: before.customAddress, to: null },
        ...(list.addressName ? [{ field: 'addressName', from: list.addressName, to: '' }] : []),
      ],
      message,
    })
  }
}

/** Every list of an account, oldest first. */
export async function accountMailingLists(tx: Tx, accountId: number) {
  return tx
    .select()
    .from(mailingLists)
    .where(eq(mailingLists.accountId, accountId))
    .orderBy(asc(mailingLists.id))
}
