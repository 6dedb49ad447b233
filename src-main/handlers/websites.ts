import type { Channels } from '../../src-shared/contract/channels'
import * as reads from '../data/websites'
import * as writes from '../data/website-writes'
import type { HandlerTable } from './types'

type WebsiteChannels = Extract<keyof Channels, `websites:${string}`>

export const websiteHandlers: HandlerTable<WebsiteChannels> = {
  'websites:list': (request, { tx }) => reads.listWebsites(tx, request),
  'websites:get': ({ id }, { tx }) => reads.getWebsiteDetail(tx, id),
  'websites:create': (request, scope) => writes.createWebsite(scope, request),
  'websites:update': (request, scope) => writes.updateWebsite(scope, request),
  'websites:setActive': async ({ ids, active }, scope) => ({
    changed: await writes.setWebsitesActive(scope, ids, active),
  }),
  'websites:delete': async ({ ids }, scope) => ({
    deleted: await writes.deleteWebsites(scope, ids),
  }),
}
