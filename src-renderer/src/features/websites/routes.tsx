import type { RouteObject } from 'react-router-dom'
import { WebsitePage } from './website-page'
import { WebsiteCreatePage, WebsiteEditPage } from './website-pages'
import { WebsitesListPage } from './websites-list-page'

/** Websites (spec 6): the area's pages, under `/services`. */
export const websiteRoutes: RouteObject[] = [
  { path: 'services/websites', element: <WebsitesListPage /> },
  { path: 'services/websites/new', element: <WebsiteCreatePage /> },
  { path: 'services/websites/:id', element: <WebsitePage /> },
  { path: 'services/websites/:id/edit', element: <WebsiteEditPage /> },
]
