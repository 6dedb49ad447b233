import type {
  ChannelName,
  ChannelParsed,
  ChannelResponse,
  Channels,
} from '../../src-shared/contract/channels'
import type { AppInfo } from '../../src-shared/schemas/app'
import type { AccountServiceProvider } from '../data/account-services'
import type { WriteContext } from '../data/context'
import type { DatabaseControl } from '../core/database'
import type { EventHub } from '../core/events'
import type { Tx } from '../db/store'
import type { Keychain } from '../core/keychain'
import type { Orchestrator } from '../orchestration/orchestrator'
import type { PreviewScript, NotRouted } from '../../src-shared/schemas/orchestration'

/** What handlers may use of the running core. */
export interface CoreServices {
  info: AppInfo
  accountServices: readonly AccountServiceProvider[]
  database: DatabaseControl
  /** Pushes events (progress of a long action) to every window. */
  events: EventHub
  keychain: Keychain
  orchestrator: Orchestrator
  /** Who acts through this core, for the history and logs. */
  actor: string
  /** The core's clock as an ISO instant: what reads date "today" by (writes get `ctx.now`). */
  now(): string
  /** A writing unit of work for an action, exactly as a write channel gets it. */
  write<T>(work: (scope: WriteScope) => Promise<T>): Promise<T>
  /** The scripts a write channel would send, without making the change. */
  preview(
    channel: string,
    request: unknown,
  ): Promise<{ scripts: PreviewScript[]; notRouted: NotRouted[] }>
}

export interface ReadScope {
  tx: Tx
  core: CoreServices
}

export interface WriteScope extends WriteContext {
  core: CoreServices
}

/** An action runs outside any unit of work; it has the core and nothing open. */
export interface ActionScope {
  core: CoreServices
}

type ScopeOf<N extends ChannelName> = Channels[N]['kind'] extends 'write'
  ? WriteScope
  : Channels[N]['kind'] extends 'action'
    ? ActionScope
    : ReadScope

/** A channel's implementation: the parsed request in, the response out, inside one unit of work. */
export type Handler<N extends ChannelName> = (
  request: ChannelParsed<N>,
  scope: ScopeOf<N>,
) => Promise<ChannelResponse<N>>

export type HandlerTable<K extends ChannelName> = { [N in K]: Handler<N> }
