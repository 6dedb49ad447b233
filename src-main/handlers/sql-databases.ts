import type { Channels } from '../../src-shared/contract/channels'
import type { HandlerTable } from './types'

type SqlChannels = Extract<keyof Channels, `sqlDatabases:${string}` | `sqlUsers:${string}`>

export const sqlDatabaseHandlers: HandlerTable<SqlChannels> = {}
