import type { Client } from '../../../api/client'

export interface LiveOutput {
  stdout: string
  stderr: string
}

export const NO_OUTPUT: LiveOutput = { stdout: '', stderr: '' }

/** Logs whose output is kept, the latest first; a log page opened later reads it from here. */
const KEPT_LOGS = 50
/** Past this a log's live output stops growing; the stored output has it all once it ends. */
const MAX_CHARS = 1_000_000

/**
 * The output chunks main pushes, per log, from the moment the app starts listening. A log page
 * opened while its script runs then shows the output from its first line, not only what came
 * after the page opened (the stored output lags by seconds while a script runs).
 */
class LiveOutputStore {
  private readonly outputs = new Map<number, LiveOutput>()
  private readonly listeners = new Set<() => void>()

  constructor(client: Client) {
    client.subscribe('orchestration:output', ({ logId, stream, text }) => {
      const previous = this.outputs.get(logId) ?? NO_OUTPUT
      if (previous[stream].length >= MAX_CHARS) return
      this.outputs.delete(logId)
      this.outputs.set(logId, { ...previous, [stream]: previous[stream] + text })
      if (this.outputs.size > KEPT_LOGS) this.outputs.delete(this.outputs.keys().next().value!)
      this.listeners.forEach((listener) => listener())
    })
  }

  get(logId: number): LiveOutput {
    return this.outputs.get(logId) ?? NO_OUTPUT
  }

  subscribe = (listener: () => void) => {
    this.listeners.add(listener)
    return () => {
      this.listeners.delete(listener)
    }
  }
}

const stores = new WeakMap<Client, LiveOutputStore>()

/** The one store of a client; created (and listening) on first call, for the app's life. */
export function liveOutputStore(client: Client): LiveOutputStore {
  let store = stores.get(client)
  if (!store) stores.set(client, (store = new LiveOutputStore(client)))
  return store
}
