import type { Channels } from '../../src-shared/contract/channels'
import * as misc from '../data/misc'
import * as miscWrites from '../data/misc-writes'
import * as vps from '../data/vps'
import * as vpsWrites from '../data/vps-writes'
import type { HandlerTable } from './types'

type OtherServiceChannels = Extract<
  keyof Channels,
  `vps:${string}` | `miscServices:${string}` | `miscellaneous:${string}`
>

export const otherServiceHandlers: HandlerTable<OtherServiceChannels> = {
  'vps:list': (request, { tx }) => vps.listVps(tx, request),
  'vps:get': ({ id }, { tx }) => vps.getVpsDetail(tx, id),
  'vps:options': (_request, { tx }) => vps.vpsOptions(tx),
  'vps:create': (request, scope) => vpsWrites.createVps(scope, request),
  'vps:update': (request, scope) => vpsWrites.updateVps(scope, request),
  'vps:setActive': async ({ ids, active }, scope) => ({
    changed: await vpsWrites.setVpsActive(scope, ids, active),
  }),
  'vps:delete': async ({ ids }, scope) => ({ deleted: await vpsWrites.deleteVps(scope, ids) }),

  'miscServices:list': (request, { tx }) => misc.listMiscServices(tx, request),
  'miscServices:get': ({ id }, { tx }) => misc.getMiscService(tx, id),
  'miscServices:create': (request, scope) => miscWrites.createMiscService(scope, request),
  'miscServices:update': (request, scope) => miscWrites.updateMiscService(scope, request),
  'miscServices:delete': async ({ ids }, scope) => ({
    deleted: await miscWrites.deleteMiscServices(scope, ids),
  }),

  'miscellaneous:list': (request, { tx }) => misc.listMiscellaneous(tx, request),
  'miscellaneous:get': ({ id }, { tx }) => misc.getMiscellaneousDetail(tx, id),
  'miscellaneous:create': (request, scope) => miscWrites.createMiscellaneous(scope, request),
  'miscellaneous:update': (request, scope) => miscWrites.updateMiscellaneous(scope, request),
  'miscellaneous:setActive': async ({ ids, active }, scope) => ({
    changed: await miscWrites.setMiscellaneousActive(scope, ids, active),
  }),
  'miscellaneous:delete': async ({ ids }, scope) => ({
    deleted: await miscWrites.deleteMiscellaneous(scope, ids),
  }),
}
