import type { Page } from '../../schemas/common'
import {
  mailingListActiveSchema,
  mailingListCreateSchema,
  mailingListIdsSchema,
  mailingListListSchema,
  mailingListUpdateSchema,
  type MailingListRow,
} from '../../schemas/mailing-lists'
import { byId, read, write } from '../define'

/** Mailing lists (spec 7): channels `mailingLists:*`. */
export const mailingListChannels = {
  'mailingLists:list': read<Page<MailingListRow>>()(mailingListListSchema),
  'mailingLists:get': read<MailingListRow>()(byId),
  /** Mailman creates the list on its domain with the admin e-mail as owner. */
  'mailingLists:create': write<MailingListRow>()(mailingListCreateSchema),
  /** The name cannot change; the custom address, owner and active flag can. */
  'mailingLists:update': write<MailingListRow>()(mailingListUpdateSchema),
  'mailingLists:setActive': write<{ changed: number }>()(mailingListActiveSchema),
  'mailingLists:delete': write<{ deleted: number }>()(mailingListIdsSchema),
} as const
