import type { RouteObject } from 'react-router-dom'

/** Mailing lists (spec 7): the area's pages. */
export const mailingListRoutes: RouteObject[] = []
