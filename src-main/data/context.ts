import type { Tx } from '../db/store'
import type { ObjectType } from '../../src-shared/schemas/history'

/** A change that main pushes to every window once the unit of work has committed. */
export interface ChangeEvent {
  objectType: ObjectType
  objectId: number
  action: string
}

/** What a write gets besides the transaction: who acts, the one "now", and what changed. */
export interface WriteContext {
  tx: Tx
  actor: string
  now: string
  changes: ChangeEvent[]
}
