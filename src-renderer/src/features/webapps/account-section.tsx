import type { OwnedService } from '../../../../src-shared/schemas/accounts'

/** Web apps (spec 5) of one account, on its page. */
export function AccountWebapps(_props: { accountId: number; services: OwnedService[] }) {
  return null
}
