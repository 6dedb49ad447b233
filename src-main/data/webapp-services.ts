import type { AccountServiceProvider } from './account-services'

/** Web apps (spec 5) as services of an account. */
export const webappServices: AccountServiceProvider = {
  kind: 'webapp',
  listForAccount: async () => [],
}
