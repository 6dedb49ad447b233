import type { RouteObject } from 'react-router-dom'
import { DatabaseCreatePage } from './database-create-page'
import { DatabasePage } from './database-page'
import { DatabasesListPage } from './databases-list-page'
import { UserCreatePage } from './user-create-page'
import { UserPage } from './user-page'
import { UsersListPage } from './users-list-page'

/** The pages of the databases and database users, under `/services`. */
export const sqlDatabaseRoutes: RouteObject[] = [
  { path: 'services/databases', element: <DatabasesListPage /> },
  { path: 'services/databases/new', element: <DatabaseCreatePage /> },
  { path: 'services/databases/users', element: <UsersListPage /> },
  { path: 'services/databases/users/new', element: <UserCreatePage /> },
  { path: 'services/databases/users/:id', element: <UserPage /> },
  { path: 'services/databases/:id', element: <DatabasePage /> },
]
