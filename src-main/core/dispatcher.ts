import { ZodError } from 'zod'
import {
  channels,
  isChannelName,
  type ChannelName,
  type ChannelResponse,
} from '../../src-shared/contract/channels'
import type { Envelope } from '../../src-shared/contract/transport'
import { AppError } from '../../src-shared/errors'
import { toFieldIssues } from '../../src-shared/validation'
import type { WriteContext } from '../data/context'
import { driverError } from '../db/errors'
import type { Store } from '../db/store'
import { handlers } from '../handlers'
import type { CoreServices, Handler } from '../handlers/types'
import type { EventHub } from './events'
import { scopedLogger } from './logger'

const log = scopedLogger('dispatch')

export interface DispatcherOptions {
  /** The open database, read at each call: the interface may switch it. */
  store: () => Store
  events: EventHub
  services: CoreServices
  actor: string
  clock?: () => Date
}

/**
 * Runs one channel call: validates the request with the channel's schema before any work, runs
 * the handler in one unit of work (one transaction), then pushes the change events.
 * Both transports call this; neither has its own rules.
 */
export class Dispatcher {
  constructor(private readonly options: DispatcherOptions) {}

  async dispatch<N extends ChannelName>(name: N, raw: unknown): Promise<ChannelResponse<N>>
  async dispatch(name: string, raw: unknown): Promise<unknown>
  async dispatch(name: string, raw: unknown): Promise<unknown> {
    if (!isChannelName(name)) {
      throw new AppError({ code: 'UNKNOWN_CHANNEL', message: `No channel named "${name}"` })
    }
    const spec = channels[name]
    const parsed = spec.request.safeParse(raw ?? {})
    if (!parsed.success) throw AppError.validation(toFieldIssues(parsed.error))

    try {
      return await this.run(name, parsed.data)
    } catch (error) {
      throw this.normalise(name, error)
    }
  }

  /** The same call, with failures as data: what IPC carries. */
  async dispatchEnvelope(name: string, raw: unknown): Promise<Envelope<unknown>> {
    try {
      return { ok: true, value: await this.dispatch(name, raw) }
    } catch (error) {
      return { ok: false, error: (error as AppError).toBody() }
    }
  }

  private async run(name: ChannelName, request: unknown): Promise<unknown> {
    const { services, events, actor } = this.options
    const store = this.options.store()
    const handler = handlers[name] as Handler<ChannelName>
    if (channels[name].kind === 'action') {
      return handler(request as never, { core: services } as never)
    }
    if (channels[name].kind === 'read') {
      return store.read((tx) => handler(request as never, { tx, core: services } as never))
    }

    const now = (this.options.clock?.() ?? new Date()).toISOString()
    let context: WriteContext | undefined
    // A unit of work may run more than once (PostgreSQL retries a write it could not
    // serialise), so its context is made afresh inside it.
    const result = await store.write(
      (tx) => {
        context = { tx, actor, now, changes: [] }
        return handler(request as never, { ...context, core: services } as never)
      },
      () => context?.changes ?? [],
    )
    for (const change of context?.changes ?? []) events.emit('data:changed', change)
    return result
  }

  private normalise(name: string, error: unknown): AppError {
    if (error instanceof AppError) return error
    if (error instanceof ZodError) return AppError.validation(toFieldIssues(error))

    // A bug: keep its name and message so the report is useful, and log it with the channel.
    const cause = driverError(error)
    const err = cause instanceof Error ? cause : new Error(String(cause))
    log.error(`Channel ${name} failed: ${err.name}: ${err.message}`)
    const code = (err as { code?: unknown }).code
    return new AppError(
      {
        code: 'INTERNAL',
        message: `${err.name}: ${err.message}`,
        details: { name: err.name, ...(typeof code === 'string' && { code }) },
      },
      { cause: err },
    )
  }
}
