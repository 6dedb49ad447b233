import { useTranslation } from 'react-i18next'
import type { OwnedService } from '../../../../src-shared/schemas/accounts'
import { AccountServiceSection } from '../../components/account-service-section'
import { ActiveBadge } from '../../components/active-badge'

/** Websites (spec 6) of one account, on its page; absent without any. */
export function AccountWebsites({
  accountId,
  services,
}: {
  accountId: number
  services: OwnedService[]
}) {
  const { t } = useTranslation()
  return (
    <AccountServiceSection
      title={t('websites.account.title')}
      accountId={accountId}
      path="/services/websites"
      allLabel={t('websites.account.all')}
      newLabel={t('websites.new')}
      items={services.filter((service) => service.kind === 'website')}
      label={(site) => site.name}
      extra={(site) => !site.isActive && <ActiveBadge active={false} />}
      listProps={{ spacing: 6, listStyleType: 'none' }}
    />
  )
}
