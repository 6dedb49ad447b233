import type { Page } from '../../schemas/common'
import {
  idsSchema,
  miscellaneousCreateSchema,
  miscellaneousListSchema,
  miscellaneousUpdateSchema,
  miscServiceCreateSchema,
  miscServiceListSchema,
  miscServiceUpdateSchema,
  setActiveSchema,
  vpsCreateSchema,
  vpsListSchema,
  vpsUpdateSchema,
  type MiscellaneousDetail,
  type MiscellaneousRow,
  type MiscService,
  type MiscServiceRow,
  type VpsDetail,
  type VpsOptions,
  type VpsRow,
} from '../../schemas/other-services'
import { byId, nothing, read, write } from '../define'

/**
 * VPS and miscellaneous services (spec 9 and 10): channels `vps:*`, `miscServices:*` (the
 * kinds of manual service) and `miscellaneous:*` (an account's instances of them).
 */
export const otherServiceChannels = {
  'vps:list': read<Page<VpsRow>>()(vpsListSchema),
  'vps:get': read<VpsDetail>()(byId),
  /** The types and templates a new VPS may have, from the settings. */
  'vps:options': read<VpsOptions>()(nothing),
  /** Records an existing container; a `password` is kept only as its crypt hash. */
  'vps:create': write<VpsDetail>()(vpsCreateSchema),
  /** Its flag, or a new root password (hashed, then set in the container). */
  'vps:update': write<VpsDetail>()(vpsUpdateSchema),
  'vps:setActive': write<{ changed: number }>()(setActiveSchema),
  /** Forgets VPS in the panel; the containers themselves are left as they are (spec 9). */
  'vps:delete': write<{ deleted: number }>()(idsSchema),

  'miscServices:list': read<Page<MiscServiceRow>>()(miscServiceListSchema),
  'miscServices:get': read<MiscService>()(byId),
  'miscServices:create': write<MiscService>()(miscServiceCreateSchema),
  /** Its identifier and amount flags change only while it has no instances. */
  'miscServices:update': write<MiscService>()(miscServiceUpdateSchema),
  /** Refused, naming them, while any has instances. */
  'miscServices:delete': write<{ deleted: number }>()(idsSchema),

  'miscellaneous:list': read<Page<MiscellaneousRow>>()(miscellaneousListSchema),
  'miscellaneous:get': read<MiscellaneousDetail>()(byId),
  /** The identifier is trimmed, lower-cased, checked by the service's validator, and unique. */
  'miscellaneous:create': write<MiscellaneousDetail>()(miscellaneousCreateSchema),
  'miscellaneous:update': write<MiscellaneousDetail>()(miscellaneousUpdateSchema),
  'miscellaneous:setActive': write<{ changed: number }>()(setActiveSchema),
  'miscellaneous:delete': write<{ deleted: number }>()(idsSchema),
} as const
