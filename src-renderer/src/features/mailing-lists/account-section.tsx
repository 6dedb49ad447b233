import type { OwnedService } from '../../../../src-shared/schemas/accounts'

/** Mailing lists (spec 7) of one account, on its page. */
export function AccountMailingLists(_props: { accountId: number; services: OwnedService[] }) {
  return null
}
