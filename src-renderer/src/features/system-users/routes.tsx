import type { RouteObject } from 'react-router-dom'
import { SystemUserPage } from './system-user-page'
import { SystemUserCreatePage, SystemUserEditPage } from './system-user-pages'
import { SystemUsersListPage } from './system-users-list-page'

/** The pages of the system users, under `/services`. */
export const systemUserRoutes: RouteObject[] = [
  { path: 'services/system-users', element: <SystemUsersListPage /> },
  { path: 'services/system-users/new', element: <SystemUserCreatePage /> },
  { path: 'services/system-users/:id', element: <SystemUserPage /> },
  { path: 'services/system-users/:id/edit', element: <SystemUserEditPage /> },
]
