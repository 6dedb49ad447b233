import { z } from 'zod'
import { idSchema, listQueryShape, multiLineText, singleLineText, versionSchema } from './common'

/** Spec 2.3: what a mailbox's Sieve script does; CUSTOM is the mailbox's own text. */
export const MAIL_FILTERINGS = [
  'REDIRECT',
  'REDIRECT5',
  'REJECT',
  'REJECT5',
  'DISABLE',
  'CUSTOM',
] as const
export type MailFiltering = (typeof MAIL_FILTERINGS)[number]

/** The Linux user-name limit the original kept (MAILBOXES_NAME_MAX_LENGTH). */
export const MAILBOX_NAME_MAX = 32

/**
 * A login: lower case ASCII letters and digits, then also `.`, `_` and `-`. It starts with a
 * letter or digit, so it is never `.`, `..` or an option (`-rf`) to the tool that gets it.
 */
const MAILBOX_NAME = /^[a-z0-9][a-z0-9._-]*$/

/**
 * A local part that no shell, sed expression or Postfix map can read as anything but a word
 * (spec 15.1): letters, digits, `_`, `+`, `=` and `-`, with single inner dots. Quotes,
 * backticks, `$`, `|`, `&`, braces, `/`, spaces and control characters are all refused.
 */
const LOCAL_PART = /^[a-z0-9_+=-]+(\.[a-z0-9_+=-]+)*$/
const DOMAIN = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z0-9-]{2,63}$/

export const isLocalPart = (text: string) => text.length <= 64 && LOCAL_PART.test(text)
export const isMailboxName = (text: string) =>
  text.length <= MAILBOX_NAME_MAX && MAILBOX_NAME.test(text)

/** `name@domain` with the same strict local part; the domain in its ASCII form. */
export function isStrictEmail(text: string): boolean {
  const at = text.lastIndexOf('@')
  if (at <= 0) return false
  return isLocalPart(text.slice(0, at)) && DOMAIN.test(text.slice(at + 1))
}

const issue = (ctx: z.RefinementCtx, rule: string, message: string, path: string[] = []) =>
  ctx.addIssue({ code: 'custom', path, message, params: { rule } })

export const mailboxNameSchema = z
  .string()
  .trim()
  .toLowerCase()
  .min(1)
  .max(MAILBOX_NAME_MAX)
  .superRefine((name, ctx) => {
    if (!MAILBOX_NAME.test(name)) {
      issue(ctx, 'mailbox_name', 'may hold a-z, 0-9, ".", "_" and "-", starting with a-z or 0-9')
    }
  })

/** Write-only: hashed in main and never sent back (a mailbox answers `hasPassword`). */
export const mailPasswordSchema = z.string().min(8).max(128)

const filteringFields = {
  filtering: z.enum(MAIL_FILTERINGS).optional(),
  customFiltering: multiLineText(20_000).default(''),
}

function checkCustom(
  input: { filtering?: MailFiltering; customFiltering?: string },
  ctx: z.RefinementCtx,
) {
  if (input.filtering === 'CUSTOM' && !input.customFiltering) {
    issue(ctx, 'required', 'is required when the filtering is CUSTOM', ['customFiltering'])
  }
}

export const mailboxCreateSchema = z
  .strictObject({
    accountId: idSchema,
    name: mailboxNameSchema,
    password: mailPasswordSchema,
    isActive: z.boolean().default(true),
    ...filteringFields,
  })
  .superRefine(checkCustom)
export type MailboxCreateInput = z.input<typeof mailboxCreateSchema>

/** The name is the login and cannot change (spec 0.1): rename is delete and create. */
export const mailboxUpdateSchema = z
  .strictObject({
    id: idSchema,
    version: versionSchema,
    password: mailPasswordSchema.optional(),
    isActive: z.boolean().optional(),
    filtering: z.enum(MAIL_FILTERINGS).optional(),
    customFiltering: multiLineText(20_000).optional(),
  })
  .superRefine(checkCustom)
export type MailboxUpdateInput = z.input<typeof mailboxUpdateSchema>

export const mailboxListSchema = z.strictObject({
  ...listQueryShape,
  accountId: idSchema.optional(),
  isActive: z.boolean().optional(),
})
export type MailboxListQuery = z.input<typeof mailboxListSchema>

export const bulkIdsSchema = z.strictObject({ ids: z.array(idSchema).min(1).max(500) })
/** As accounts and system users take it: `active` for the flag being set. */
export const bulkActiveSchema = z.strictObject({
  ids: z.array(idSchema).min(1).max(500),
  active: z.boolean(),
})

