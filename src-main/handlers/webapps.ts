import type { Channels } from '../../src-shared/contract/channels'
import * as reads from '../data/webapps'
import * as writes from '../data/webapp-writes'
import type { HandlerTable } from './types'

type WebappChannels = Extract<keyof Channels, `webapps:${string}`>

export const webappHandlers: HandlerTable<WebappChannels> = {
  'webapps:list': (request, { tx }) => reads.listWebapps(tx, request),
  'webapps:get': ({ id }, { tx }) => reads.getWebappDetail(tx, id),
  'webapps:choices': (_request, { tx }) => reads.webappChoices(tx),
  'webapps:create': (request, scope) => writes.createWebapp(scope, request),
  'webapps:update': (request, scope) => writes.updateWebapp(scope, request),
  'webapps:delete': async ({ ids }, scope) => ({
    deleted: await writes.deleteWebapps(scope, ids),
  }),
}
