import type { Channels } from '../../src-shared/contract/channels'
import * as reads from '../data/mailing-lists'
import * as writes from '../data/mailing-list-writes'
import type { HandlerTable } from './types'

type MailingListChannels = Extract<keyof Channels, `mailingLists:${string}`>

export const mailingListHandlers: HandlerTable<MailingListChannels> = {
  'mailingLists:list': (request, { tx }) => reads.listMailingLists(tx, request),
  'mailingLists:get': ({ id }, { tx }) => reads.getMailingListRow(tx, id),
  'mailingLists:create': (request, scope) => writes.createMailingList(scope, request),
  'mailingLists:update': (request, scope) => writes.updateMailingList(scope, request),
  'mailingLists:setActive': async ({ ids, active }, scope) => ({
    changed: await writes.setMailingListsActive(scope, ids, active),
  }),
  'mailingLists:delete': async ({ ids }, scope) => ({
    deleted: await writes.deleteMailingLists(scope, ids),
  }),
}
