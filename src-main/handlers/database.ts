import type { Channels } from '../../src-shared/contract/channels'
import type { HandlerTable } from './types'

type DatabaseChannels = Extract<keyof Channels, `database:${string}`>

export const databaseHandlers: HandlerTable<DatabaseChannels> = {
  'database:status': (_request, { core }) => core.database.status(),
  'database:check': (connection, { core }) => core.database.check(connection),
  'database:connect': (connection, { core }) => core.database.connect(connection),
  'database:copy': ({ to }, { core }) =>
    core.database.copy(to, (progress) => core.events.emit('database:copyProgress', progress)),
}
