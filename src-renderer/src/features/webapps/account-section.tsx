import { useTranslation } from 'react-i18next'
import type { OwnedService } from '../../../../src-shared/schemas/accounts'
import { AccountServiceSection } from '../../components/account-service-section'

/** Web apps (spec 5) of one account, on its page; absent when it has none. */
export function AccountWebapps({
  accountId,
  services,
}: {
  accountId: number
  services: OwnedService[]
}) {
  const { t } = useTranslation()
  return (
    <AccountServiceSection
      title={t('webapps.accountSection')}
      accountId={accountId}
      path="/services/webapps"
      allLabel={t('webapps.allWebapps')}
      newLabel={t('webapps.new')}
      items={services.filter((service) => service.kind === 'webapp')}
      label={(app) => app.name}
      monospace
    />
  )
}
