import type { HistoryEntry } from './history'

export type DatabaseKind = 'sqlite' | 'postgres'

export interface AppInfo {
  name: string
  version: string
  operator: string
  database: { kind: DatabaseKind; location: string }
  dataDir: string
  logFile: string
}

export interface DashboardSummary {
  accounts: { total: number; active: number }
  contacts: number
  recent: HistoryEntry[]
}
