import { z } from 'zod'
import { idSchema, listQueryShape, multiLineText, singleLineText, versionSchema } from './common'
import { isHostname } from './misc-identifiers'
import { TEMPLATE_NAME, VPS_KINDS, type VpsKind } from './other-service-settings'

// --- VPS (spec 9) ------------------------------------------------------------------------------

/** Spec 0.3's hostname rule, stored lower case without its trailing dot. */
export const vpsHostnameSchema = singleLineText(255)
  .toLowerCase()
  .transform((name) => name.replace(/\.$/, ''))
  .refine((name) => name !== '', { message: 'is required', params: { rule: 'required' } })
  .refine(isHostname, {
    message: 'must be labels of a-z, 0-9 and inner "-", 1 to 63 each, dot-separated',
    params: { rule: 'hostname' },
  })

/** The container root's password as typed: only its crypt hash is stored and sent. */
export const vpsPasswordSchema = z
  .string()
  .min(8, { message: 'must have at least 8 characters' })
  .max(128)
  .refine((password) => !/[\0\n\r]/.test(password), {
    message: 'may not contain a NUL or a line break',
    params: { rule: 'control_character' },
  })

/** Type and template: empty takes the setting's default. */
export const vpsCreateSchema = z.strictObject({
  accountId: idSchema,
  hostname: vpsHostnameSchema,
  type: z.union([z.enum(VPS_KINDS), z.literal('')]).default(''),
  template: z
    .string()
    .trim()
    .regex(new RegExp(`(?:${TEMPLATE_NAME.source})|^$`), { message: 'is not a template name' })
    .default(''),
  password: vpsPasswordSchema.optional(),
  isActive: z.boolean().default(true),
})
export type VpsCreateInput = z.input<typeof vpsCreateSchema>

/** Hostname, type, template and account are fixed once created (spec 0.1). */
export const vpsUpdateSchema = z.strictObject({
  id: idSchema,
  version: versionSchema,
  isActive: z.boolean().optional(),
  password: vpsPasswordSchema.optional(),
})
export type VpsUpdateInput = z.input<typeof vpsUpdateSchema>

export const idsSchema = z.strictObject({ ids: z.array(idSchema).min(1).max(1000) })
export const setActiveSchema = z.strictObject({
  ids: z.array(idSchema).min(1).max(1000),
  active: z.boolean(),
})

export const vpsListSchema = z.strictObject({
  ...listQueryShape,
  accountId: idSchema.optional(),
  type: z.enum(VPS_KINDS).optional(),
  active: z.boolean().optional(),
})
export type VpsListQuery = z.input<typeof vpsListSchema>

export interface Vps {
  id: number
  hostname: string
  type: VpsKind
  template: string
  accountId: number
  /** Whether a root password was set; its hash never leaves main. */
  hasPassword: boolean
  isActive: boolean
  version: number
  createdAt: string
  updatedAt: string
}

export interface VpsRow extends Vps {
  accountUsername: string
  /** Own flag and the account's. */
  effectiveActive: boolean
}

export interface VpsDetail {
  vps: Vps
  account: { id: number; username: string; isActive: boolean }
  effectiveActive: boolean
}

/** What the create form offers, from the settings. */
export interface VpsOptions {
  types: VpsKind[]
  defaultType: VpsKind
  templates: string[]
  defaultTemplate: string
}

// --- Miscellaneous services (spec 10) ----------------------------------------------------------

/**
 * Spec 10's "name" rule tightened (spec 15.1): a letter or digit first, so never `.`, `..` or
 * an option, then lower-case letters, digits and `._-`, at most 32.
 */
export const miscServiceNameSchema = z
  .string()
  .trim()
  .min(1, { message: 'is required' })
  .max(32)
  .regex(/^[a-z0-9][a-z0-9._-]*$/, {
    message: 'must start with a-z or 0-9 and hold only a-z, 0-9, ".", "_" or "-"',
  })

const miscServiceEditable = {
  verboseName: singleLineText(256),
  description: multiLineText(2000),
  hasIdentifier: z.boolean(),
  hasAmount: z.boolean(),
  isActive: z.boolean(),
}

export const miscServiceCreateSchema = z.strictObject({
  name: miscServiceNameSchema,
  verboseName: miscServiceEditable.verboseName.default(''),
  description: miscServiceEditable.description.default(''),
  hasIdentifier: miscServiceEditable.hasIdentifier.default(true),
  hasAmount: miscServiceEditable.hasAmount.default(false),
  isActive: miscServiceEditable.isActive.default(true),
})
export type MiscServiceCreateInput = z.input<typeof miscServiceCreateSchema>

/** The name is fixed once created (spec 10). */
export const miscServiceUpdateSchema = z.strictObject({
  id: idSchema,
  version: versionSchema,
  ...z.object(miscServiceEditable).partial().shape,
})
export type MiscServiceUpdateInput = z.input<typeof miscServiceUpdateSchema>

export const miscServiceListSchema = z.strictObject({
  ...listQueryShape,
  active: z.boolean().optional(),
})

export interface MiscService {
  id: number
  name: string
  verboseName: string
  description: string
  hasIdentifier: boolean
  hasAmount: boolean
  isActive: boolean
  version: number
  createdAt: string
  updatedAt: string
}

export interface MiscServiceRow extends MiscService {
  /** How many accounts' instances it has. */
  instances: number
}

/** An instance's identifier: trimmed and lower case; the service decides if it needs one. */
export const miscIdentifierSchema = singleLineText(256).toLowerCase()

export const miscellaneousCreateSchema = z.strictObject({
  serviceId: idSchema,
  accountId: idSchema,
  identifier: miscIdentifierSchema.default(''),
  description: multiLineText(2000).default(''),
  amount: z.number().int().min(1, { message: 'must be a positive whole number' }).default(1),
  isActive: z.boolean().default(true),
})
export type MiscellaneousCreateInput = z.input<typeof miscellaneousCreateSchema>

/** Service, account and identifier are fixed once created (spec 0.1). */
export const miscellaneousUpdateSchema = z.strictObject({
  id: idSchema,
  version: versionSchema,
  description: multiLineText(2000).optional(),
  amount: z.number().int().min(1, { message: 'must be a positive whole number' }).optional(),
  isActive: z.boolean().optional(),
})
export type MiscellaneousUpdateInput = z.input<typeof miscellaneousUpdateSchema>

export const miscellaneousListSchema = z.strictObject({
  ...listQueryShape,
  accountId: idSchema.optional(),
  serviceId: idSchema.optional(),
  active: z.boolean().optional(),
})
export type MiscellaneousListQuery = z.input<typeof miscellaneousListSchema>

export interface Miscellaneous {
  id: number
  serviceId: number
  accountId: number
  /** Empty when the service has no identifiers. */
  identifier: string
  description: string
  amount: number
  isActive: boolean
  version: number
  createdAt: string
  updatedAt: string
}

export interface MiscellaneousRow extends Miscellaneous {
  serviceName: string
  serviceVerboseName: string
  accountUsername: string
  /** Own flag, the service's and the account's (spec 10). */
  effectiveActive: boolean
}

export interface MiscellaneousDetail {
  item: Miscellaneous
  service: MiscService
  account: { id: number; username: string; isActive: boolean }
  effectiveActive: boolean
}

/** How an instance is named in lists and logs: its identifier, or its service and id. */
export function miscellaneousName(
  item: Pick<Miscellaneous, 'id' | 'identifier'>,
  serviceName: string,
): string {
  return item.identifier || `${serviceName} #${item.id}`
}
