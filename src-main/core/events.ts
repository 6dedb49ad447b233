import type { EventName, EventPayload } from '../../src-shared/contract/channels'

type Listener = <E extends EventName>(event: E, payload: EventPayload<E>) => void

/** Fans pushed events out to every transport (IPC windows, bridge streams). */
export class EventHub {
  private readonly listeners = new Set<Listener>()

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  emit<E extends EventName>(event: E, payload: EventPayload<E>): void {
    for (const listener of this.listeners) listener(event, payload)
  }
}
