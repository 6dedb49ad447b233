import type { RouteObject } from 'react-router-dom'

/** Web apps (spec 5): the area's pages. */
export const webappRoutes: RouteObject[] = []
