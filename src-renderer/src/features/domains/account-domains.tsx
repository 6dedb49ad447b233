import { useTranslation } from 'react-i18next'
import type { OwnedService } from '../../../../src-shared/schemas/accounts'
import { AccountServiceSection } from '../../components/account-service-section'
import { DomainName } from './domain-name'

/** The domains among an account's services, linked to their pages; absent when it has none. */
export function AccountDomains({
  accountId,
  services,
}: {
  accountId: number
  services: OwnedService[]
}) {
  const { t } = useTranslation()
  return (
    <AccountServiceSection
      title={t('domain.accountDomains')}
      accountId={accountId}
      path="/services/domains"
      allLabel={t('domain.allDomains')}
      newLabel={t('domains.new')}
      items={services.filter((service) => service.kind === 'domain')}
      label={(domain) => <DomainName name={domain.name} />}
    />
  )
}
