import type { Channels } from '../../src-shared/contract/channels'
import { readOnlyRefusal, ReadOnlyStore } from '../db/read-only-store'
import type { CoreServices, HandlerTable } from './types'

type DatabaseChannels = Extract<keyof Channels, `database:${string}`>

/** An audit session stays on the database it opened: no switching, no copying into another. */
function assertWritable(core: CoreServices) {
  if (core.database.store instanceof ReadOnlyStore) throw readOnlyRefusal()
}

export const databaseHandlers: HandlerTable<DatabaseChannels> = {
  'database:status': (_request, { core }) => core.database.status(),
  'database:check': (connection, { core }) => core.database.check(connection),
  'database:connect': (connection, { core }) => {
    assertWritable(core)
    return core.database.connect(connection)
  },
  'database:copy': ({ to }, { core }) => {
    assertWritable(core)
    return core.database.copy(to, (progress) => core.events.emit('database:copyProgress', progress))
  },
}
