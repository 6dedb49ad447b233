import type { Channels } from '../../src-shared/contract/channels'
import * as mail from '../data/mail'
import * as addresses from '../data/mail-address-writes'
import * as mailboxes from '../data/mail-writes'
import type { HandlerTable } from './types'

type MailChannels = Extract<keyof Channels, `mailboxes:${string}` | `mailAddresses:${string}`>

export const mailHandlers: HandlerTable<MailChannels> = {
  'mailboxes:list': (request, { tx }) => mail.listMailboxes(tx, request),
  'mailboxes:get': ({ id }, { tx }) => mail.getMailboxDetail(tx, id),
  'mailboxes:create': (request, scope) => mailboxes.createMailbox(scope, request),
  'mailboxes:update': (request, scope) => mailboxes.updateMailbox(scope, request),
  'mailboxes:setActive': ({ ids, active }, scope) =>
    mailboxes.setMailboxesActive(scope, ids, active),
  'mailboxes:delete': ({ ids }, scope) => mailboxes.deleteMailboxes(scope, ids),
  'mailAddresses:list': (request, { tx }) => mail.listAddresses(tx, request),
  'mailAddresses:get': ({ id }, { tx }) => mail.getAddressRow(tx, id),
  'mailAddresses:create': (request, scope) => addresses.createAddress(scope, request),
  'mailAddresses:update': (request, scope) => addresses.updateAddress(scope, request),
  'mailAddresses:delete': ({ ids }, scope) => addresses.deleteAddresses(scope, ids),
}
