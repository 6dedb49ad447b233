import { randomUUID } from 'node:crypto'
import type { PreviewScript, RunSummary } from '../../src-shared/schemas/orchestration'
import { effectiveAddress } from '../../src-shared/schemas/orchestration'
import { backendLogs, backendOperations } from '../db/schema'
import type { Tx } from '../db/store'
import { loadActiveRoutes, type ActiveRoute } from '../data/routes'
import type { AnyBackend, ServerContext } from './backend'
import type { PendingOperation } from './collector'
import { compileMatch, describeMatchError } from './expression'
import { Commands, composeScript, type ComposedScript } from './script'

/** The longest object name an operation keeps (spec 2.4). */
const MAX_REPR = 256

export interface PlannedLog {
  id: number
  serverId: number
  backend: string
  serverName: string
  isAsync: boolean
  state: 'RECEIVED' | 'NOTHING' | 'ERROR'
  /** `save ana`, … for the run's summary. */
  operations: string[]
}

export interface RunPlan {
  runId: string
  logs: PlannedLog[]
  notRouted: RunSummary['notRouted']
  /** Scripts whose stored text had secrets taken out: the text to send, kept in memory only. */
  secretScripts: Map<number, string>
}

interface Group {
  route: ActiveRoute
  backend: AnyBackend
  isAsync: boolean
  operations: { op: PendingOperation; object: unknown; repr: string }[]
  /** What the backend's `loadShared` read for this script, if it has one. */
  shared?: unknown
}

export interface PlanOptions {
  actor: string
  now: string
  /** Who claims the logs until they start: `host:pid:instance`. */
  claimedBy: string
  leaseUntil: string
  /** Only these servers (by id) and backends (by id), for `orchestrate` filters. */
  serverIds?: ReadonlySet<number>
}

const serverContext = ({ server }: ActiveRoute): ServerContext => ({
  id: server.id,
  name: server.name,
  address: effectiveAddress({ name: server.name, address: server.address ?? '' }),
})

/**
 * Resolves routes and writes the scripts (spec 5 and 6): one script per (server, backend,
 * async or not), all of whose operations share one prepare and one commit. Nothing runs here:
 * the result is what the caller stores before anything is sent.
 */
export /**
 * Whether an object is one a backend is for, by the backend's own default match: a MySQL
 * backend is not for a PostgreSQL database, so no route taking it is not worth a warning.
 */
function meantFor(backend: AnyBackend, object: unknown): boolean {
  try {
    return compileMatch(backend, backend.defaultRouteMatch)(backend.matchValues(object)) === true
  } catch {
    return true
  }
}

async function groupOperations(
  tx: Tx,
  pending: readonly PendingOperation[],
  options: Pick<PlanOptions, 'serverIds'> = {},
) {
  const routes = (await loadActiveRoutes(tx)).filter(
    (route) => !options.serverIds || options.serverIds.has(route.server.id),
  )
  const groups = new Map<string, Group>()
  const notRouted: RunSummary['notRouted'] = []
  const routeErrors: { route: ActiveRoute; backend: AnyBackend; message: string; repr: string }[] =
    []

  for (const op of pending) {
    const object = op.action === 'delete' ? op.snapshot : await op.backend.load(tx, op.objectId)
    // Saved and then removed some other way within the same change: nothing left to send.
    if (object === undefined) continue
    const repr = String(op.backend.repr(object)).slice(0, MAX_REPR)
    const implemented = op.action in op.backend.actions
    const candidates = implemented ? routes.filter((r) => r.route.backend === op.backend.id) : []

    let matched = 0
    for (const route of candidates) {
      try {
        if (!compileMatch(op.backend, route.route.match)(op.backend.matchValues(object))) continue
      } catch (error) {
        // A broken expression is the route's problem, shown on its own log; the save stands.
        routeErrors.push({ route, backend: op.backend, message: describeMatchError(error), repr })
        continue
      }
      matched++
      const asyncActions = route.route.asyncActions.split(',')
      const isAsync = route.route.isAsync || asyncActions.includes(op.action)
      const key = `${route.route.id}:${isAsync}`
      const group = groups.get(key) ?? { route, backend: op.backend, isAsync, operations: [] }
      group.operations.push({ op, object, repr })
      groups.set(key, group)
    }
    if (!matched && meantFor(op.backend, object)) {
      notRouted.push({
        backend: op.backend.id,
        action: op.action,
        objectType: op.objectType,
        objectId: op.objectId,
        objectRepr: repr,
      })
    }
  }
  for (const group of groups.values()) {
    if (!group.backend.loadShared) continue
    group.shared = await group.backend.loadShared(tx, routedBy(group.backend, group.route))
  }
  return { groups: [...groups.values()], notRouted, routeErrors }
}

