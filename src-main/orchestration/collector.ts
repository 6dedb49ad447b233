import type { ObjectType } from '../../src-shared/schemas/history'
import type { ChangeSink, CollectedChange } from '../data/context'
import type { Tx } from '../db/store'
import type { AnyBackend } from './backend'
import { BACKENDS } from './backends'

/** One thing a backend must do to one object. */
export interface PendingOperation {
  backend: AnyBackend
  action: string
  objectType: ObjectType
  objectId: number
  /** For a delete, the backend's view of the object, read before it went. */
  snapshot?: unknown
}

const sameTarget = (a: PendingOperation, backend: AnyBackend, objectId: number) =>
  a.backend === backend && a.objectId === objectId

/**
 * Turns the changes of one unit of work into operations, with the original's merge rules
 * (spec 4.4): a delete cancels a pending save of the same object; a repeated save moves to
 * the end and keeps the latest state (objects are read when scripts are written, so the last
 * state is the one sent); a change of a related row re-saves the object it belongs to, unless
 * that object is being deleted.
 */
export class ChangeCollector implements ChangeSink {
  readonly pending: PendingOperation[] = []

  constructor(
    private readonly tx: Tx,
    private readonly backends: readonly AnyBackend[] = BACKENDS,
  ) {}

  async record(change: CollectedChange): Promise<void> {
    const action = change.action === 'deleted' ? 'delete' : 'save'
    for (const backend of this.backends) {
      if (backend.model === change.objectType) await this.main(backend, action, change)
      for (const related of backend.related ?? []) {
        if (related.model !== change.objectType) continue
        const owners = await related.owners(this.tx, change.objectId, change.snapshot)
        for (const owner of owners) this.relatedSave(backend, owner)
      }
    }
  }

  private async main(backend: AnyBackend, action: string, change: CollectedChange) {
    if (!backend.declaredActions.includes(action)) return
    const id = change.objectId
    if (action === 'delete') {
      this.remove((op) => sameTarget(op, backend, id) && op.action === 'save')
      if (this.pending.some((op) => sameTarget(op, backend, id) && op.action === 'delete')) return
      // Read now: after this unit of work the object and its relations are gone.
      const snapshot = await backend.load(this.tx, id)
      this.pending.push({ backend, action, objectType: backend.model, objectId: id, snapshot })
      return
    }
    const ignored = backend.ignoreFields ?? []
    if (change.fields.length && change.fields.every((field) => ignored.includes(field))) return
    this.moveSaveToEnd(backend, id)
  }

  private relatedSave(backend: AnyBackend, ownerId: number) {
    if (!backend.declaredActions.includes('save')) return
    const deleting = this.pending.some(
      (op) => sameTarget(op, backend, ownerId) && op.action === 'delete',
    )
    if (!deleting) this.moveSaveToEnd(backend, ownerId)
  }

  private moveSaveToEnd(backend: AnyBackend, objectId: number) {
    this.remove((op) => sameTarget(op, backend, objectId) && op.action === 'save')
    this.pending.push({ backend, action: 'save', objectType: backend.model, objectId })
  }

  private remove(predicate: (op: PendingOperation) => boolean) {
    const index = this.pending.findIndex(predicate)
    if (index >= 0) this.pending.splice(index, 1)
  }
}