export interface Mailbox {
  id: number
  name: string
  accountId: number
  hasPassword: boolean
  filtering: MailFiltering
  customFiltering: string
  isActive: boolean
  version: number
  createdAt: string
  updatedAt: string
}

export interface MailboxRow extends Mailbox {
  accountUsername: string
  /** Own flag and the account's: what the servers apply. */
  effectiveActive: boolean
}

export interface MailboxDetail {
  mailbox: MailboxRow
  /** Addresses delivering to it, through the mailboxes list or a forward token (spec 2.2). */
  addresses: { id: number; email: string }[]
}

// --- Addresses ---------------------------------------------------------------------------------

/** Whitespace-separated tokens: external addresses, or names of existing mailboxes. */
export const forwardSchema = singleLineText(256).superRefine((text, ctx) => {
  const tokens = text.split(/\s+/).filter(Boolean)
  for (const token of tokens) {
    const valid = token.includes('@') ? isStrictEmail(token.toLowerCase()) : isMailboxName(token)
    if (!valid) issue(ctx, 'forward_token', `${token} is neither an address nor a mailbox name`)
  }
  const seen = new Set<string>()
  for (const token of tokens.map((t) => t.toLowerCase())) {
    if (seen.has(token)) issue(ctx, 'duplicate', `${token} is given twice`)
    seen.add(token)
  }
})

/** Blank is the domain's catch-all (`@domain`). */
export const localPartSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(64)
  .superRefine((name, ctx) => {
    if (name.includes('@')) issue(ctx, 'local_part', 'is the part before the @ only')
    else if (name && !LOCAL_PART.test(name)) {
      issue(ctx, 'local_part', 'may hold a-z, 0-9, "_", "+", "=", "-" and single inner dots')
    }
  })

const autoresponseFields = {
  autoresponseEnabled: z.boolean().default(false),
  autoresponseSubject: singleLineText(256).default(''),
  autoresponseMessage: multiLineText(4000).default(''),
}

function checkAutoresponse(
  input: { autoresponseEnabled?: boolean; autoresponseMessage?: string },
  ctx: z.RefinementCtx,
) {
  if (input.autoresponseEnabled && !input.autoresponseMessage) {
    issue(ctx, 'required', 'is required for an autoresponse', ['autoresponseMessage'])
  }
}

export const mailAddressCreateSchema = z
  .strictObject({
    name: localPartSchema,
    domainId: idSchema,
    mailboxIds: z.array(idSchema).max(100).default([]),
    forward: forwardSchema.default(''),
    ...autoresponseFields,
  })
  .superRefine(checkAutoresponse)
export type MailAddressCreateInput = z.input<typeof mailAddressCreateSchema>

/** Name and domain identify an address and cannot change. */
export const mailAddressUpdateSchema = z
  .strictObject({
    id: idSchema,
    version: versionSchema,
    mailboxIds: z.array(idSchema).max(100).optional(),
    forward: forwardSchema.optional(),
    autoresponseEnabled: z.boolean().optional(),
    autoresponseSubject: singleLineText(256).optional(),
    autoresponseMessage: multiLineText(4000).optional(),
  })
  .superRefine(checkAutoresponse)
export type MailAddressUpdateInput = z.input<typeof mailAddressUpdateSchema>

export const mailAddressListSchema = z.strictObject({
  ...listQueryShape,
  accountId: idSchema.optional(),
  domainId: idSchema.optional(),
  mailboxId: idSchema.optional(),
})
export type MailAddressListQuery = z.input<typeof mailAddressListSchema>

export interface MailAddress {
  id: number
  name: string
  domainId: number
  accountId: number
  forward: string
  autoresponseEnabled: boolean
  autoresponseSubject: string
  autoresponseMessage: string
  version: number
  createdAt: string
  updatedAt: string
}

export interface MailAddressRow extends MailAddress {
  /** `name@domain`, `@domain` for a catch-all; the domain in its ASCII form. */
  email: string
  domainName: string
  accountUsername: string
  mailboxes: { id: number; name: string }[]
}

/** `name@domain`, or `@domain` for the catch-all (spec 2.1). */
export const emailOf = (name: string, domain: string) => `${name}@${domain}`

/** Mailbox names first, then forward tokens, space separated (spec 2.1 `destination`). */
export function destinationOf(mailboxNames: readonly string[], forward: string): string {
  return [...mailboxNames, ...forward.split(/\s+/).filter(Boolean)].join(' ')
}
