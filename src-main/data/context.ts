import type { Tx } from '../db/store'
import type { HistoryAction, ObjectType } from '../../src-shared/schemas/history'

/** A change that main pushes to every window once the unit of work has committed. */
export interface ChangeEvent {
  objectType: ObjectType
  objectId: number
  action: string
}

/** What orchestration hears of each change, while the object (and its relations) still exist. */
export interface CollectedChange {
  objectType: ObjectType
  objectId: number
  action: HistoryAction
  /** The fields that changed; empty when not known (a creation). */
  fields: string[]
  /** The object as it was, for a deletion. */
  snapshot?: unknown
}

/** Where the changes of a unit of work go to become operations on servers. */
export interface ChangeSink {
  record(change: CollectedChange): Promise<void>
}

/** What a write gets besides the transaction: who acts, the one "now", and what changed. */
export interface WriteContext {
  tx: Tx
  actor: string
  now: string
  changes: ChangeEvent[]
  /** Absent outside the contract (tools, tests of a data module alone). */
  collector?: ChangeSink
}
