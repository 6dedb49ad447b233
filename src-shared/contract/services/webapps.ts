import { z } from 'zod'
import type { Page } from '../../schemas/common'
import { idSchema } from '../../schemas/common'
import {
  webappCreateSchema,
  webappListSchema,
  webappUpdateSchema,
  type WebappChoices,
  type WebappDetail,
  type WebappRow,
} from '../../schemas/webapps'
import { byId, nothing, read, write } from '../define'

const webappIdsSchema = z.strictObject({ ids: z.array(idSchema).min(1).max(500) })

/** Web apps (spec 5): channels `webapps:*`. */
export const webappChannels = {
  'webapps:list': read<Page<WebappRow>>()(webappListSchema),
  'webapps:get': read<WebappDetail>()(byId),
  /** The enabled types, versions and options a new app may have. */
  'webapps:choices': read<WebappChoices>()(nothing),
  /** A CMS app also gets its MySQL database and user. */
  'webapps:create': write<WebappDetail>()(webappCreateSchema),
  /** Version and options; name, type and link target are fixed. */
  'webapps:update': write<WebappDetail>()(webappUpdateSchema),
  /** With a CMS app's database and user; a mounted app is refused. */
  'webapps:delete': write<{ deleted: number }>()(webappIdsSchema),
} as const
