import { and, asc, eq } from 'drizzle-orm'
import type { z } from 'zod'
import { AppError, type FieldIssue } from '../../src-shared/errors'
import type {
  BackendInfo,
  Route,
  routeCreateSchema,
  routeUpdateSchema,
} from '../../src-shared/schemas/orchestration'
import { uniqueViolation } from '../db/errors'
import { routes, servers } from '../db/schema'
import type { Tx } from '../db/store'
import type { AnyBackend } from '../orchestration/backend'
import { BACKENDS, findBackend } from '../orchestration/backends'
import { checkMatch, normaliseMatch } from '../orchestration/expression'
import type { WriteContext } from './context'
import { diffFields, recordHistory } from './history'
import { assertVersion } from './locking'

type RouteCreate = z.output<typeof routeCreateSchema>
type RouteUpdate = z.output<typeof routeUpdateSchema>
type RouteRecord = typeof routes.$inferSelect

const TRACKED_FIELDS = ['serverId', 'match', 'isAsync', 'asyncActions', 'isActive'] as const

export function describeBackend(backend: AnyBackend): BackendInfo {
  return {
    id: backend.id,
    label: backend.label,
    description: backend.description,
    model: backend.model,
    relatedModels: (backend.related ?? []).map((related) => related.model),
    actions: Object.keys(backend.actions),
    declaredActions: [...backend.declaredActions],
    ignoreFields: [...(backend.ignoreFields ?? [])],
    defaultRouteMatch: backend.defaultRouteMatch,
    executable: backend.executable,
    timeoutMs: backend.timeoutMs,
    matchFields: { ...backend.matchFields },
  }
}

export function listBackends(): BackendInfo[] {
  return BACKENDS.map(describeBackend)
}

function toRoute(row: RouteRecord, serverName: string): Route {
  const backend = findBackend(row.backend)
  return {
    id: row.id,
    backend: row.backend,
    backendLabel: backend?.label ?? row.backend,
    available: backend !== undefined,
    serverId: row.serverId,
    serverName,
    match: row.match,
    isAsync: row.isAsync,
    asyncActions: row.asyncActions ? row.asyncActions.split(',') : [],
    isActive: row.isActive,
    version: row.version,
  }
}

export async function listRoutes(tx: Tx, filter: { serverId?: number } = {}): Promise<Route[]> {
  const rows = await tx
    .select({ route: routes, serverName: servers.name })
    .from(routes)
    .innerJoin(servers, eq(servers.id, routes.serverId))
    .where(filter.serverId ? eq(routes.serverId, filter.serverId) : undefined)
    .orderBy(asc(routes.backend), asc(servers.name))
  return rows.map((row) => toRoute(row.route, row.serverName))
}

export async function getRoute(tx: Tx, id: number): Promise<Route> {
  const [row] = await tx
    .select({ route: routes, serverName: servers.name })
    .from(routes)
    .innerJoin(servers, eq(servers.id, routes.serverId))
    .where(eq(routes.id, id))
  if (!row) throw AppError.notFound('Route', id)
  return toRoute(row.route, row.serverName)
}

/** Every rule a route must follow that its schema cannot know: the backend's own. */
function checkRoute(backendId: string, fields: Partial<RouteCreate>): void {
  const backend = findBackend(backendId)
  const issues: FieldIssue[] = []
  if (!backend) {
    issues.push({
      field: 'backend',
      rule: 'installed',
      message: `Backend '${backendId}' is not installed`,
    })
    throw AppError.validation(issues)
  }
  const matchIssue = fields.match !== undefined ? checkMatch(backend, fields.match) : undefined
  if (matchIssue) issues.push(matchIssue)
  const unknown = (fields.asyncActions ?? []).filter((action) => !(action in backend.actions))
  if (unknown.length) {
    issues.push({
      field: 'asyncActions',
      rule: 'action',
      message: `${unknown.join(', ')} is not an action of ${backend.label}`,
    })
  }
  if (issues.length) throw AppError.validation(issues)
}

async function assertServer(tx: Tx, serverId: number | undefined) {
  if (serverId === undefined) return
  const [server] = await tx.select({ id: servers.id }).from(servers).where(eq(servers.id, serverId))
  if (!server) {
    throw AppError.validation([
      { field: 'serverId', rule: 'exists', message: 'is not a known server' },
    ])
  }
}

function clash(error: unknown): never {
  if (uniqueViolation(error)?.table === 'routes') {
    throw AppError.validation([
      { field: 'serverId', rule: 'unique', message: 'already has a route for this backend' },
    ])
  }
  throw error
}

export async function createRoute(ctx: WriteContext, input: RouteCreate): Promise<Route> {
  checkRoute(input.backend, input)
  await assertServer(ctx.tx, input.serverId)
  const row = await ctx.tx
    .insert(routes)
    .values({
      ...input,
      match: normaliseMatch(input.match),
      asyncActions: input.asyncActions.join(','),
      createdAt: ctx.now,
      updatedAt: ctx.now,
    })
    .returning()
    .then(([created]) => created!, clash)
  const route = await getRoute(ctx.tx, row.id)
  await recordHistory(ctx, {
    objectType: 'route',
    objectId: row.id,
    accountId: null,
    objectRepr: `${route.backend}@${route.serverName}`,
    action: 'added',
  })
  return route
}

export async function updateRoute(ctx: WriteContext, input: RouteUpdate): Promise<Route> {
  const { id, version, asyncActions, ...fields } = input
  const before = await getRoute(ctx.tx, id)
  assertVersion('Route', before, version)
  checkRoute(before.backend, { ...fields, asyncActions })
  await assertServer(ctx.tx, fields.serverId)

  await ctx.tx
    .update(routes)
    .set({
      ...fields,
      ...(fields.match !== undefined && { match: normaliseMatch(fields.match) }),
      ...(asyncActions && { asyncActions: asyncActions.join(',') }),
      version: version + 1,
      updatedAt: ctx.now,
    })
    .where(and(eq(routes.id, id), eq(routes.version, version)))
    .catch(clash)
  const after = await getRoute(ctx.tx, id)
  const changes = diffFields(before, after, TRACKED_FIELDS)
  if (changes.length) {
    await recordHistory(ctx, {
      objectType: 'route',
      objectId: id,
      accountId: null,
      objectRepr: `${after.backend}@${after.serverName}`,
      action: 'changed',
      changes,
    })
  }
  return after
}

export async function deleteRoute(ctx: WriteContext, id: number): Promise<void> {
  const route = await getRoute(ctx.tx, id)
  await ctx.tx.delete(routes).where(eq(routes.id, id))
  await recordHistory(ctx, {
    objectType: 'route',
    objectId: id,
    accountId: null,
    objectRepr: `${route.backend}@${route.serverName}`,
    action: 'deleted',
  })
}

/** Active routes with their servers, read once per change (spec 5: never re-read within it). */
export async function loadActiveRoutes(tx: Tx) {
  return tx
    .select({ route: routes, server: servers })
    .from(routes)
    .innerJoin(servers, eq(servers.id, routes.serverId))
    .where(eq(routes.isActive, true))
    .orderBy(asc(routes.id))
}
export type ActiveRoute = Awaited<ReturnType<typeof loadActiveRoutes>>[number]
