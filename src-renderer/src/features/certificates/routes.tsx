import type { RouteObject } from 'react-router-dom'

/** Let's Encrypt certificates (spec 11): the area's pages. */
export const certificateRoutes: RouteObject[] = []
