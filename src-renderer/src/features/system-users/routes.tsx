import type { RouteObject } from 'react-router-dom'

/** The pages of the system users, under `/services`. */
export const systemUserRoutes: RouteObject[] = []
