import { useTranslation } from 'react-i18next'
import type { OwnedService } from '../../../../src-shared/schemas/accounts'
import { AccountServiceSection } from '../../components/account-service-section'

/** The account page's section for its databases and database users; absent when it has none. */
export function AccountSqlDatabases({
  accountId,
  services,
}: {
  accountId: number
  services: OwnedService[]
}) {
  const { t } = useTranslation()
  const databases = services.filter((service) => service.kind === 'sqlDatabase')
  const users = services.filter((service) => service.kind === 'sqlUser')
  if (databases.length + users.length === 0) return null

  return (
    <AccountServiceSection
      title={t('sqlDatabase.accountSection')}
      accountId={accountId}
      path="/services/databases"
      allLabel={t('sqlDatabase.allDatabases')}
      newLabel={t('sqlDatabases.new')}
      items={databases}
      label={(database) => database.name}
      monospace
      beside={
        <AccountServiceSection
          nested
          title={t('sqlDatabase.accountUsers')}
          accountId={accountId}
          path="/services/databases/users"
          allLabel={t('sqlDatabase.allUsers')}
          newLabel={t('sqlDatabases.newUser')}
          items={users}
          label={(user) => user.name}
          monospace
        />
      }
    />
  )
}
