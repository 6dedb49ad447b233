import { Navigate, type RouteObject } from 'react-router-dom'
import { ProcessPage } from './process-page'
import { ProcessesPage } from './processes-page'
import { TransactionsPage } from './transactions-page'

/** Payments (spec: billing 9): transactions and the processes that make bank files. */
export const paymentRoutes: RouteObject[] = [
  { path: 'billing/transactions', element: <TransactionsPage /> },
  { path: 'billing/processes', element: <ProcessesPage /> },
  { path: 'billing/processes/:id', element: <ProcessPage /> },
  // The sidebar's former entry for payments, kept for bookmarks.
  { path: 'billing/payments', element: <Navigate to="/billing/transactions" replace /> },
]
