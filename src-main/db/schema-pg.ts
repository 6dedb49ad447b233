import { derivePgTables } from './pg-schema'
import * as sqlite from './schema'

// What drizzle-kit reads to write the PostgreSQL migrations (drizzle.pg.config.ts).
export const {
  accounts,
  contacts,
  historyEntries,
  settings,
  sshKeys,
  servers,
  routes,
  backendLogs,
  backendOperations,
  domains,
  domainRecords,
} = derivePgTables({
  accounts: sqlite.accounts,
  contacts: sqlite.contacts,
  historyEntries: sqlite.historyEntries,
  settings: sqlite.settings,
  sshKeys: sqlite.sshKeys,
  servers: sqlite.servers,
  routes: sqlite.routes,
  backendLogs: sqlite.backendLogs,
  backendOperations: sqlite.backendOperations,
  domains: sqlite.domains,
  domainRecords: sqlite.domainRecords,
})
