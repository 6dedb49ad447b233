import type { RouteObject } from 'react-router-dom'
import { AddressCreatePage } from './address-create-page'
import { AddressPage } from './address-page'
import { AddressesListPage } from './addresses-list-page'
import { MailboxCreatePage } from './mailbox-create-page'
import { MailboxPage } from './mailbox-page'
import { MailboxesListPage } from './mailboxes-list-page'

/** The pages of the mailboxes and addresses, under `/services`. */
export const mailRoutes: RouteObject[] = [
  { path: 'services/mailboxes', element: <MailboxesListPage /> },
  { path: 'services/mailboxes/new', element: <MailboxCreatePage /> },
  { path: 'services/mailboxes/:id', element: <MailboxPage /> },
  { path: 'services/mail-addresses', element: <AddressesListPage /> },
  { path: 'services/mail-addresses/new', element: <AddressCreatePage /> },
  { path: 'services/mail-addresses/:id', element: <AddressPage /> },
]
