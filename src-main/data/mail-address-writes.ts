import { and, eq, inArray } from 'drizzle-orm'
import type { z } from 'zod'
import { AppError, type FieldIssue } from '../../src-shared/errors'
import {
  emailOf,
  type MailAddressRow,
  type mailAddressCreateSchema,
  type mailAddressUpdateSchema,
} from '../../src-shared/schemas/mail'
import { domains, mailAddresses, mailAddressMailboxes, mailboxes } from '../db/schema'
import type { Tx } from '../db/store'
import type { WriteContext } from './context'
import { diffFields, recordHistory } from './history'
import { assertVersion } from './locking'
import { forwardTokens, getAddressRecord, getAddressRow } from './mail'
import { settingValue } from './settings'

type AddressCreate = z.output<typeof mailAddressCreateSchema>
type AddressUpdate = z.output<typeof mailAddressUpdateSchema>

const AUTORESPONSE_FIELDS = [
  'autoresponseEnabled',
  'autoresponseSubject',
  'autoresponseMessage',
] as const

const issue = (field: string, rule: string, message: string): FieldIssue => ({
  field,
  rule,
  message,
})

/**
 * The forward as stored (spec 2.1): `<mbox>@<local domain>` of an existing mailbox becomes
 * `<mbox>`; a bare token must be a mailbox of another account (this account's go in the
 * mailboxes list); an address never forwards to itself; no token twice.
 */
async function resolveForward(
  tx: Tx,
  forward: string,
  owner: { email: string; accountId: number },
): Promise<{ forward: string; issues: FieldIssue[] }> {
  const localDomain = await settingValue(tx, 'MAILBOXES_LOCAL_DOMAIN')
  const issues: FieldIssue[] = []
  const tokens: string[] = []
  for (const typed of forwardTokens(forward.toLowerCase())) {
    let token = typed
    const at = token.lastIndexOf('@')
    if (at > 0 && localDomain && token.slice(at + 1) === localDomain) {
      const [local] = await tx
        .select({ id: mailboxes.id })
        .from(mailboxes)
        .where(eq(mailboxes.name, token.slice(0, at)))
      if (local) token = token.slice(0, at)
    }
    if (!token.includes('@')) {
      const [mailbox] = await tx.select().from(mailboxes).where(eq(mailboxes.name, token))
      if (!mailbox) issues.push(issue('forward', 'mailbox', `${token} is not a mailbox`))
      else if (mailbox.accountId === owner.accountId) {
        const message = `${token} is a mailbox of this account: add it to the mailboxes instead`
        issues.push(issue('forward', 'same_account', message))
      }
    } else if (token === owner.email) {
      issues.push(issue('forward', 'self', 'would forward the address to itself'))
    }
    if (tokens.includes(token))
      issues.push(issue('forward', 'duplicate', `${token} is given twice`))
    else tokens.push(token)
  }
  return { forward: tokens.join(' '), issues }
}

/** The mailboxes of an address are the account's own; others are reached by forward. */
async function checkMailboxes(tx: Tx, ids: readonly number[], accountId: number) {
  if (!ids.length) return []
  const found = await tx
    .select({ id: mailboxes.id, accountId: mailboxes.accountId })
    .from(mailboxes)
    .where(inArray(mailboxes.id, [...ids]))
  return ids.flatMap((id) => {
    const mailbox = found.find((m) => m.id === id)
    if (!mailbox) return [issue('mailboxIds', 'exists', `mailbox ${id} does not exist`)]
    if (mailbox.accountId !== accountId) {
      const message = 'holds a mailbox of another account: name it in the forward instead'
      return [issue('mailboxIds', 'account', message)]
    }
    return []
  })
}

async function writeMailboxLinks(tx: Tx, addressId: number, ids: readonly number[]) {
  await tx.delete(mailAddressMailboxes).where(eq(mailAddressMailboxes.addressId, addressId))
  if (ids.length) {
    await tx
      .insert(mailAddressMailboxes)
      .values([...new Set(ids)].map((mailboxId) => ({ addressId, mailboxId })))
  }
}

async function validateTargets(
  tx: Tx,
  target: { email: string; accountId: number; mailboxIds: readonly number[]; forward: string },
) {
  const resolved = await resolveForward(tx, target.forward, target)
  const issues = [...(await checkMailboxes(tx, target.mailboxIds, target.accountId))]
  issues.push(...resolved.issues)
  if (!target.mailboxIds.length && !resolved.forward) {
    issues.push(issue('mailboxIds', 'mailbox_or_forward', 'needs a mailbox or a forward'))
  }
  if (issues.length) throw AppError.validation(issues)
  return resolved.forward
}

/** Creates an address on a domain, for the domain's account. */
export async function createAddress(
  ctx: WriteContext,
  input: AddressCreate,
): Promise<MailAddressRow> {
  const [domain] = await ctx.tx.select().from(domains).where(eq(domains.id, input.domainId))
  if (!domain) throw AppError.validation([issue('domainId', 'exists', 'is not a known domain')])
  const email = emailOf(input.name, domain.name)
  const [taken] = await ctx.tx
    .select({ id: mailAddresses.id })
    .from(mailAddresses)
    .where(and(eq(mailAddresses.domainId, domain.id), eq(mailAddresses.name, input.name)))
  if (taken) throw AppError.validation([issue('name', 'unique', `${email} already exists`)])
  const { accountId } = domain
  const forward = await validateTargets(ctx.tx, { ...input, email, accountId })

  const [row] = await ctx.tx
    .insert(mailAddresses)
    .values({
      name: input.name,
      domainId: domain.id,
      accountId,
      forward,
      ...Object.fromEntries(AUTORESPONSE_FIELDS.map((field) => [field, input[field]])),
      createdAt: ctx.now,
      updatedAt: ctx.now,
    })
    .returning()
  await writeMailboxLinks(ctx.tx, row!.id, input.mailboxIds)
  await recordHistory(ctx, {
    objectType: 'mailAddress',
    objectId: row!.id,
    accountId,
    objectRepr: email,
    action: 'added',
  })
  return getAddressRow(ctx.tx, row!.id)
}

