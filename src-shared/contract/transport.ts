import type { ErrorBody } from '../errors'
import type { ChannelName, EventName, EventPayload } from './channels'

/** What a call returns over IPC: errors travel as data, since IPC mangles thrown errors. */
export type Envelope<T> = { ok: true; value: T } | { ok: false; error: ErrorBody }

/** What the preload exposes on `window.orchestra`: one function per channel. */
export interface PreloadBridge {
  api: { [N in ChannelName]: (request: unknown) => Promise<Envelope<unknown>> }
  subscribe<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void
}

/** The IPC channel name that carries pushed events from main to the renderer. */
export const EVENT_IPC_CHANNEL = 'orchestra:event'

/** The synchronous IPC message with which the preload asks main for the channel names. */
export const CHANNEL_LIST_IPC = 'orchestra:channels'

/** HTTP bridge paths. Every request is `POST /api/<channel>` with a JSON body. */
export const BRIDGE_API_PREFIX = '/api/'
export const BRIDGE_EVENTS_PATH = '/api/events'
