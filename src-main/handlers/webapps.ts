import type { Channels } from '../../src-shared/contract/channels'
import type { HandlerTable } from './types'

type WebappChannels = Extract<keyof Channels, `webapps:${string}`>

export const webappHandlers: HandlerTable<WebappChannels> = {}
