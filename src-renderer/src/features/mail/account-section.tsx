import type { OwnedService } from '../../../../src-shared/schemas/accounts'

/** The account page's section for its mailboxes and addresses; absent when it has none. */
export function AccountMail(_props: { accountId: number; services: OwnedService[] }) {
  return null
}
