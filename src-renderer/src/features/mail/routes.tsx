import type { RouteObject } from 'react-router-dom'

/** The pages of the mailboxes and addresses, under `/services`. */
export const mailRoutes: RouteObject[] = []
