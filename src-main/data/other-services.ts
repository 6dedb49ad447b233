import type { AccountServiceProvider } from './account-services'

/** VPS and miscellaneous services (spec 9 and 10) as services of an account. */
export const otherServiceServices: AccountServiceProvider = {
  kind: 'vps',
  listForAccount: async () => [],
}
