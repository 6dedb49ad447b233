import type { Channels } from '../../src-shared/contract/channels'
import * as writes from '../data/system-user-writes'
import * as users from '../data/system-users'
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
  'systemUsers:delete': async ({ ids }, scope) => ({
    deleted: await writes.deleteSystemUsers(scope, ids),
  }),
}
