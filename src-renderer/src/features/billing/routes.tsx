import type { RouteObject } from 'react-router-dom'
import { OrderPage } from './order-page'
import { OrdersPage } from './orders-page'
import { PlanCreatePage } from './plan-create-page'
import { PlanPage } from './plan-page'
import { PlansPage } from './plans-page'
import { ServiceCreatePage } from './service-create-page'
import { ServicePage } from './service-page'
import { ServicesPage } from './services-page'

/** Service definitions, plans and orders (spec billing 2 to 4). */
export const billingRoutes: RouteObject[] = [
  { path: 'billing/services', element: <ServicesPage /> },
  { path: 'billing/services/new', element: <ServiceCreatePage /> },
  { path: 'billing/services/:id', element: <ServicePage /> },
  { path: 'billing/plans', element: <PlansPage /> },
  { path: 'billing/plans/new', element: <PlanCreatePage /> },
  { path: 'billing/plans/:id', element: <PlanPage /> },
  { path: 'billing/orders', element: <OrdersPage /> },
  { path: 'billing/orders/:id', element: <OrderPage /> },
]
