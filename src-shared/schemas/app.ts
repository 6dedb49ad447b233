import type { HistoryEntry } from './history'

export type DatabaseKind = 'sqlite' | 'postgres'

export interface AppInfo {
  name: string
  version: string
  operator: string
  /** Which database is open; `readOnly` when opened for audit (every change refused). */
  database: { kind: DatabaseKind; location: string; readOnly?: boolean }
  dataDir: string
  logFile: string
}

export interface DashboardSummary {
  accounts: { total: number; active: number }
  contacts: number
  /** How many of each service there are, across all accounts. */
  services: { domains: number; mailboxes: number; databases: number; systemUsers: number }
  recent: HistoryEntry[]
}
