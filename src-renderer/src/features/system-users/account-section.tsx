import { useTranslation } from 'react-i18next'
import type { OwnedService } from '../../../../src-shared/schemas/accounts'
import { useChannelQuery } from '../../api/queries'
import { AccountServiceSection } from '../../components/account-service-section'
import { ActiveBadge } from '../../components/active-badge'
import { RoleBadge } from './role-badge'

/** The account page's section for its system users, the main one marked; absent without any. */
export function AccountSystemUsers({
  accountId,
  services,
}: {
  accountId: number
  services: OwnedService[]
}) {
  const { t } = useTranslation()
  const count = services.filter((service) => service.kind === 'systemUser').length
  // The list says which user is the main one; the services only name them.
  const query = useChannelQuery(
    'systemUsers:list',
    { accountId, pageSize: 200 },
    { enabled: count > 0 },
  )

  return (
    <AccountServiceSection
      title={t('systemUsers.account.title')}
      accountId={accountId}
      path="/services/system-users"
      allLabel={t('systemUsers.account.all')}
      newLabel={t('systemUsers.new')}
      items={query.data?.rows ?? []}
      count={count}
      label={(row) => row.username}
      extra={(row) => (
        <>
          <RoleBadge role={row.role} />
          {!(row.isActive && row.accountIsActive) && <ActiveBadge active={false} />}
        </>
      )}
      listProps={{ spacing: 6, listStyleType: 'none' }}
    />
  )
}
