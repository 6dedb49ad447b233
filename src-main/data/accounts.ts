import { and, eq, inArray } from 'drizzle-orm'
import type { z } from 'zod'
import {
  type Account,
  type AccountDeletePreview,
  type AccountDetail,
  type accountCreateSchema,
  type accountUpdateSchema,
} from '../../src-shared/schemas/accounts'
import { AppError } from '../../src-shared/errors'
import { uniqueViolation } from '../db/errors'
import type { Tx } from '../db/store'
import { accounts } from '../db/schema'
import { refreshAccountSearch } from './account-search'
import { listOwnedServices, serviceStates, type AccountServiceProvider } from './account-services'
import { contactDisplayName } from '../../src-shared/schemas/contacts'
import { completeContacts, insertContact, listAccountContacts } from './contacts'
import type { WriteContext } from './context'
import { diffFields, recordHistory } from './history'
import { assertVersion } from './locking'
import { settingValue } from './settings'

type AccountCreate = z.output<typeof accountCreateSchema>
type AccountUpdate = z.output<typeof accountUpdateSchema>
type AccountRecord = typeof accounts.$inferSelect
type Providers = readonly AccountServiceProvider[]

const TRACKED_FIELDS = [
  'shortName',
  'fullName',
  'email',
  'type',
  'language',
  'comments',
  'isSuperuser',
  'isActive',
] as const satisfies readonly (keyof Account)[]

// --- Reading ---------------------------------------------------------------------------------

function toAccount(row: AccountRecord): Account {
  const { searchText: _search, ...account } = row
  return account
}

export async function getAccount(tx: Tx, id: number): Promise<Account> {
  const [row] = await tx.select().from(accounts).where(eq(accounts.id, id))
  if (!row) throw AppError.notFound('Account', id)
  return toAccount(row)
}

export async function getAccountDetail(
  tx: Tx,
  providers: Providers,
  id: number,
): Promise<AccountDetail> {
  const account = await getAccount(tx, id)
  const services = await listOwnedServices(tx, providers, id)
  return {
    account,
    contacts: await listAccountContacts(tx, id),
    services,
    serviceStates: await serviceStates(tx, id, services),
  }
}

export { listAccounts } from './account-list'

// --- Creating and editing --------------------------------------------------------------------

export async function createAccount(
  ctx: WriteContext,
  providers: Providers,
  input: AccountCreate,
): Promise<AccountDetail> {
  const { contacts: contactInputs, enableSystemUser, ...fields } = input
  await assertUsernameFree(ctx.tx, fields.username)
  const contacts = await completeContacts(ctx.tx, contactInputs, (i) => `contacts.${i}.`)

  // What the request leaves out, the operator's settings fill in (the schema has no defaults).
  const type = fields.type ?? (await settingValue(ctx.tx, 'ACCOUNTS_DEFAULT_TYPE'))
  const language = fields.language ?? (await settingValue(ctx.tx, 'ACCOUNTS_DEFAULT_LANGUAGE'))
  const values = { ...fields, type, language }
  const [row] = await ctx.tx
    .insert(accounts)
    .values({ ...values, dateJoined: ctx.now, createdAt: ctx.now, updatedAt: ctx.now })
    .returning()
    .catch((error: unknown) => translateUniqueViolation(error, fields.username))
  const account = toAccount(row!)
  await recordHistory(ctx, {
    objectType: 'account',
    objectId: account.id,
    accountId: account.id,
    objectRepr: account.username,
    action: 'added',
  })

  for (const contact of contacts) await insertContact(ctx, account.id, contact)
  for (const provider of providers) {
    await provider.onAccountCreated?.(ctx, account, { enableSystemUser })
  }
  await refreshAccountSearch(ctx.tx, account.id)
  return getAccountDetail(ctx.tx, providers, account.id)
}

/**
 * The username is checked before the insert for a friendly error; the unique index still
 * guards against a second workstation creating the same name in between.
 */
async function assertUsernameFree(tx: Tx, username: string): Promise<void> {
  const [taken] = await tx
    .select({ id: accounts.id })
    .from(accounts)
    .where(eq(accounts.username, username))
  if (taken) throw usernameTaken(username)
}

function usernameTaken(username: string): AppError {
  return AppError.validation([
    { field: 'username', rule: 'unique', message: `"${username}" is already taken` },
  ])
}

