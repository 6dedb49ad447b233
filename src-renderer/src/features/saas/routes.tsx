import type { RouteObject } from 'react-router-dom'
import { SaasCreatePage } from './saas-create-page'
import { SaasEditPage } from './saas-edit-page'
import { SaasListPage } from './saas-list-page'
import { SaasPage } from './saas-page'

/** SaaS tenants (spec 8): the area's pages. */
export const saasRoutes: RouteObject[] = [
  { path: 'services/saas', element: <SaasListPage /> },
  { path: 'services/saas/new', element: <SaasCreatePage /> },
  { path: 'services/saas/:id', element: <SaasPage /> },
  { path: 'services/saas/:id/edit', element: <SaasEditPage /> },
]
