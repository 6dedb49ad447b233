import { z } from 'zod'
import {
  emailSchema,
  idSchema,
  listQueryShape,
  multiLineText,
  nameText,
  requiredText,
  versionSchema,
} from './common'
import { contactInputSchema, type Contact } from './contacts'

export const ACCOUNT_TYPES = [
  'INDIVIDUAL',
  'ASSOCIATION',
  'CUSTOMER',
  'COMPANY',
  'PUBLICBODY',
  'STAFF',
  'FRIEND',
] as const
export type AccountType = (typeof ACCOUNT_TYPES)[number]

export const LANGUAGES = ['EN', 'ES', 'CA'] as const
export type Language = (typeof LANGUAGES)[number]

/**
 * The username becomes the main system user's UNIX name on the servers, so it follows UNIX
 * rules rather than the original's `\w`: ASCII lower case, a letter or `_` first, no dot-only
 * names and nothing that a shell tool could read as an option.
 */
export const USERNAME_PATTERN = /^[a-z_][a-z0-9._-]*$/

/** Names taken by the system or by mail conventions on a hosting server. */
// prettier-ignore
export const RESERVED_USERNAMES: readonly string[] = [
  'abuse', 'adm', 'admin', 'administrator', 'apache', 'backup', 'bin', 'daemon', 'dovecot',
  'dovenull', 'ftp', 'games', 'gnats', 'hostmaster', 'info', 'irc', 'list', 'lp', 'mail',
  'mailer-daemon', 'man', 'messagebus', 'mysql', 'news', 'nginx', 'nobody', 'noc', 'nogroup',
  'operator', 'postfix', 'postgres', 'postmaster', 'proxy', 'root', 'security', 'shutdown',
  'sshd', 'staff', 'support', 'sync', 'sys', 'systemd-network', 'systemd-resolve',
  'systemd-timesync', 'uucp', 'webmaster', 'www', 'www-data',
]

export const usernameSchema = z
  .string()
  .trim()
  .min(1)
  .max(32)
  .regex(USERNAME_PATTERN, {
    message: 'must start with a lower-case letter or _ and hold only a-z, 0-9, ".", "_" or "-"',
  })
  .refine((name) => !RESERVED_USERNAMES.includes(name) && !name.startsWith('systemd-'), {
    message: 'is reserved for the system',
    params: { rule: 'reserved' },
  })

/** Each editable field once, without defaults: a create fills them in, an update omits them. */
const accountFields = {
  shortName: nameText(64),
  fullName: requiredText(256),
  email: emailSchema,
  type: z.enum(ACCOUNT_TYPES),
  language: z.enum(LANGUAGES),
  comments: multiLineText(256),
  isSuperuser: z.boolean(),
}

/**
 * A new account. Without a type or language it gets the operator's ACCOUNTS_DEFAULT_TYPE and
 * ACCOUNTS_DEFAULT_LANGUAGE settings, which main applies.
 */
export const accountCreateSchema = z.strictObject({
  username: usernameSchema,
  ...accountFields,
  shortName: accountFields.shortName.default(''),
  type: accountFields.type.optional(),
  language: accountFields.language.optional(),
  comments: accountFields.comments.default(''),
  isSuperuser: accountFields.isSuperuser.default(false),
  /** Whether the main system user starts active (it is always created). */
  enableSystemUser: z.boolean().default(true),
  contacts: z.array(contactInputSchema).min(1).max(20),
})
export type AccountCreateInput = z.input<typeof accountCreateSchema>

/**
 * A partial update: only the fields sent change. The username is absent on purpose: it cannot
 * change after creation.
 */
export const accountUpdateSchema = z.strictObject({
  id: idSchema,
  version: versionSchema,
  ...z.object(accountFields).partial().shape,
})
export type AccountUpdateInput = z.input<typeof accountUpdateSchema>

export const ACCOUNT_SORTS = ['username', 'fullName', 'type', 'isActive', 'dateJoined'] as const

export const accountListSchema = z.strictObject({
  ...listQueryShape,
  type: z.enum(ACCOUNT_TYPES).optional(),
  active: z.boolean().optional(),
  sort: z.enum(ACCOUNT_SORTS).default('username'),
})
export type AccountListQuery = z.input<typeof accountListSchema>

export const accountSetActiveSchema = z.strictObject({
  ids: z.array(idSchema).min(1).max(1000),
  active: z.boolean(),
})

export interface Account {
  id: number
  username: string
  shortName: string
  fullName: string
  email: string
  type: AccountType
  language: Language
  comments: string
  isSuperuser: boolean
  isActive: boolean
  dateJoined: string
  lastLogin: string | null
  version: number
  createdAt: string
  updatedAt: string
}

export interface AccountRow extends Account {
  contactCount: number
}

/**
 * Something an account owns that the service catalogue provides (system users, mailboxes...).
 * Empty until those areas exist; the account page and delete preview already show them.
 */
export interface OwnedService {
  kind: string
  id: number
  name: string
  isActive: boolean
}

/**
 * How a service of an account stands: `failing` when its latest run of some backend on some
 * server ended badly, else `active` when it and its account are, else `disabled`.
 */
export const SERVICE_STATES = ['active', 'disabled', 'failing'] as const
export type ServiceState = (typeof SERVICE_STATES)[number]

/** One backend's latest run for an object that did not succeed on its server. */
export interface ServiceFailure {
  logId: number
  backend: string
  serverName: string
  state: string
}

/** The state of one of `AccountDetail.services`, found by its kind and id. */
export interface ServiceStatus {
  kind: string
  id: number
  state: ServiceState
  failures: ServiceFailure[]
}

export interface AccountDetail {
  account: Account
  contacts: Contact[]
  services: OwnedService[]
  /** One per service, in the same order: the account's services overview. */
  serviceStates: ServiceStatus[]
}

export interface AccountDeletePreview {
  account: Account
  contacts: Contact[]
  services: OwnedService[]
  /** Reasons the account cannot be deleted; empty when it can. */
  blockers: string[]
}

/** Full name, else short name, else username (spec: panel 2.1). */
export function accountFullName(account: Pick<Account, 'fullName' | 'shortName' | 'username'>) {
  return account.fullName || account.shortName || account.username
}
