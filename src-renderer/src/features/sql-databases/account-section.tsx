import type { OwnedService } from '../../../../src-shared/schemas/accounts'

/** The account page's section for its databases and database users; absent when it has none. */
export function AccountSqlDatabases(_props: { accountId: number; services: OwnedService[] }) {
  return null
}
