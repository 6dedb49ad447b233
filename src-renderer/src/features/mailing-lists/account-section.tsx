import { useTranslation } from 'react-i18next'
import type { OwnedService } from '../../../../src-shared/schemas/accounts'
import { AccountServiceSection } from '../../components/account-service-section'
import { ActiveBadge } from '../../components/active-badge'

/** Mailing lists (spec 7) of one account, on its page; absent when it has none. */
export function AccountMailingLists(props: { accountId: number; services: OwnedService[] }) {
  const { t } = useTranslation()
  return (
    <AccountServiceSection
      title={t('mailingLists.title')}
      accountId={props.accountId}
      path="/services/mailing-lists"
      allLabel={t('mailingLists.account.all')}
      newLabel={t('mailingLists.new')}
      items={props.services.filter((service) => service.kind === 'mailingList')}
      label={(list) => list.name}
      extra={(list) => !list.isActive && <ActiveBadge active={false} />}
    />
  )
}
