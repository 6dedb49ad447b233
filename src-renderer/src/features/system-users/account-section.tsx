import type { OwnedService } from '../../../../src-shared/schemas/accounts'

/** The account page's section for its system users; absent when it has none. */
export function AccountSystemUsers(_props: { accountId: number; services: OwnedService[] }) {
  return null
}
