import type { RouteObject } from 'react-router-dom'

/** VPS and miscellaneous services (spec 9 and 10): the area's pages. */
export const otherServiceRoutes: RouteObject[] = []