/** Whether an object goes to a route's server; an expression that fails says no. */
function routedBy(backend: AnyBackend, route: ActiveRoute) {
  let match: ReturnType<typeof compileMatch>
  try {
    match = compileMatch(backend, route.route.match)
  } catch {
    return () => false
  }
  return (object: unknown) => {
    try {
      return match(backend.matchValues(object))
    } catch {
      return false
    }
  }
}

export function composeGroup(group: Group): ComposedScript {
  const server = serverContext(group.route)
  const head = new Commands()
  group.backend.prepare?.(head, server, group.shared)
  const blocks = group.operations.map(({ op, object }) => {
    const commands = new Commands()
    group.backend.actions[op.action]!(commands, object, server)
    return { label: `${op.action} ${op.objectType} #${op.objectId}`, commands }
  })
  const tail = new Commands()
  group.backend.commit?.(tail, server, group.shared)
  const title =
    `Orchestra Desktop: ${group.backend.id} on server #${server.id}, ` +
    `${blocks.length} operation(s)`
  return composeScript({ title, head, blocks, tail })
}

/** The scripts a set of operations would run, per server, changing nothing. */
export async function previewOperations(
  tx: Tx,
  pending: readonly PendingOperation[],
  options: Pick<PlanOptions, 'serverIds'> = {},
): Promise<{ scripts: PreviewScript[]; notRouted: RunSummary['notRouted'] }> {
  const { groups, notRouted } = await groupOperations(tx, pending, options)
  const scripts = groups.map((group) => ({
    backend: group.backend.id,
    serverName: group.route.server.name,
    serverAddress: serverContext(group.route).address,
    action: group.operations.map(({ op, repr }) => `${op.action} ${repr}`),
    script: composeGroup(group).redacted,
  }))
  return { scripts, notRouted }
}

/**
 * Writes the logs and operations of a change, in the change's own transaction: if the app
 * dies before or while they run, the record is there. Logs start RECEIVED (NOTHING when the
 * backend had nothing to say), claimed by this process until it starts them.
 */
export async function planRun(
  tx: Tx,
  pending: readonly PendingOperation[],
  options: PlanOptions,
): Promise<RunPlan> {
  const runId = randomUUID()
  const plan: RunPlan = { runId, logs: [], notRouted: [], secretScripts: new Map() }
  if (!pending.length) return plan
  const { groups, notRouted, routeErrors } = await groupOperations(tx, pending, options)
  plan.notRouted = notRouted

  const common = { runId, actor: options.actor, createdAt: options.now, updatedAt: options.now }
  for (const group of groups) {
    const script = composeGroup(group)
    const state = script.empty ? 'NOTHING' : 'RECEIVED'
    const [log] = await tx
      .insert(backendLogs)
      .values({
        ...common,
        backend: group.backend.id,
        serverId: group.route.server.id,
        serverName: group.route.server.name,
        serverAddress: serverContext(group.route).address,
        state,
        isAsync: group.isAsync,
        script: script.redacted,
        retryable: script.redacted === script.text,
        ...(state === 'RECEIVED'
          ? { claimedBy: options.claimedBy, leaseUntil: options.leaseUntil }
          : { finishedAt: options.now }),
      })
      .returning({ id: backendLogs.id })
    await tx.insert(backendOperations).values(
      group.operations.map(({ op, object, repr }) => ({
        logId: log!.id,
        backend: group.backend.id,
        action: op.action,
        objectType: op.objectType,
        objectId: op.objectId,
        objectRepr: repr,
        state: state === 'NOTHING' ? 'SUCCESS' : 'PENDING',
        snapshot: op.action === 'delete' ? JSON.stringify(object) : '{}',
        runId,
        createdAt: options.now,
      })),
    )
    if (script.text !== script.redacted) plan.secretScripts.set(log!.id, script.text)
    plan.logs.push({
      id: log!.id,
      serverId: group.route.server.id,
      backend: group.backend.id,
      serverName: group.route.server.name,
      isAsync: group.isAsync,
      state,
      operations: group.operations.map(({ op, repr }) => `${op.action} ${repr}`),
    })
  }

  for (const failed of routeErrors) {
    const [log] = await tx
      .insert(backendLogs)
      .values({
        ...common,
        backend: failed.backend.id,
        serverId: failed.route.server.id,
        serverName: failed.route.server.name,
        serverAddress: serverContext(failed.route).address,
        state: 'ERROR',
        script: '',
        retryable: false,
        error:
          `Route ${failed.backend.id}@${failed.route.server.name} could not be matched ` +
          `against ${failed.repr}: ${failed.message}`,
        finishedAt: options.now,
      })
      .returning({ id: backendLogs.id })
    plan.logs.push({
      id: log!.id,
      serverId: failed.route.server.id,
      backend: failed.backend.id,
      serverName: failed.route.server.name,
      isAsync: false,
      state: 'ERROR',
      operations: [`match ${failed.repr}`],
    })
  }

  for (const item of notRouted) {
    await tx
      .insert(backendOperations)
      .values({ ...item, state: 'NOT_ROUTED', runId, createdAt: options.now })
  }
  return plan
}
