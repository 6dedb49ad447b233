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
import { HistoryPage } from '../features/history/history-page'
import { PlaceholderPage } from '../features/placeholders/placeholder-page'
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
            { path: 'history', element: <HistoryPage /> },
            { path: 'settings', element: <SettingsPage /> },
            { path: 'services/:area', element: <PlaceholderPage kind="services" /> },
            { path: 'billing/:area', element: <PlaceholderPage kind="billing" /> },
            { path: '*', element: <NotFoundPage /> },
          ],
        },
      ],
    },
  ])
}
