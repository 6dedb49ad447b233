import { and, eq, inArray } from 'drizzle-orm'
import type { z } from 'zod'
import { AppError } from '../../src-shared/errors'
import type { FieldChange } from '../../src-shared/schemas/history'
import type {
  MailboxDetail,
  mailboxCreateSchema,
  mailboxUpdateSchema,
} from '../../src-shared/schemas/mail'
import { unixPasswordHash } from '../core/passwords'
import { scopedLogger } from '../core/logger'
import { accounts, domains, mailAddresses, mailboxes } from '../db/schema'
import { checkSieve } from '../mail/sieve-check'
import type { WriteContext } from './context'
import { diffFields, recordHistory } from './history'
import { assertVersion } from './locking'
import { addressesOfMailbox, getMailboxDetail, getMailboxRecord, toMailbox } from './mail'
import { createAddress, dropMailboxFromAddress } from './mail-address-writes'
import { settingValue } from './settings'

type MailboxCreate = z.output<typeof mailboxCreateSchema>
type MailboxUpdate = z.output<typeof mailboxUpdateSchema>

const log = scopedLogger('mail')
const FIELDS = ['filtering', 'customFiltering', 'isActive'] as const

const invalid = (field: string, rule: string, message: string) =>
  AppError.validation([{ field, rule, message }])

/**
 * Pigeonhole's own verdict on a custom filter, on this machine, before anything is stored;
 * each complaint names its line (spec 2.3). A filter that is not selected is not checked.
 */
async function assertSieveCompiles(filtering: string, script: string): Promise<void> {
  if (filtering !== 'CUSTOM') return
  const problems = await checkSieve(script)
  if (problems === undefined) {
    log.warn('sievec is not installed: custom filters are compiled on the servers only')
    return
  }
  if (!problems.length) return
  throw AppError.validation(
    problems.map(({ message, line }) => ({
      field: 'customFiltering',
      rule: 'sieve',
      message: line ? `line ${line}: ${message}` : message,
    })),
  )
}

/**
 * Spec 2.2 (14.25): a new mailbox gets `<name>@<local domain>` when that domain exists and the
 * address does not: delivered to the mailbox on the mailbox's own account, else forwarded to
 * it (an address belongs to its domain's account).
 * TODO(#5): the admin warnings of spec 2.2 (a same-named local address that does not route to
 * the mailbox) are not shown: the pages have no place for non-blocking notes yet.
 */
async function createLocalAddress(
  ctx: WriteContext,
  mailbox: { id: number; name: string; accountId: number },
) {
  const localDomain = await settingValue(ctx.tx, 'MAILBOXES_LOCAL_DOMAIN')
  if (!localDomain) return
  const [domain] = await ctx.tx.select().from(domains).where(eq(domains.name, localDomain))
  if (!domain) return
  const [existing] = await ctx.tx
    .select({ id: mailAddresses.id })
    .from(mailAddresses)
    .where(and(eq(mailAddresses.domainId, domain.id), eq(mailAddresses.name, mailbox.name)))
  if (existing) return
  const own = domain.accountId === mailbox.accountId
  await createAddress(ctx, {
    name: mailbox.name,
    domainId: domain.id,
    mailboxIds: own ? [mailbox.id] : [],
    forward: own ? '' : mailbox.name,
    autoresponseEnabled: false,
    autoresponseSubject: '',
    autoresponseMessage: '',
  })
}

export async function createMailbox(
  ctx: WriteContext,
  input: MailboxCreate,
): Promise<MailboxDetail> {
  const [taken] = await ctx.tx
    .select({ id: mailboxes.id })
    .from(mailboxes)
    .where(eq(mailboxes.name, input.name))
  if (taken) throw invalid('name', 'unique', `${input.name} already exists`)
  const [account] = await ctx.tx
    .select({ id: accounts.id })
    .from(accounts)
    .where(eq(accounts.id, input.accountId))
  if (!account) throw invalid('accountId', 'exists', 'is not a known account')
  const filtering =
    input.filtering ?? (await settingValue(ctx.tx, 'MAILBOXES_MAILBOX_DEFAULT_FILTERING'))
  await assertSieveCompiles(filtering, input.customFiltering)

  const [row] = await ctx.tx
    .insert(mailboxes)
    .values({
      name: input.name,
      accountId: input.accountId,
      passwordHash: await unixPasswordHash(input.password),
      filtering,
      customFiltering: input.customFiltering,
      isActive: input.isActive,
      createdAt: ctx.now,
      updatedAt: ctx.now,
    })
    .returning()
  await recordHistory(ctx, {
    objectType: 'mailbox',
    objectId: row!.id,
    accountId: input.accountId,
    objectRepr: input.name,
    action: 'added',
  })
  await createLocalAddress(ctx, row!)
  return getMailboxDetail(ctx.tx, row!.id)
}

