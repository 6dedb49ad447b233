import { contextBridge, ipcRenderer } from 'electron'
import type { EventName } from '../../src-shared/contract/channels'
import {
  CHANNEL_LIST_IPC,
  EVENT_IPC_CHANNEL,
  type PreloadBridge,
} from '../../src-shared/contract/transport'

// One function per channel of the contract, whose names main hands over once at start-up (so
// the preload stays small and carries no schemas): the page cannot name any other channel.
const names = ipcRenderer.sendSync(CHANNEL_LIST_IPC) as string[]
const api = Object.fromEntries(
  names.map((name) => [name, (request: unknown) => ipcRenderer.invoke(name, request)]),
) as PreloadBridge['api']

const bridge: PreloadBridge = {
  api,
  subscribe(event, listener) {
    const handle = (_: unknown, name: EventName, payload: unknown) => {
      if (name === event) listener(payload as never)
    }
    ipcRenderer.on(EVENT_IPC_CHANNEL, handle)
    return () => ipcRenderer.removeListener(EVENT_IPC_CHANNEL, handle)
  },
}

contextBridge.exposeInMainWorld('orchestra', bridge)
