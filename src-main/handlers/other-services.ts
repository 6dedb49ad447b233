import type { Channels } from '../../src-shared/contract/channels'
import type { HandlerTable } from './types'

type OtherServiceChannels = Extract<keyof Channels, `vps:${string}`>

export const otherServiceHandlers: HandlerTable<OtherServiceChannels> = {}
