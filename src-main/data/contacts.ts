import { and, asc, count, desc, eq, ne, or, sql, type SQL } from 'drizzle-orm'
import type { Page } from '../../src-shared/schemas/common'
import {
  contactDisplayName,
  contactListSchema,
  contactRuleIssues,
  EMAIL_USAGES,
  type Contact,
  type ContactListQuery,
  type ContactRow,
  type EmailUsage,
  type contactInputSchema,
  type contactUpdateSchema,
} from '../../src-shared/schemas/contacts'
import type { CountryCode } from '../../src-shared/countries'
import { AppError, type FieldIssue } from '../../src-shared/errors'
import type { z } from 'zod'
import type { Tx } from '../db/store'
import { accounts, contacts } from '../db/schema'
import type { WriteContext } from './context'
import { diffFields, recordHistory } from './history'
import { assertVersion } from './locking'
import { refreshAccountSearch } from './account-search'
import { settingValue } from './settings'
import { contains, searchText, searchWords } from './sql'

type ContactValues = z.output<typeof contactInputSchema>
/** A contact's values with the country main fills in: every rule can run on them. */
export type CompleteContact = ContactValues & { country: CountryCode | '' }
type ContactUpdate = z.output<typeof contactUpdateSchema>
type ContactRecord = typeof contacts.$inferSelect

const TRACKED_FIELDS = [
  'shortName',
  'fullName',
  'email',
  'emailUsage',
  'phone',
  'phone2',
  'address',
  'city',
  'zipcode',
  'country',
] as const satisfies readonly (keyof Contact)[]

// --- Reading ---------------------------------------------------------------------------------

export function toContact(row: ContactRecord): Contact {
  const { searchText: _search, emailUsage, ...rest } = row
  return { ...rest, emailUsage: emailUsage ? (emailUsage.split(',') as EmailUsage[]) : [] }
}

export async function getContact(tx: Tx, id: number): Promise<Contact> {
  const [row] = await tx.select().from(contacts).where(eq(contacts.id, id))
  if (!row) throw AppError.notFound('Contact', id)
  return toContact(row)
}

export async function listAccountContacts(tx: Tx, accountId: number): Promise<Contact[]> {
  const rows = await tx
    .select()
    .from(contacts)
    .where(eq(contacts.accountId, accountId))
    .orderBy(asc(contacts.id))
  return rows.map(toContact)
}

const SORT_COLUMNS = {
  shortName: contacts.shortName,
  fullName: contacts.fullName,
  email: contacts.email,
  country: contacts.country,
  account: accounts.username,
}

export async function listContacts(tx: Tx, input: ContactListQuery): Promise<Page<ContactRow>> {
  const query = contactListSchema.parse(input)
  const filters: (SQL | undefined)[] = [
    query.accountId !== undefined ? eq(contacts.accountId, query.accountId) : undefined,
    query.usages.length ? or(...query.usages.map((u) => hasUsage(u))) : undefined,
    ...searchWords(query.q).map((word) => contains(contacts.searchText, word)),
  ]
  const where = and(...filters)
  const order = query.dir === 'asc' ? asc : desc

  const [totalRow] = await tx.select({ n: count() }).from(contacts).where(where)
  const rows = await tx
    .select({ contact: contacts, accountUsername: accounts.username })
    .from(contacts)
    .innerJoin(accounts, eq(accounts.id, contacts.accountId))
    .where(where)
    .orderBy(order(SORT_COLUMNS[query.sort]), order(contacts.id))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize)

  return {
    rows: rows.map((r) => ({ ...toContact(r.contact), accountUsername: r.accountUsername })),
    total: totalRow?.n ?? 0,
    page: query.page,
    pageSize: query.pageSize,
  }
}

/** Usages are stored as a comma list in canonical order; match one whole item. */
function hasUsage(usage: EmailUsage): SQL {
  return sql`(',' || ${contacts.emailUsage} || ',') LIKE ${`%,${usage},%`}`
}

// --- Writing ---------------------------------------------------------------------------------

/**
 * New contacts with what their request left out filled in: the country, from the
 * CONTACTS_DEFAULT_COUNTRY setting. The rules that depend on the country run here, on the
 * final values, since the schema could not run them without one. `path` places the issues
 * (`contacts.1.phone` in a new account); all the contacts' issues are reported together.
 */
export async function completeContacts(
  tx: Tx,
  inputs: ContactValues[],
  path: (index: number) => string = () => '',
): Promise<CompleteContact[]> {
  const defaultCountry = await settingValue(tx, 'CONTACTS_DEFAULT_COUNTRY')
  const complete = inputs.map((input) => ({ ...input, country: input.country ?? defaultCountry }))
  assertRules(complete.flatMap((contact, i) => placed(contactRuleIssues(contact), path(i))))
  return complete
}

