import type { Channels } from '../../src-shared/contract/channels'
import * as contacts from '../data/contacts'
import type { HandlerTable } from './types'

type ContactChannels = Extract<keyof Channels, `contacts:${string}`>

export const contactHandlers: HandlerTable<ContactChannels> = {
  'contacts:list': (request, { tx }) => contacts.listContacts(tx, request),
  'contacts:get': ({ id }, { tx }) => contacts.getContact(tx, id),
  'contacts:create': ({ accountId, ...values }, scope) =>
    contacts.createContact(scope, accountId, values),
  'contacts:update': (request, scope) => contacts.updateContact(scope, request),
  'contacts:delete': async ({ id }, scope) => {
    await contacts.deleteContact(scope, id)
    return { deleted: 1 }
  },
}
