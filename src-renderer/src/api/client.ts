import {
  CHANNEL_NAMES,
  type Api,
  type ChannelName,
  type EventName,
  type EventPayload,
} from '../../../src-shared/contract/channels'
import {
  BRIDGE_API_PREFIX,
  BRIDGE_EVENTS_PATH,
  type Envelope,
  type PreloadBridge,
} from '../../../src-shared/contract/transport'
import { AppError, isErrorBody } from '../../../src-shared/errors'

declare global {
  interface Window {
    orchestra?: PreloadBridge
  }
}

const TOKEN_KEY = 'orchestra.bridgeToken'

/**
 * The bridge prints `http://127.0.0.1:PORT/#token=…`. The fragment never reaches the server or
 * its logs; keep the token for this tab and take it out of the address bar.
 */
function bridgeToken(): string {
  const fromHash = new URLSearchParams(window.location.hash.slice(1)).get('token')
  if (fromHash) {
    sessionStorage.setItem(TOKEN_KEY, fromHash)
    history.replaceState(null, '', window.location.pathname + window.location.search)
    return fromHash
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? ''
}

function unwrap<T>(envelope: Envelope<T>): T {
  if (envelope.ok) return envelope.value
  throw new AppError(envelope.error)
}

function ipcCall(bridge: PreloadBridge, name: ChannelName, request: unknown) {
  return bridge.api[name](request).then(unwrap)
}

async function httpCall(token: string, name: ChannelName, request: unknown): Promise<unknown> {
  const response = await fetch(BRIDGE_API_PREFIX + name, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
    body: JSON.stringify(request ?? {}),
  })
  const body: unknown = await response.json().catch(() => null)
  if (response.ok) return body
  const error = (body as { error?: unknown } | null)?.error
  if (isErrorBody(error)) throw new AppError(error)
  throw new AppError({ code: 'INTERNAL', message: `The bridge answered ${response.status}` })
}

type Listener = (payload: unknown) => void

/** Pushed events over the bridge: a server-sent event stream read with fetch (for the header). */
function httpSubscribe(token: string, onEvent: (name: string, payload: unknown) => void) {
  const controller = new AbortController()
  const connect = async (): Promise<void> => {
    const response = await fetch(BRIDGE_EVENTS_PATH, {
      headers: { Authorization: `Bearer ${token}` },
      signal: controller.signal,
    })
    const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader()
    let buffer = ''
    for (;;) {
      const { value, done } = await reader.read()
      if (done) break
      buffer += value
      let end: number
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const frame = buffer.slice(0, end)
        buffer = buffer.slice(end + 2)
        const event = /^event: (.*)$/m.exec(frame)?.[1]
        const data = /^data: (.*)$/m.exec(frame)?.[1]
        if (event && data) onEvent(event, JSON.parse(data))
      }
    }
  }
  const loop = () => {
    if (controller.signal.aborted) return
    connect()
      .catch(() => undefined)
      .finally(() => setTimeout(loop, 2000))
  }
  loop()
  return () => controller.abort()
}

export interface Client {
  api: Api
  transport: 'ipc' | 'http'
  subscribe<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void
}

/** One client for both transports: Electron's preload when present, else the HTTP bridge. */
export function createClient(): Client {
  const bridge = window.orchestra
  const token = bridge ? '' : bridgeToken()
  const call = (name: ChannelName, request: unknown) =>
    bridge ? ipcCall(bridge, name, request) : httpCall(token, name, request)

  const api = Object.fromEntries(
    CHANNEL_NAMES.map((name) => [name, (request: unknown) => call(name, request)]),
  ) as unknown as Api

  const listeners = new Map<string, Set<Listener>>()
  let stopStream: (() => void) | undefined
  const dispatch = (name: string, payload: unknown) =>
    listeners.get(name)?.forEach((listener) => listener(payload))

  const subscribe: Client['subscribe'] = (event, listener) => {
    if (bridge) return bridge.subscribe(event, listener)
    stopStream ??= httpSubscribe(token, dispatch)
    const set = listeners.get(event) ?? new Set()
    set.add(listener as Listener)
    listeners.set(event, set)
    return () => set.delete(listener as Listener)
  }

  return { api, transport: bridge ? 'ipc' : 'http', subscribe }
}
