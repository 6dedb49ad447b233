import type { ObjectType } from '../../src-shared/schemas/history'
import type { Tx } from '../db/store'
import type { Commands } from './script'

/** The CEL types a route expression may see of an object. */
export type MatchFieldType = 'string' | 'int' | 'bool'

/** What a backend knows of the server it writes for. */
export interface ServerContext {
  id: number
  name: string
  address: string
}

/**
 * A change of another model that concerns this backend's objects: a contact changes what an
 * account's file says, so saving the contact re-saves its account.
 */
export interface RelatedModel {
  model: ObjectType
  /** The ids of this backend's objects the related row belongs to. */
  owners(tx: Tx, objectId: number, snapshot: unknown): Promise<number[]>
}

/**
 * A backend turns objects of one model into shell commands for one kind of service. It is a
 * plain description plus pure functions: `load` reads an object, the action functions write
 * commands for it; nothing here touches a server.
 */
export interface Backend<T = unknown, S = undefined> {
  /** Stable id, stored in routes and logs; never rename it. */
  id: string
  label: string
  description: string
  model: ObjectType
  related?: readonly RelatedModel[]
  /** Declared actions; the ones in `actions` below are the implemented ones. */
  declaredActions: readonly string[]
  /** A save that changes only these fields does not concern the backend. */
  ignoreFields?: readonly string[]
  defaultRouteMatch: string
  /** Settings whose current values the route help shows. */
  docSettings?: readonly string[]
  /** The interpreter started on the server, fed the script on stdin. */
  executable: string
  /** How long one script may run before it is killed and marked TIMEOUT. */
  timeoutMs: number
  load(tx: Tx, id: number): Promise<T | undefined>
  /** How an object is named in logs: short, no secrets. */
  repr(object: T): string
  /** The fields a route expression can read, with their types. */
  matchFields: Readonly<Record<string, MatchFieldType>>
  matchValues(object: T): Record<string, string | number | boolean>
  /**
   * For a backend that writes whole files (a map of every address): what all operations of one
   * script share, read when the script is written, so that a delete sees the state after it.
   * `routed` tells whether an object goes to this script's server by the route's expression.
   */
  loadShared?(tx: Tx, routed: (object: T) => boolean): Promise<S>
  prepare?(out: Commands, server: ServerContext, shared?: S): void
  actions: Readonly<Record<string, (out: Commands, object: T, server: ServerContext) => void>>
  commit?(out: Commands, server: ServerContext, shared?: S): void
}

/** Registers a backend with its object type kept, and checks its declaration. */
export function defineBackend<T, S = undefined>(backend: Backend<T, S>): Backend<T, S> {
  for (const action of Object.keys(backend.actions)) {
    if (!backend.declaredActions.includes(action)) {
      throw new Error(`Backend ${backend.id} implements ${action} without declaring it`)
    }
  }
  return backend
}

/**
 * A backend of any object type, as the registry holds them. The engine only hands each backend
 * the objects its own `load` returned, so the type is safe by construction.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see above
export type AnyBackend = Backend<any, any>
