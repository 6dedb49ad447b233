import type { AccountServiceProvider } from './account-services'

/** An account's mailboxes and addresses, removed from the mail servers before its domains. */
export const mailServices: AccountServiceProvider = {
  kind: 'mailbox',
  async listForAccount() {
    return []
  },
}
