import type { RouteObject } from 'react-router-dom'

/** The pages of the databases and database users, under `/services`. */
export const sqlDatabaseRoutes: RouteObject[] = []
