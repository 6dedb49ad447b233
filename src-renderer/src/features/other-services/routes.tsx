import type { RouteObject } from 'react-router-dom'
import { MiscCreatePage, MiscEditPage } from './misc-forms'
import { MiscListPage } from './misc-list-page'
import { MiscPage } from './misc-page'
import { MiscServiceCreatePage, MiscServiceEditPage } from './misc-service-form'
import { MiscServicesPage } from './misc-services-page'
import { VpsCreatePage, VpsEditPage } from './vps-forms'
import { VpsListPage } from './vps-list-page'
import { VpsPage } from './vps-page'

/** VPS and miscellaneous services (spec 9 and 10): the area's pages. */
export const otherServiceRoutes: RouteObject[] = [
  { path: 'services/vps', element: <VpsListPage /> },
  { path: 'services/vps/new', element: <VpsCreatePage /> },
  { path: 'services/vps/:id', element: <VpsPage /> },
  { path: 'services/vps/:id/edit', element: <VpsEditPage /> },
  { path: 'services/miscellaneous', element: <MiscListPage /> },
  { path: 'services/miscellaneous/new', element: <MiscCreatePage /> },
  { path: 'services/miscellaneous/services', element: <MiscServicesPage /> },
  { path: 'services/miscellaneous/services/new', element: <MiscServiceCreatePage /> },
  { path: 'services/miscellaneous/services/:id', element: <MiscServiceEditPage /> },
  { path: 'services/miscellaneous/:id', element: <MiscPage /> },
  { path: 'services/miscellaneous/:id/edit', element: <MiscEditPage /> },
]