function translateUniqueViolation(error: unknown, username: string): never {
  const violation = uniqueViolation(error)
  if (violation?.table === 'accounts' && violation.column === 'username') {
    throw new AppError(usernameTaken(username).toBody(), { cause: error })
  }
  throw error
}

export async function updateAccount(
  ctx: WriteContext,
  providers: Providers,
  input: AccountUpdate,
): Promise<AccountDetail> {
  const { id, version, ...fields } = input
  const before = await getAccount(ctx.tx, id)
  assertVersion('Account', before, version)

  const [row] = await ctx.tx
    .update(accounts)
    .set({ ...fields, version: version + 1, updatedAt: ctx.now })
    .where(and(eq(accounts.id, id), eq(accounts.version, version)))
    .returning()
  const after = toAccount(row!)
  const changes = diffFields(before, after, TRACKED_FIELDS)
  if (changes.length) {
    await refreshAccountSearch(ctx.tx, id)
    await recordHistory(ctx, {
      objectType: 'account',
      objectId: id,
      accountId: id,
      objectRepr: after.username,
      action: 'changed',
      changes,
    })
  }
  return getAccountDetail(ctx.tx, providers, id)
}

// --- Disabling and deleting ------------------------------------------------------------------

/**
 * Flips the active flag of each account that is not already in that state. Services keep
 * their own flags; each provider is told once so servers get the new effective state.
 */
export async function setAccountsActive(
  ctx: WriteContext,
  providers: Providers,
  ids: number[],
  active: boolean,
): Promise<number> {
  const targets = await ctx.tx
    .select()
    .from(accounts)
    .where(and(inArray(accounts.id, ids), eq(accounts.isActive, !active)))
  const missing = await missingIds(ctx.tx, ids)
  if (missing.length) throw AppError.notFound('Account', missing.join(', '))

  for (const row of targets) {
    const [updated] = await ctx.tx
      .update(accounts)
      .set({ isActive: active, version: row.version + 1, updatedAt: ctx.now })
      .where(eq(accounts.id, row.id))
      .returning()
    const account = toAccount(updated!)
    await recordHistory(ctx, {
      objectType: 'account',
      objectId: account.id,
      accountId: account.id,
      objectRepr: account.username,
      action: active ? 'enabled' : 'disabled',
      changes: [{ field: 'isActive', from: !active, to: active }],
    })
    for (const provider of providers) await provider.onAccountActiveChanged?.(ctx, account)
  }
  return targets.length
}

async function missingIds(tx: Tx, ids: number[]): Promise<number[]> {
  const found = await tx.select({ id: accounts.id }).from(accounts).where(inArray(accounts.id, ids))
  const present = new Set(found.map((r) => r.id))
  return ids.filter((id) => !present.has(id))
}

export async function previewAccountDeletion(
  tx: Tx,
  providers: Providers,
  id: number,
): Promise<AccountDeletePreview> {
  const detail = await getAccountDetail(tx, providers, id)
  const blockers = await Promise.all(providers.map((p) => p.deletionBlockers?.(tx, id) ?? []))
  return { ...detail, blockers: blockers.flat() }
}

/**
 * Deletes an account with its contacts (and, through the providers' foreign keys, its
 * services). History is kept: entries have no foreign key and cannot be deleted.
 */
export async function deleteAccount(ctx: WriteContext, providers: Providers, id: number) {
  const preview = await previewAccountDeletion(ctx.tx, providers, id)
  if (preview.blockers.length) {
    throw new AppError({
      code: 'FORBIDDEN',
      message:
        `Account ${preview.account.username} cannot be deleted: ` + preview.blockers.join('; '),
      details: { blockers: preview.blockers },
    })
  }

  for (const provider of providers) await provider.onAccountDeleting?.(ctx, preview.account)
  // History first: orchestration reads the account and its contacts while they still exist.
  for (const contact of preview.contacts) {
    await recordHistory(ctx, {
      objectType: 'contact',
      objectId: contact.id,
      accountId: id,
      objectRepr: contactDisplayName(contact),
      action: 'deleted',
      message: `Deleted with account ${preview.account.username}`,
      snapshot: contact,
    })
  }
  await recordHistory(ctx, {
    objectType: 'account',
    objectId: id,
    accountId: id,
    objectRepr: preview.account.username,
    action: 'deleted',
    message: `Deleted ${preview.contacts.length} contact(s) with it`,
    snapshot: preview.account,
  })
  await ctx.tx.delete(accounts).where(eq(accounts.id, id))
}
