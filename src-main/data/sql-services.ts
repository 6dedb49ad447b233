import type { AccountServiceProvider } from './account-services'

/** An account's databases and database users. */
export const sqlServices: AccountServiceProvider = {
  kind: 'sqlDatabase',
  async listForAccount() {
    return []
  },
}
