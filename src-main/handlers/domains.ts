import type { Channels } from '../../src-shared/contract/channels'
import * as bulk from '../data/domain-bulk'
import * as writes from '../data/domain-writes'
import * as domains from '../data/domains'
import type { HandlerTable } from './types'

type DomainChannels = Extract<keyof Channels, `domains:${string}`>

export const domainHandlers: HandlerTable<DomainChannels> = {
  'domains:list': (request, { tx }) => domains.listDomains(tx, request),
  'domains:get': ({ id }, { tx }) => domains.getDomainDetail(tx, id),
  'domains:create': (request, scope) => writes.createDomains(scope, request),
  'domains:update': (request, scope) => writes.updateDomain(scope, request),
  'domains:delete': async ({ id }, scope) => ({ deleted: await writes.deleteDomain(scope, id) }),
  'domains:setSoa': (request, scope) => bulk.setSoa(scope, request),
  'domains:deletePreview': ({ ids }, { tx }) => bulk.deletePreview(tx, ids),
  'domains:deleteMany': ({ ids }, scope) => bulk.deleteDomains(scope, ids),
  'domains:updateRecords': (request, scope) => bulk.updateRecords(scope, request),
}
