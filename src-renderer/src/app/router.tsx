import { createHashRouter } from 'react-router-dom'
import { RouteErrorScreen } from '../components/route-error-screen'
import { NotFoundPage } from '../components/not-found-page'
import { AccountCreatePage } from '../features/accounts/account-create-page'
import { AccountEditPage } from '../features/accounts/account-edit-page'
import { AccountPage } from '../features/accounts/account-page'
import { AccountsListPage } from '../features/accounts/accounts-list-page'
import { ContactPage } from '../features/contacts/contact-page'
import { ContactsListPage } from '../features/contacts/contacts-list-page'
import { DashboardPage } from '../features/dashboard/dashboard-page'
import { DomainCreatePage } from '../features/domains/domain-create-page'
import { DomainEditPage } from '../features/domains/domain-edit-page'
import { DomainPage } from '../features/domains/domain-page'
import { DomainsListPage } from '../features/domains/domains-list-page'
import { DomainsRecordsPage } from '../features/domains/domains-records-page'
import { DatabasePage } from '../features/database/database-page'
import { HistoryPage } from '../features/history/history-page'
import { KeysPage } from '../features/orchestration/keys/keys-page'
import { LogPage } from '../features/orchestration/logs/log-page'
import { LogsPage } from '../features/orchestration/logs/logs-page'
import { RouteCreatePage, RouteEditPage } from '../features/orchestration/routes/route-form-page'
import { RoutesPage } from '../features/orchestration/routes/routes-page'
import {
  ServerCreatePage,
  ServerEditPage,
} from '../features/orchestration/servers/server-edit-page'
import { ServerPage } from '../features/orchestration/servers/server-page'
import { ServersListPage } from '../features/orchestration/servers/servers-list-page'
import { mailRoutes } from '../features/mail/routes'
import { PlaceholderPage } from '../features/placeholders/placeholder-page'
import { sqlDatabaseRoutes } from '../features/sql-databases/routes'
import { systemUserRoutes } from '../features/system-users/routes'
import { webappRoutes } from '../features/webapps/routes'
import { websiteRoutes } from '../features/websites/routes'
import { certificateRoutes } from '../features/certificates/routes'
import { mailingListRoutes } from '../features/mailing-lists/routes'
import { otherServiceRoutes } from '../features/other-services/routes'
import { saasRoutes } from '../features/saas/routes'
import { billingRoutes } from '../features/billing/routes'
import { billRoutes } from '../features/bills/routes'
import { paymentRoutes } from '../features/payments/routes'
import { SettingsPage } from '../features/settings/settings-page'
import { AppLayout } from '../layout/app-layout'

/**
 * Hash routing works the same from Electron's file:// page and from the HTTP bridge, and needs
 * no server-side fallback route.
 */
export function createAppRouter() {
  return createHashRouter([
    {
      path: '/',
      element: <AppLayout />,
      errorElement: <RouteErrorScreen />,
      children: [
        {
          // A crash in one page keeps the shell and its navigation usable.
          errorElement: <RouteErrorScreen />,
          children: [
            { index: true, element: <DashboardPage /> },
            { path: 'accounts', element: <AccountsListPage /> },
            { path: 'accounts/new', element: <AccountCreatePage /> },
            { path: 'accounts/:id', element: <AccountPage /> },
            { path: 'accounts/:id/edit', element: <AccountEditPage /> },
            { path: 'contacts', element: <ContactsListPage /> },
            { path: 'contacts/:id', element: <ContactPage /> },
            { path: 'servers', element: <ServersListPage /> },
            { path: 'servers/new', element: <ServerCreatePage /> },
            { path: 'servers/:id', element: <ServerPage /> },
            { path: 'servers/:id/edit', element: <ServerEditPage /> },
            { path: 'keys', element: <KeysPage /> },
            { path: 'routes', element: <RoutesPage /> },
            { path: 'routes/new', element: <RouteCreatePage /> },
            { path: 'routes/:id/edit', element: <RouteEditPage /> },
            { path: 'logs', element: <LogsPage /> },
            { path: 'logs/:id', element: <LogPage /> },
            { path: 'history', element: <HistoryPage /> },
            { path: 'database', element: <DatabasePage /> },
            { path: 'settings', element: <SettingsPage /> },
            { path: 'services/domains', element: <DomainsListPage /> },
            { path: 'services/domains/new', element: <DomainCreatePage /> },
            { path: 'services/domains/edit-records', element: <DomainsRecordsPage /> },
            { path: 'services/domains/:id', element: <DomainPage /> },
            { path: 'services/domains/:id/edit', element: <DomainEditPage /> },
            ...systemUserRoutes,
            ...mailRoutes,
            ...sqlDatabaseRoutes,
            ...webappRoutes,
            ...websiteRoutes,
            ...certificateRoutes,
            ...mailingListRoutes,
            ...otherServiceRoutes,
            ...saasRoutes,
            ...billingRoutes,
            ...billRoutes,
            ...paymentRoutes,
            { path: 'services/:area', element: <PlaceholderPage kind="services" /> },
            { path: 'billing/:area', element: <PlaceholderPage kind="billing" /> },
            { path: '*', element: <NotFoundPage /> },
          ],
        },
      ],
    },
  ])
}
