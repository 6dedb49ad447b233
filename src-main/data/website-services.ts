import type { AccountServiceProvider } from './account-services'

/** Websites (spec 6) as services of an account. */
export const websiteServices: AccountServiceProvider = {
  kind: 'website',
  listForAccount: async () => [],
}
