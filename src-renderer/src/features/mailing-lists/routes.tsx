import type { RouteObject } from 'react-router-dom'
import { ListCreatePage } from './list-create-page'
import { ListPage } from './list-page'
import { ListsPage } from './lists-page'

/** Mailing lists (spec 7): the area's pages. */
export const mailingListRoutes: RouteObject[] = [
  { path: 'services/mailing-lists', element: <ListsPage /> },
  { path: 'services/mailing-lists/new', element: <ListCreatePage /> },
  { path: 'services/mailing-lists/:id', element: <ListPage /> },
]
