import type { Channels } from '../../src-shared/contract/channels'
import * as writes from '../data/system-user-writes'
import * as users from '../data/system-users'
import { findMissingPaths, routedServers } from '../orchestration/backends/unix-user-paths'
import type { HandlerTable } from './types'

type SystemUserChannels = Extract<keyof Channels, `systemUsers:${string}`>

export const systemUserHandlers: HandlerTable<SystemUserChannels> = {
  'systemUsers:list': (request, { tx }) => users.listSystemUsers(tx, request),
  'systemUsers:get': ({ id }, { tx }) => users.getSystemUserDetail(tx, id),
  'systemUsers:create': (request, scope) => writes.createSystemUser(scope, request),
  'systemUsers:update': (request, scope) => writes.updateSystemUser(scope, request),
  'systemUsers:setActive': async ({ ids, active }, scope) => ({
    changed: await writes.setSystemUsersActive(scope, ids, active),
  }),
  'systemUsers:checkPaths': async ({ paths }, { core }) => {
    // The routes are read first: no unit of work stays open while servers answer.
    const servers = await core.database.store.read((tx) => routedServers(tx))
    return { missing: await findMissingPaths(core.orchestrator, servers, paths) }
  },
  'systemUsers:delete': async ({ ids }, scope) => ({
    deleted: await writes.deleteSystemUsers(scope, ids),
  }),
}
