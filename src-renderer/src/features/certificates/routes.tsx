import type { RouteObject } from 'react-router-dom'
import { CertificatePage } from './certificate-page'
import { CertificatesListPage } from './certificates-list-page'

/** Let's Encrypt certificates (spec 11): the area's pages. */
export const certificateRoutes: RouteObject[] = [
  { path: 'services/certificates', element: <CertificatesListPage /> },
  { path: 'services/certificates/:id', element: <CertificatePage /> },
]
