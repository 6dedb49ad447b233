import type { RouteObject } from 'react-router-dom'

/** Websites (spec 6): the area's pages. */
export const websiteRoutes: RouteObject[] = []
