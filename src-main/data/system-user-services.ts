import type { AccountServiceProvider } from './account-services'

/** An account's system users: its main user is created with it, and removed last. */
export const systemUserServices: AccountServiceProvider = {
  kind: 'systemUser',
  async listForAccount() {
    return []
  },
}
