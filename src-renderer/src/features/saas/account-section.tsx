import { useTranslation } from 'react-i18next'
import type { OwnedService } from '../../../../src-shared/schemas/accounts'
import { AccountServiceSection } from '../../components/account-service-section'

/** The account page's section for its SaaS tenants; absent when it has none. */
export function AccountSaas({
  accountId,
  services,
}: {
  accountId: number
  services: OwnedService[]
}) {
  const { t } = useTranslation()
  return (
    <AccountServiceSection
      title={t('saas.accountSection')}
      accountId={accountId}
      path="/services/saas"
      allLabel={t('saas.allTenants')}
      newLabel={t('saas.new')}
      items={services.filter((service) => service.kind === 'saasTenant')}
      label={(tenant) => tenant.name}
      monospace
    />
  )
}
