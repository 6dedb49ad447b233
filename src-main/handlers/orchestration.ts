import type { Channels } from '../../src-shared/contract/channels'
import { AppError } from '../../src-shared/errors'
import { effectiveAddress } from '../../src-shared/schemas/orchestration'
import { listRoutes } from '../data/routes'
import { listServers } from '../data/servers'
import { findBackend } from '../orchestration/backends'
import { ChangeCollector } from '../orchestration/collector'
import { allIdsOf } from '../orchestration/models'
import { planRun, previewOperations } from '../orchestration/plan'
import type { HandlerTable } from './types'

type OrchestrationChannels = Extract<keyof Channels, `orchestration:${string}`>

export const orchestrationHandlers: HandlerTable<OrchestrationChannels> = {
  'orchestration:preview': ({ channel, request }, { core }) => core.preview(channel, request),

  /**
   * Sends every object of the routed backends again (spec 8.5, without its defects): the
   * backend and server filters apply, a dry run only prints, and nothing is asked.
   */
  'orchestration:orchestrate': async (request, { core }) => {
    if (request.action !== 'save') {
      throw AppError.validation([
        {
          field: 'action',
          rule: 'supported',
          message: 'only "save" can be sent again for every object',
        },
      ])
    }
    for (const id of request.backends) {
      if (!findBackend(id)) {
        throw AppError.validation([
          { field: 'backends', rule: 'installed', message: `no backend "${id}"` },
        ])
      }
    }
    const store = core.database.store
    const [allServers, allRoutes] = await store.read(
      async (tx) => [await listServers(tx), await listRoutes(tx)] as const,
    )
    const chosen = allServers.filter(
      (server) =>
        !request.servers.length ||
        request.servers.includes(server.name) ||
        request.servers.includes(effectiveAddress(server)),
    )
    const unknown = request.servers.filter(
      (name) => !chosen.some((s) => s.name === name || effectiveAddress(s) === name),
    )
    if (unknown.length) {
      throw AppError.validation([
        { field: 'servers', rule: 'exists', message: `no server named ${unknown.join(', ')}` },
      ])
    }
    const serverIds = new Set(chosen.map((server) => server.id))
    const backendIds = new Set(
      allRoutes
        .filter((route) => route.available && route.isActive && serverIds.has(route.serverId))
        .map((route) => route.backend)
        .filter((id) => !request.backends.length || request.backends.includes(id)),
    )
    const backends = [...backendIds].map((id) => findBackend(id)!)

    const collect = async (tx: Parameters<typeof allIdsOf>[0]) => {
      const collector = new ChangeCollector(tx, backends)
      for (const model of new Set(backends.map((backend) => backend.model))) {
        for (const id of await allIdsOf(tx, model)) {
          await collector.record({ objectType: model, objectId: id, action: 'changed', fields: [] })
        }
      }
      return collector.pending
    }

    const preview = await store.read(async (tx) =>
      previewOperations(tx, await collect(tx), { serverIds }),
    )
    if (request.dryRun) return { ...preview, summary: null }
    const now = new Date().toISOString()
    const plan = await store.write(async (tx) =>
      planRun(tx, await collect(tx), {
        actor: core.actor,
        now,
        serverIds,
        ...core.orchestrator.claim(),
      }),
    )
    return { ...preview, summary: await core.orchestrator.execute(plan) }
  },
}
