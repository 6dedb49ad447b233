import type { Channels } from '../../src-shared/contract/channels'
import * as reads from '../data/saas'
import * as writes from '../data/saas-writes'
import type { HandlerTable } from './types'

type SaasChannels = Extract<keyof Channels, `saas:${string}`>

export const saasHandlers: HandlerTable<SaasChannels> = {
  'saas:list': (request, { tx }) => reads.listSaasTenants(tx, request),
  'saas:get': ({ id }, { tx }) => reads.getSaasDetail(tx, id),
  'saas:create': (request, scope) => writes.createSaasTenant(scope, request),
  'saas:update': (request, scope) => writes.updateSaasTenant(scope, request),
  'saas:delete': async ({ ids }, scope) => ({
    deleted: await writes.deleteSaasTenants(scope, ids),
  }),
}
