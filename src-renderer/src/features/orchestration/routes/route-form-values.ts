import type { Route } from '../../../../../src-shared/schemas/orchestration'

export interface RouteFormValues {
  backend: string | null
  serverId: string | null
  match: string
  isAsync: boolean
  asyncActions: string[]
  isActive: boolean
}

export function emptyRoute(serverId: string | null): RouteFormValues {
  return { backend: null, serverId, match: '', isAsync: false, asyncActions: [], isActive: true }
}

export function routeToForm(route: Route): RouteFormValues {
  const { backend, match, isAsync, asyncActions, isActive } = route
  return { backend, serverId: String(route.serverId), match, isAsync, asyncActions, isActive }
}

/** Unchosen selects become values the schema refuses by field, so the error shows inline. */
export function toRouteRequest(values: RouteFormValues) {
  return {
    backend: values.backend ?? '',
    serverId: Number(values.serverId) || 0,
    match: values.match,
    isAsync: values.isAsync,
    asyncActions: values.asyncActions,
    isActive: values.isActive,
  }
}
