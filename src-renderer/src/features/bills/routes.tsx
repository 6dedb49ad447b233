import type { RouteObject } from 'react-router-dom'
import { BillPage } from './bill-page'
import { BillingRunPage } from './billing-run-page'
import { BillsPage } from './bills-page'

/** Bills (spec: billing 7) and the billing run (6.1). */
export const billRoutes: RouteObject[] = [
  { path: 'billing/bills', element: <BillsPage /> },
  { path: 'billing/bills/:id', element: <BillPage /> },
  { path: 'billing/run', element: <BillingRunPage /> },
]
