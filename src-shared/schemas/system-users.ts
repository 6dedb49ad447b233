import { z } from 'zod'
import { RESERVED_USERNAMES } from './accounts'
import { idSchema, listQueryShape, singleLineText, versionSchema } from './common'
import { hasDotSegment, SERVER_PATH } from './system-user-settings'

export const SYSTEM_USER_ROLES = ['main', 'cgi', 'extra'] as const
export type SystemUserRole = (typeof SYSTEM_USER_ROLES)[number]

/**
 * A UNIX name as useradd, rm and every other tool take it safely (spec 15.1): lower-case
 * ASCII, a letter or `_` first (so never an option, never `.` or `..`), at most 32.
 */
export const SYSTEM_USERNAME = /^[a-z_][a-z0-9_-]{0,31}$/

/** The suffix of CGI users' names, kept for them so no extra user can take one. */
export const CGI_SUFFIX = '-cgi'

export const systemUsernameSchema = z
  .string()
  .trim()
  .min(1)
  .max(32)
  .regex(SYSTEM_USERNAME, {
    message: 'must start with a lower-case letter or _ and hold only a-z, 0-9, "_" or "-"',
  })
  .refine((name) => !RESERVED_USERNAMES.includes(name) && !name.startsWith('systemd-'), {
    message: 'is reserved for the system',
    params: { rule: 'reserved' },
  })
  .refine((name) => !name.endsWith(CGI_SUFFIX), {
    message: `may not end in ${CGI_SUFFIX}: those names belong to the accounts' CGI users`,
    params: { rule: 'reserved' },
  })

/** A home: empty (the user's own base home) or an absolute path without `.` or `..`. */
export const homeSchema = singleLineText(256)
  .refine((home) => home === '' || SERVER_PATH.test(home), {
    message: 'must be an absolute path of letters, digits and ._-~@%+=:,',
    params: { rule: 'path' },
  })
  .refine((home) => !hasDotSegment(home), {
    message: 'may not hold a . or .. segment',
    params: { rule: 'dot_segment' },
  })
  .transform((home) => (home === '' ? '' : home.replace(/\/{2,}/g, '/').replace(/(.)\/$/, '$1')))

/** A folder inside the home: a leading `/` is dropped (spec 3.1), `..` refused (spec 15.1). */
export const directorySchema = singleLineText(256)
  .transform((directory) => directory.replace(/\/{2,}/g, '/').replace(/^\/|\/$/g, ''))
  .refine((directory) => directory === '' || SERVER_PATH.test(`/${directory}`), {
    message: 'must be a relative path of letters, digits and ._-~@%+=:,',
    params: { rule: 'path' },
  })
  .refine((directory) => !hasDotSegment(directory), {
    message: 'may not hold a . or .. segment',
    params: { rule: 'dot_segment' },
  })

/** A password as typed: it is hashed in main and never stored or sent back. */
export const systemPasswordSchema = z
  .string()
  .min(1)
  .max(128)
  .refine((password) => !password.includes('\0'), {
    message: 'may not contain a NUL character',
    params: { rule: 'control_character' },
  })

const editable = {
  shell: singleLineText(64),
  home: homeSchema,
  directory: directorySchema,
  /** Users of the same account whose group this user joins (never itself). */
  groups: z.array(idSchema).max(100),
  isActive: z.boolean(),
}

/** An extra user of an account; the main and CGI users come with the account itself. */
export const systemUserCreateSchema = z.strictObject({
  accountId: idSchema,
  username: systemUsernameSchema,
  password: systemPasswordSchema.optional(),
  /** Empty or absent: SYSTEMUSERS_DEFAULT_SHELL. */
  shell: editable.shell.default(''),
  home: editable.home.default(''),
  directory: editable.directory.default(''),
  groups: editable.groups.default([]),
  isActive: editable.isActive.default(true),
})
export type SystemUserCreateInput = z.input<typeof systemUserCreateSchema>

/** An edit: only the fields sent change; the username cannot (spec 0.1). */
export const systemUserUpdateSchema = z.strictObject({
  id: idSchema,
  version: versionSchema,
  ...z.object(editable).partial().shape,
  /** A new password: its hash replaces the stored one. */
  password: systemPasswordSchema.optional(),
})
export type SystemUserUpdateInput = z.input<typeof systemUserUpdateSchema>

export const systemUserIdsSchema = z.strictObject({ ids: z.array(idSchema).min(1).max(1000) })

export const systemUserSetActiveSchema = z.strictObject({
  ids: z.array(idSchema).min(1).max(1000),
  active: z.boolean(),
})

export const systemUserListSchema = z.strictObject({
  ...listQueryShape,
  accountId: idSchema.optional(),
  role: z.enum(SYSTEM_USER_ROLES).optional(),
  shell: singleLineText(64).optional(),
  active: z.boolean().optional(),
})
export type SystemUserListQuery = z.input<typeof systemUserListSchema>

export interface SystemUser {
  id: number
  username: string
  accountId: number
  role: SystemUserRole
  /** Whether a password is set; the hash itself never leaves main. */
  hasPassword: boolean
  /** As stored: empty is the user's own base home. */
  home: string
  directory: string
  shell: string
  isActive: boolean
  groups: number[]
  version: number
  createdAt: string
  updatedAt: string
}

export interface SystemUserRow extends SystemUser {
  accountUsername: string
  accountIsActive: boolean
  /** Where the user lands: home and directory. */
  effectiveHome: string
}

export interface SystemUserDetail {
  user: SystemUser
  account: { id: number; username: string; isActive: boolean }
  /** The users whose group this one joins, as the server will see them. */
  groups: { id: number; username: string }[]
  baseHome: string
  /** The main user's home: the other home a user without a shell may choose. */
  mainHome: string
  effectiveHome: string
  /** Own flag and the account's: what the servers apply. */
  effectiveActive: boolean
  hasShell: boolean
}

/** The home and directory joined, as the server sees them. */
export function joinHome(home: string, directory: string): string {
  if (!directory) return home
  return `${home.replace(/\/$/, '')}/${directory}`
}
