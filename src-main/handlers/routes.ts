import type { Channels } from '../../src-shared/contract/channels'
import * as routes from '../data/routes'
import type { HandlerTable } from './types'

type RouteChannels = Extract<keyof Channels, `routes:${string}` | `backends:${string}`>

export const routeHandlers: HandlerTable<RouteChannels> = {
  'backends:list': async () => routes.listBackends(),
  'routes:list': (request, { tx }) => routes.listRoutes(tx, request),
  'routes:create': (request, scope) => routes.createRoute(scope, request),
  'routes:update': (request, scope) => routes.updateRoute(scope, request),
  'routes:delete': async ({ id }, scope) => {
    await routes.deleteRoute(scope, id)
    return { deleted: 1 }
  },
}
