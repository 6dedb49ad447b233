import type { Channels } from '../../src-shared/contract/channels'
import * as accounts from '../data/accounts'
import type { HandlerTable } from './types'

type AccountChannels = Extract<keyof Channels, `accounts:${string}`>

export const accountHandlers: HandlerTable<AccountChannels> = {
  'accounts:list': (request, { tx }) => accounts.listAccounts(tx, request),
  'accounts:get': ({ id }, { tx, core }) => accounts.getAccountDetail(tx, core.accountServices, id),
  'accounts:create': (request, scope) =>
    accounts.createAccount(scope, scope.core.accountServices, request),
  'accounts:update': (request, scope) =>
    accounts.updateAccount(scope, scope.core.accountServices, request),
  'accounts:setActive': async ({ ids, active }, scope) => ({
    changed: await accounts.setAccountsActive(scope, scope.core.accountServices, ids, active),
  }),
  'accounts:deletePreview': ({ id }, { tx, core }) =>
    accounts.previewAccountDeletion(tx, core.accountServices, id),
  'accounts:delete': async ({ id }, scope) => {
    await accounts.deleteAccount(scope, scope.core.accountServices, id)
    return { deleted: 1 }
  },
}
