import type { Channels } from '../../src-shared/contract/channels'
import type { HandlerTable } from './types'

type MailingListChannels = Extract<keyof Channels, `mailingLists:${string}`>

export const mailingListHandlers: HandlerTable<MailingListChannels> = {}
