import { byId, read, write } from '../define'
import type { Page } from '../../schemas/common'
import {
  bulkActiveSchema,
  bulkIdsSchema,
  mailAddressCreateSchema,
  mailAddressListSchema,
  mailAddressUpdateSchema,
  mailboxCreateSchema,
  mailboxListSchema,
  mailboxUpdateSchema,
  type MailAddressRow,
  type MailboxDetail,
  type MailboxRow,
} from '../../schemas/mail'

/** Mail (spec 2): channels `mailboxes:*` and `mailAddresses:*`. */
export const mailChannels = {
  'mailboxes:list': read<Page<MailboxRow>>()(mailboxListSchema),
  'mailboxes:get': read<MailboxDetail>()(byId),
  /** Creates the mailbox and, on the local domain, its address (spec 2.2). */
  'mailboxes:create': write<MailboxDetail>()(mailboxCreateSchema),
  /** A password given is hashed; none keeps the current one. */
  'mailboxes:update': write<MailboxDetail>()(mailboxUpdateSchema),
  'mailboxes:setActive': write<{ changed: number }>()(bulkActiveSchema),
  /** Each mailbox leaves the addresses naming it; addresses left empty go too. */
  'mailboxes:delete': write<{ deleted: number }>()(bulkIdsSchema),
  'mailAddresses:list': read<Page<MailAddressRow>>()(mailAddressListSchema),
  'mailAddresses:get': read<MailAddressRow>()(byId),
  'mailAddresses:create': write<MailAddressRow>()(mailAddressCreateSchema),
  'mailAddresses:update': write<MailAddressRow>()(mailAddressUpdateSchema),
  'mailAddresses:delete': write<{ deleted: number }>()(bulkIdsSchema),
} as const
