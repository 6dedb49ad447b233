import type { Page } from '../../schemas/common'
import {
  websiteCreateSchema,
  websiteIdsSchema,
  websiteListSchema,
  websiteSetActiveSchema,
  websiteUpdateSchema,
  type WebsiteDetail,
  type WebsiteRow,
} from '../../schemas/websites'
import { byId, read, write } from '../define'

/** Websites (spec 6): channels `websites:*`. */
export const websiteChannels = {
  'websites:list': read<Page<WebsiteRow>>()(websiteListSchema),
  'websites:get': read<WebsiteDetail>()(byId),
  /** Domains and web apps of the same account only; a domain is shared by protocol rules. */
  'websites:create': write<WebsiteDetail>()(websiteCreateSchema),
  /** Each of domains, contents and directives given replaces the stored list whole. */
  'websites:update': write<WebsiteDetail>()(websiteUpdateSchema),
  /** Enables or disables sites on their servers, keeping their files. */
  'websites:setActive': write<{ changed: number }>()(websiteSetActiveSchema),
  /** Removes the sites and their server configuration. */
  'websites:delete': write<{ deleted: number }>()(websiteIdsSchema),
} as const
