import type { OwnedService } from '../../../../src-shared/schemas/accounts'

/** Websites (spec 6) of one account, on its page. */
export function AccountWebsites(_props: { accountId: number; services: OwnedService[] }) {
  return null
}
