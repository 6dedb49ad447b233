import type { Page } from '../../schemas/common'
import {
  saasCreateSchema,
  saasDeleteSchema,
  saasListSchema,
  saasUpdateSchema,
  type SaasTenantDetail,
  type SaasTenantRow,
} from '../../schemas/saas'
import { byId, read, write } from '../define'

/** SaaS tenants (spec 8): channels `saas:*`. A password sent is applied once, never kept. */
export const saasChannels = {
  'saas:list': read<Page<SaasTenantRow>>()(saasListSchema),
  'saas:get': read<SaasTenantDetail>()(byId),
  'saas:create': write<SaasTenantDetail>()(saasCreateSchema),
  /** Active flag, the service's fields, the custom URL, or a new password to apply. */
  'saas:update': write<SaasTenantDetail>()(saasUpdateSchema),
  'saas:delete': write<{ deleted: number }>()(saasDeleteSchema),
} as const
