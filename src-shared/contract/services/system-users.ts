import { z } from 'zod'
import type { Page } from '../../schemas/common'
import {
  homeSchema,
  systemUserCreateSchema,
  systemUserIdsSchema,
  systemUserListSchema,
  systemUserSetActiveSchema,
  systemUserUpdateSchema,
  type SystemUserDetail,
  type SystemUserRow,
} from '../../schemas/system-users'
import { action, byId, read, write } from '../define'

/** System users (spec 3): channels `systemUsers:*`. */
export const systemUserChannels = {
  'systemUsers:list': read<Page<SystemUserRow>>()(systemUserListSchema),
  'systemUsers:get': read<SystemUserDetail>()(byId),
  /** An extra user; the main and CGI users are created with their account. */
  'systemUsers:create': write<SystemUserDetail>()(systemUserCreateSchema),
  /** A `password` is stored as its crypt hash; the password itself is kept nowhere. */
  'systemUsers:update': write<SystemUserDetail>()(systemUserUpdateSchema),
  'systemUsers:setActive': write<{ changed: number }>()(systemUserSetActiveSchema),
  /** One user or many; refuses, naming them, when any is an account's main or CGI user. */
  'systemUsers:delete': write<{ deleted: number }>()(systemUserIdsSchema),
  /**
   * Asks the servers the users are routed to, right away, which of these folders they lack
   * (`validate_paths_exist`), so a form can refuse a missing directory before saving.
   */
  'systemUsers:checkPaths': action<{ missing: { server: string; path: string }[] }>()(
    z.strictObject({
      paths: z
        .array(homeSchema.pipe(z.string().min(1)))
        .min(1)
        .max(20),
    }),
  ),
} as const
