import type { OwnedService } from '../../../../src-shared/schemas/accounts'

/** VPS and miscellaneous services (spec 9 and 10) of one account, on its page. */
export function AccountOtherServices(_props: { accountId: number; services: OwnedService[] }) {
  return null
}
