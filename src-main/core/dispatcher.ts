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
import { syncChangedObjects } from '../data/order-sync'
import { driverError } from '../db/errors'
import type { Store } from '../db/store'
import { handlers } from '../handlers'
import type { CoreServices, Handler, WriteScope } from '../handlers/types'
import { ChangeCollector } from '../orchestration/collector'
import type { Orchestrator } from '../orchestration/orchestrator'
import { planRun, previewOperations } from '../orchestration/plan'
import type { EventHub } from './events'
import { scopedLogger } from './logger'

const log = scopedLogger('dispatch')

type PreviewResult = Awaited<ReturnType<typeof previewOperations>>

/** Thrown out of a preview's unit of work so that it rolls back, carrying the scripts. */
class PreviewRollback extends Error {
  constructor(readonly result: PreviewResult) {
    super('Preview: rolled back')
  }
}

export interface DispatcherOptions {
  /** The open database, read at each call: the interface may switch it. */
  store: () => Store
  events: EventHub
  services: CoreServices
  orchestrator: Orchestrator
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
    const { services } = this.options
    const store = this.options.store()
    const handler = handlers[name] as Handler<ChannelName>
    if (channels[name].kind === 'action') {
      return handler(request as never, { core: services } as never)
    }
    if (channels[name].kind === 'read') {
      return store.read((tx) => handler(request as never, { tx, core: services } as never))
    }
    return this.write((scope) => handler(request as never, scope as never))
  }

  /**
   * One writing unit of work: the work, the operations its changes cause (written as logs in
   * the same transaction, before anything runs), the commit, the change events, and then the
   * scripts: synchronous ones before this returns, asynchronous ones in the background.
   */
  async write<T>(work: (scope: WriteScope) => Promise<T>): Promise<T> {
    const { result, plan } = await this.unitOfWork(work, false)
    if (plan.logs.length || plan.notRouted.length) {
      // The change is saved; how its scripts went is in their logs, never an error here.
      await this.options.orchestrator
        .execute(plan)
        .catch((error: unknown) => log.error(`Run ${plan.runId} failed: ${String(error)}`))
    }
    return result
  }

  /** Runs a write channel and answers with the scripts it would send, keeping nothing. */
  async preview(name: string, raw: unknown): Promise<PreviewResult> {
    if (!isChannelName(name) || channels[name].kind !== 'write') {
      throw AppError.validation([
        {
          field: 'channel',
          rule: 'write_channel',
          message: `"${name}" is not a call that changes data`,
        },
      ])
    }
    const parsed = channels[name].request.safeParse(raw ?? {})
    if (!parsed.success) throw AppError.validation(toFieldIssues(parsed.error))
    const handler = handlers[name] as Handler<ChannelName>
    try {
      await this.unitOfWork((scope) => handler(parsed.data as never, scope as never), true)
    } catch (error) {
      if (error instanceof PreviewRollback) return error.result
      throw this.normalise(name, error)
    }
    throw new Error('A preview must roll back')
  }

  private async unitOfWork<T>(work: (scope: WriteScope) => Promise<T>, dryRun: boolean) {
    const { services, events, actor, orchestrator } = this.options
    const now = (this.options.clock?.() ?? new Date()).toISOString()
    let context: WriteContext | undefined
    // A unit of work may run more than once (PostgreSQL retries a write it could not
    // serialise), so its context is made afresh inside it.
    const outcome = await this.options.store().write(
      async (tx) => {
        const collector = new ChangeCollector(tx)
        context = { tx, actor, now, changes: [], collector }
        const result = await work({ ...context, core: services })
        // Orders follow the billable objects the work changed, in the same transaction.
        await syncChangedObjects(tx, context.changes, now)
        if (dryRun) throw new PreviewRollback(await previewOperations(tx, collector.pending))
        const plan = await planRun(tx, collector.pending, { actor, now, ...orchestrator.claim() })
        return { result, plan }
      },
      () => context?.changes ?? [],
    )
    for (const change of context?.changes ?? []) events.emit('data:changed', change)
    return outcome
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
