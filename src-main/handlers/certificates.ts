import type { Channels } from '../../src-shared/contract/channels'
import type { HandlerTable } from './types'

type CertificateChannels = Extract<keyof Channels, `certificates:${string}`>

export const certificateHandlers: HandlerTable<CertificateChannels> = {}