function placed(issues: FieldIssue[], path: string): FieldIssue[] {
  return issues.map((issue) => ({ ...issue, field: path + issue.field }))
}

function assertRules(issues: FieldIssue[]): void {
  if (issues.length) throw AppError.validation(issues)
}

/** The values an update starts from: everything of the stored contact that a request can set. */
function editableValues(contact: Contact): CompleteContact {
  const { id: _id, accountId: _account, version: _version, ...rest } = contact
  const { createdAt: _created, updatedAt: _updated, ...values } = rest
  return values
}

/** The fields a request sets; one sent as undefined (IPC can carry it) keeps its stored value. */
function definedOnly<T extends object>(sent: T): Partial<T> {
  return Object.fromEntries(Object.entries(sent).filter(([, v]) => v !== undefined)) as Partial<T>
}

function storedValues(values: CompleteContact, accountUsername: string) {
  return {
    ...values,
    emailUsage: EMAIL_USAGES.filter((u) => values.emailUsage.includes(u)).join(','),
    searchText: searchText([
      values.shortName,
      values.fullName,
      values.email,
      values.phone,
      values.phone2,
      accountUsername,
    ]),
  }
}

async function accountUsername(tx: Tx, accountId: number): Promise<string> {
  const [row] = await tx
    .select({ username: accounts.username })
    .from(accounts)
    .where(eq(accounts.id, accountId))
  if (!row) {
    throw AppError.validation([
      { field: 'accountId', rule: 'exists', message: `account ${accountId} does not exist` },
    ])
  }
  return row.username
}

/** `contacts:create`: one contact, completed and checked, added to an existing account. */
export async function createContact(
  ctx: WriteContext,
  accountId: number,
  input: ContactValues,
): Promise<Contact> {
  const [values] = await completeContacts(ctx.tx, [input])
  return insertContact(ctx, accountId, values!)
}

export async function insertContact(
  ctx: WriteContext,
  accountId: number,
  values: CompleteContact,
): Promise<Contact> {
  const username = await accountUsername(ctx.tx, accountId)
  const [row] = await ctx.tx
    .insert(contacts)
    .values({
      accountId,
      ...storedValues(values, username),
      createdAt: ctx.now,
      updatedAt: ctx.now,
    })
    .returning()
  const contact = toContact(row!)
  await refreshAccountSearch(ctx.tx, accountId)
  await recordHistory(ctx, {
    objectType: 'contact',
    objectId: contact.id,
    accountId,
    objectRepr: contactDisplayName(contact),
    action: 'added',
  })
  return contact
}

/**
 * A partial update: the fields sent replace the stored ones, and the cross-field rules run on
 * the result, since a new phone is checked against the stored country and the other way round.
 */
export async function updateContact(ctx: WriteContext, input: ContactUpdate): Promise<Contact> {
  const { id, version, ...sent } = input
  const before = await getContact(ctx.tx, id)
  assertVersion('Contact', before, version)
  const values = { ...editableValues(before), ...definedOnly(sent) }
  assertRules(contactRuleIssues(values))

  const username = await accountUsername(ctx.tx, before.accountId)
  const [row] = await ctx.tx
    .update(contacts)
    .set({ ...storedValues(values, username), version: version + 1, updatedAt: ctx.now })
    .where(and(eq(contacts.id, id), eq(contacts.version, version)))
    .returning()
  const after = toContact(row!)
  await refreshAccountSearch(ctx.tx, after.accountId)
  const changes = diffFields(before, after, TRACKED_FIELDS)
  if (changes.length) {
    await recordHistory(ctx, {
      objectType: 'contact',
      objectId: id,
      accountId: after.accountId,
      objectRepr: contactDisplayName(after),
      action: 'changed',
      changes,
    })
  }
  return after
}

/** An account must keep at least one contact (spec: panel 3.2). */
export async function deleteContact(ctx: WriteContext, id: number): Promise<void> {
  const contact = await getContact(ctx.tx, id)
  const [others] = await ctx.tx
    .select({ n: count() })
    .from(contacts)
    .where(and(eq(contacts.accountId, contact.accountId), ne(contacts.id, id)))
  if (!others?.n) {
    throw AppError.validation([
      { field: 'id', rule: 'last_contact', message: 'an account must keep at least one contact' },
    ])
  }
  await recordHistory(ctx, {
    objectType: 'contact',
    objectId: id,
    accountId: contact.accountId,
    objectRepr: contactDisplayName(contact),
    action: 'deleted',
    snapshot: contact,
  })
  await ctx.tx.delete(contacts).where(eq(contacts.id, id))
  await refreshAccountSearch(ctx.tx, contact.accountId)
}
