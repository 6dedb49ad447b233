import type { AccountServiceProvider } from './account-services'

/** Mailing lists (spec 7) as services of an account. */
export const mailingListServices: AccountServiceProvider = {
  kind: 'mailingList',
  listForAccount: async () => [],
}
