import type { AccountServiceProvider } from './account-services'

/** Let's Encrypt certificates (spec 11) as services of an account. */
export const certificateServices: AccountServiceProvider = {
  kind: 'certificate',
  listForAccount: async () => [],
}
