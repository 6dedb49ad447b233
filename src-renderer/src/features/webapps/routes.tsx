import type { RouteObject } from 'react-router-dom'
import { WebappCreatePage } from './webapp-create-page'
import { WebappEditPage } from './webapp-edit-page'
import { WebappPage } from './webapp-page'
import { WebappsListPage } from './webapps-list-page'

/** Web apps (spec 5): the area's pages. */
export const webappRoutes: RouteObject[] = [
  { path: 'services/webapps', element: <WebappsListPage /> },
  { path: 'services/webapps/new', element: <WebappCreatePage /> },
  { path: 'services/webapps/:id/edit', element: <WebappEditPage /> },
  { path: 'services/webapps/:id', element: <WebappPage /> },
]
