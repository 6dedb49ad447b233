import { useTranslation } from 'react-i18next'
import type { OwnedService } from '../../../../src-shared/schemas/accounts'
import {
  AccountServiceGroup,
  AccountServiceSection,
} from '../../components/account-service-section'
import { ActiveBadge } from '../../components/active-badge'

const inactiveBadge = (item: OwnedService) => !item.isActive && <ActiveBadge active={false} />

/** The account page's section for its VPS and miscellaneous services; absent without any. */
export function AccountOtherServices({
  accountId,
  services,
}: {
  accountId: number
  services: OwnedService[]
}) {
  const { t } = useTranslation()
  const vps = services.filter((service) => service.kind === 'vps')
  const misc = services.filter((service) => service.kind === 'miscellaneous')
  if (vps.length + misc.length === 0) return null
  const shared = { accountId, monospace: true, listProps: { listStyleType: 'none' } } as const

  return (
    <AccountServiceGroup title={t('otherServices.section.title')}>
      <AccountServiceSection
        nested
        title={t('otherServices.vps.title')}
        path="/services/vps"
        allLabel={t('otherServices.section.allVps')}
        newLabel={t('otherServices.vps.new')}
        items={vps}
        label={(item) => item.name}
        extra={inactiveBadge}
        {...shared}
      />
      <AccountServiceSection
        nested
        title={t('otherServices.misc.title')}
        path="/services/miscellaneous"
        allLabel={t('otherServices.section.allMisc')}
        newLabel={t('otherServices.misc.new')}
        items={misc}
        label={(item) => item.name}
        extra={inactiveBadge}
        {...shared}
      />
    </AccountServiceGroup>
  )
}