export async function updateAddress(
  ctx: WriteContext,
  input: AddressUpdate,
): Promise<MailAddressRow> {
  const before = await getAddressRow(ctx.tx, input.id)
  assertVersion('Mail address', before, input.version)
  const mailboxIds = input.mailboxIds ?? before.mailboxes.map((m) => m.id)
  const typed = input.forward ?? before.forward
  const target = { email: before.email, accountId: before.accountId, mailboxIds, forward: typed }
  const forward = await validateTargets(ctx.tx, target)
  const enabled = input.autoresponseEnabled ?? before.autoresponseEnabled
  if (enabled && !(input.autoresponseMessage ?? before.autoresponseMessage)) {
    const message = 'is required for an autoresponse'
    throw AppError.validation([issue('autoresponseMessage', 'required', message)])
  }

  const { id, version, mailboxIds: _ids, forward: _forward, ...autoresponse } = input
  await ctx.tx
    .update(mailAddresses)
    .set({ ...autoresponse, forward, version: version + 1, updatedAt: ctx.now })
    .where(and(eq(mailAddresses.id, id), eq(mailAddresses.version, version)))
  if (input.mailboxIds) await writeMailboxLinks(ctx.tx, id, input.mailboxIds)
  const after = await getAddressRow(ctx.tx, id)
  const changes = [
    ...diffFields(before, after, ['forward', ...AUTORESPONSE_FIELDS]),
    ...diffFields(
      { mailboxes: before.mailboxes.map((m) => m.name) },
      { mailboxes: after.mailboxes.map((m) => m.name) },
      ['mailboxes'],
    ),
  ]
  if (changes.length) {
    await recordHistory(ctx, {
      objectType: 'mailAddress',
      objectId: id,
      accountId: after.accountId,
      objectRepr: after.email,
      action: 'changed',
      changes,
    })
  }
  return after
}

/**
 * Takes a mailbox out of an address's targets (spec 2.2, 14.26): out of its mailboxes and
 * its forward; an address left with no target goes. The removal is a change of the address,
 * so its servers hear of it (the original never told them of a removal, spec 15.3).
 */
export async function dropMailboxFromAddress(
  ctx: WriteContext,
  addressId: number,
  mailbox: { id: number; name: string },
  message: string,
): Promise<void> {
  const before = await getAddressRow(ctx.tx, addressId)
  const forward = forwardTokens(before.forward)
    .filter((token) => token !== mailbox.name)
    .join(' ')
  const left = before.mailboxes.filter((m) => m.id !== mailbox.id)
  if (!forward && !left.length) return deleteAddress(ctx, addressId, message)

  await ctx.tx
    .update(mailAddresses)
    .set({ forward, version: before.version + 1, updatedAt: ctx.now })
    .where(eq(mailAddresses.id, addressId))
  await ctx.tx
    .delete(mailAddressMailboxes)
    .where(
      and(
        eq(mailAddressMailboxes.addressId, addressId),
        eq(mailAddressMailboxes.mailboxId, mailbox.id),
      ),
    )
  const changes = [
    ...diffFields(before, { ...before, forward }, ['forward']),
    ...(left.length !== before.mailboxes.length
      ? [
          {
            field: 'mailboxes',
            from: before.mailboxes.map((m) => m.name),
            to: left.map((m) => m.name),
          },
        ]
      : []),
  ]
  await recordHistory(ctx, {
    objectType: 'mailAddress',
    objectId: addressId,
    accountId: before.accountId,
    objectRepr: before.email,
    action: 'changed',
    changes,
    message,
  })
}

/** History first, while the address and its mailboxes are there for the servers to read. */
export async function deleteAddress(ctx: WriteContext, id: number, message = ''): Promise<void> {
  const row = await getAddressRow(ctx.tx, id)
  await recordHistory(ctx, {
    objectType: 'mailAddress',
    objectId: id,
    accountId: row.accountId,
    objectRepr: row.email,
    action: 'deleted',
    message,
    snapshot: row,
  })
  await ctx.tx.delete(mailAddresses).where(eq(mailAddresses.id, id))
}

export async function deleteAddresses(ctx: WriteContext, ids: readonly number[]) {
  for (const id of ids) await getAddressRecord(ctx.tx, id)
  for (const id of ids) await deleteAddress(ctx, id)
  return { deleted: ids.length }
}

/**
 * Before domains go: their addresses, each deleted through this module so the mail servers
 * are told (the foreign key refuses a domain that still has addresses).
 */
export async function deleteAddressesOnDomains(
  ctx: WriteContext,
  domainIds: readonly number[],
  message: string,
): Promise<void> {
  if (!domainIds.length) return
  const rows = await ctx.tx
    .select({ id: mailAddresses.id })
    .from(mailAddresses)
    .where(inArray(mailAddresses.domainId, [...domainIds]))
  for (const row of rows) await deleteAddress(ctx, row.id, message)
}