/** A password change is named in the history, never its hashes. */
const PASSWORD_CHANGE: FieldChange = { field: 'password', from: null, to: null }

export async function updateMailbox(
  ctx: WriteContext,
  input: MailboxUpdate,
): Promise<MailboxDetail> {
  const before = await getMailboxRecord(ctx.tx, input.id)
  assertVersion('Mailbox', before, input.version)
  const { id, version, password, ...fields } = input
  const filtering = fields.filtering ?? before.filtering
  const customFiltering = fields.customFiltering ?? before.customFiltering
  if (filtering === 'CUSTOM' && !customFiltering) {
    throw invalid('customFiltering', 'required', 'is required when the filtering is CUSTOM')
  }
  if (fields.filtering !== undefined || fields.customFiltering !== undefined) {
    await assertSieveCompiles(filtering, customFiltering)
  }

  await ctx.tx
    .update(mailboxes)
    .set({
      ...fields,
      ...(password !== undefined && { passwordHash: await unixPasswordHash(password) }),
      version: version + 1,
      updatedAt: ctx.now,
    })
    .where(and(eq(mailboxes.id, id), eq(mailboxes.version, version)))
  const after = await getMailboxRecord(ctx.tx, id)
  const changes = [
    ...diffFields(toMailbox(before), toMailbox(after), FIELDS),
    ...(password !== undefined ? [PASSWORD_CHANGE] : []),
  ]
  if (changes.length) {
    await recordHistory(ctx, {
      objectType: 'mailbox',
      objectId: id,
      accountId: after.accountId,
      objectRepr: after.name,
      action: 'changed',
      changes,
    })
  }
  return getMailboxDetail(ctx.tx, id)
}

/** Bulk disable and enable (spec 0.1); enabling really enables (the original's did not). */
export async function setMailboxesActive(
  ctx: WriteContext,
  ids: readonly number[],
  isActive: boolean,
) {
  const rows = await ctx.tx
    .select()
    .from(mailboxes)
    .where(inArray(mailboxes.id, [...ids]))
  for (const row of rows.filter((r) => r.isActive !== isActive)) {
    await ctx.tx
      .update(mailboxes)
      .set({ isActive, version: row.version + 1, updatedAt: ctx.now })
      .where(eq(mailboxes.id, row.id))
    await recordHistory(ctx, {
      objectType: 'mailbox',
      objectId: row.id,
      accountId: row.accountId,
      objectRepr: row.name,
      action: 'changed',
      changes: [{ field: 'isActive', from: row.isActive, to: isActive }],
    })
  }
  return { changed: rows.filter((r) => r.isActive !== isActive).length }
}

/**
 * Spec 2.2 (14.26): the mailbox leaves every address that names it, and addresses left with
 * no target go; then the mailbox, its history written while the servers can still read it.
 */
export async function deleteMailbox(ctx: WriteContext, id: number, message = ''): Promise<void> {
  const mailbox = await getMailboxRecord(ctx.tx, id)
  const note = message || `Mailbox ${mailbox.name} deleted`
  for (const address of await addressesOfMailbox(ctx.tx, mailbox)) {
    await dropMailboxFromAddress(ctx, address.id, mailbox, note)
  }
  await recordHistory(ctx, {
    objectType: 'mailbox',
    objectId: id,
    accountId: mailbox.accountId,
    objectRepr: mailbox.name,
    action: 'deleted',
    message,
    snapshot: toMailbox(mailbox),
  })
  await ctx.tx.delete(mailboxes).where(eq(mailboxes.id, id))
}

export async function deleteMailboxes(ctx: WriteContext, ids: readonly number[]) {
  for (const id of ids) await getMailboxRecord(ctx.tx, id)
  for (const id of ids) await deleteMailbox(ctx, id)
  return { deleted: ids.length }
}

/** Every mailbox of an account, saved again so servers apply the account's new flag. */
export async function resaveAccountMailboxes(
  ctx: WriteContext,
  account: { id: number; isActive: boolean; username: string },
) {
  const rows = await ctx.tx.select().from(mailboxes).where(eq(mailboxes.accountId, account.id))
  const message = `Account ${account.username} ${account.isActive ? 'enabled' : 'disabled'}`
  for (const row of rows) {
    await recordHistory(ctx, {
      objectType: 'mailbox',
      objectId: row.id,
      accountId: row.accountId,
      objectRepr: row.name,
      action: 'changed',
      message,
    })
  }
}
