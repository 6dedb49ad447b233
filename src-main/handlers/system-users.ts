import type { Channels } from '../../src-shared/contract/channels'
import type { HandlerTable } from './types'

type SystemUserChannels = Extract<keyof Channels, `systemUsers:${string}`>

export const systemUserHandlers: HandlerTable<SystemUserChannels> = {}
