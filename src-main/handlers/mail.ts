import type { Channels } from '../../src-shared/contract/channels'
import type { HandlerTable } from './types'

type MailChannels = Extract<keyof Channels, `mailboxes:${string}` | `mailAddresses:${string}`>

export const mailHandlers: HandlerTable<MailChannels> = {}
