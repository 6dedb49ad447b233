import { z } from 'zod'
import { emailSchema, idSchema, listQueryShape, versionSchema } from './common'
import { isStrictEmail } from './mail'

/**
 * Mailing lists (spec 7), kept by Mailman 3 on the list server. Mailman 3 lists have no
 * password: the admin e-mail is the list's owner, who manages it from Mailman's web pages.
 */

export const LIST_NAME_MAX = 64

/**
 * A list name or a custom local part: the spec's "name" rule (a-z, 0-9, `.`, `_`, `-`) tightened
 * as spec 15.1 asks, so that it starts with a letter or digit (never `.`, `..` or an option such
 * as `-rf`) and holds no two dots in a row. Mailman 3 accepts the same characters.
 */
const LIST_NAME = /^[a-z0-9][a-z0-9_-]*(\.[a-z0-9_-]+)*$/

/**
 * Mailman 3 answers at `<name>` and each `<name>-<suffix>`: a list named like another's
 * suffixed address (`news-request` beside `news`) would shadow it.
 */
export const MAILMAN_SUFFIXES = [
  '',
  '-bounces',
  '-confirm',
  '-join',
  '-leave',
  '-owner',
  '-request',
  '-subscribe',
  '-unsubscribe',
] as const

export const isListName = (text: string) => text.length <= LIST_NAME_MAX && LIST_NAME.test(text)

const issue = (ctx: z.RefinementCtx, rule: string, message: string, path: string[] = []) =>
  ctx.addIssue({ code: 'custom', path, message, params: { rule } })

const NAME_MESSAGE = 'may hold a-z, 0-9, "_", "-" and single inner dots, starting with a-z or 0-9'

function nameRule(name: string, ctx: z.RefinementCtx) {
  if (name && !LIST_NAME.test(name)) issue(ctx, 'list_name', NAME_MESSAGE)
  const suffix = MAILMAN_SUFFIXES.find((s) => s && name.endsWith(s))
  if (suffix) issue(ctx, 'mailman_suffix', `may not end in ${suffix}: Mailman answers there`)
}

// Not lower-cased silently: `News` is refused, as the server would store a different name.
export const listNameSchema = z.string().trim().min(1).max(LIST_NAME_MAX).superRefine(nameRule)
/** Blank: the list answers on the custom domain under its own name. */
export const addressNameSchema = z.string().trim().max(LIST_NAME_MAX).superRefine(nameRule)

/** The owner's address reaches a command line and a map: the strict form of spec 15.1. */
export const adminEmailSchema = emailSchema.superRefine((email, ctx) => {
  if (!isStrictEmail(email)) {
    issue(ctx, 'strict_email', 'may hold a-z, 0-9, "_", "+", "-" and single dots before the @')
  }
})

function checkAddress(
  input: { addressName?: string; addressDomainId?: number | null },
  ctx: z.RefinementCtx,
) {
  // Spec 7.1: a name needs its domain; a domain alone is accepted.
  if (input.addressName && input.addressDomainId == null) {
    issue(ctx, 'required', 'is required with a custom address name', ['addressDomainId'])
  }
}

export const mailingListCreateSchema = z
  .strictObject({
    accountId: idSchema,
    name: listNameSchema,
    addressName: addressNameSchema.default(''),
    addressDomainId: idSchema.nullable().default(null),
    adminEmail: adminEmailSchema,
    isActive: z.boolean().default(true),
  })
  .superRefine(checkAddress)
export type MailingListCreateInput = z.input<typeof mailingListCreateSchema>

/** The name is the list on the server and cannot change (spec 0.1). */
export const mailingListUpdateSchema = z
  .strictObject({
    id: idSchema,
    version: versionSchema,
    addressName: addressNameSchema.optional(),
    addressDomainId: idSchema.nullable().optional(),
    adminEmail: adminEmailSchema.optional(),
    isActive: z.boolean().optional(),
  })
  .superRefine(checkAddress)
export type MailingListUpdateInput = z.input<typeof mailingListUpdateSchema>

export const mailingListListSchema = z.strictObject({
  ...listQueryShape,
  accountId: idSchema.optional(),
  isActive: z.boolean().optional(),
})
export type MailingListListQuery = z.input<typeof mailingListListSchema>

export const mailingListIdsSchema = z.strictObject({ ids: z.array(idSchema).min(1).max(500) })
export const mailingListActiveSchema = z.strictObject({
  ids: z.array(idSchema).min(1).max(500),
  active: z.boolean(),
})

export interface MailingList {
  id: number
  name: string
  addressName: string
  addressDomainId: number | null
  adminEmail: string
  accountId: number
  isActive: boolean
  version: number
  createdAt: string
  updatedAt: string
}

export interface MailingListRow extends MailingList {
  accountUsername: string
  /** The custom domain's name, when one is set. */
  addressDomainName: string | null
  /** `<name>@<LISTS_DEFAULT_DOMAIN>`: where Mailman keeps the list. */
  address: string
  /** `<address name or name>@<domain>`, or null without a custom domain. */
  customAddress: string | null
  /** Own flag and the account's: what the server applies. */
  effectiveActive: boolean
  /** LISTS_LIST_URL with the list's name. */
  url: string
}

/**
 * The custom address of spec 7.1. With a domain but no address name the list answers there
 * under its own name, which Mailman 3 cannot do by itself as the list lives on the lists domain.
 */
export function customAddressOf(
  list: { name: string; addressName: string },
  domainName: string | null,
): string | null {
  return domainName ? `${list.addressName || list.name}@${domainName}` : null
}
