import type { Channels } from '../../src-shared/contract/channels'
import type { HandlerTable } from './types'

type WebsiteChannels = Extract<keyof Channels, `websites:${string}`>

export const websiteHandlers: HandlerTable<WebsiteChannels> = {}
