import { useTranslation } from 'react-i18next'
import type { OwnedService } from '../../../../src-shared/schemas/accounts'
import {
  AccountServiceGroup,
  AccountServiceSection,
} from '../../components/account-service-section'
import { ActiveBadge } from '../../components/active-badge'
import { toUnicodeEmail } from './unicode-email'

/** The account page's section for its mailboxes and addresses; absent when it has none. */
export function AccountMail({
  accountId,
  services,
}: {
  accountId: number
  services: OwnedService[]
}) {
  const { t } = useTranslation()
  const mailboxes = services.filter((service) => service.kind === 'mailbox')
  const addresses = services.filter((service) => service.kind === 'mailAddress')
  if (mailboxes.length === 0 && addresses.length === 0) return null

  return (
    <AccountServiceGroup title={t('mail.account.title')}>
      <AccountServiceSection
        nested
        title={t('mail.mailboxes.title')}
        accountId={accountId}
        path="/services/mailboxes"
        allLabel={t('mail.account.all')}
        newLabel={t('mail.mailboxes.new')}
        items={mailboxes}
        label={(mailbox) => mailbox.name}
        extra={(mailbox) => !mailbox.isActive && <ActiveBadge active={false} />}
      />
      <AccountServiceSection
        nested
        title={t('mail.addresses.title')}
        accountId={accountId}
        path="/services/mail-addresses"
        allLabel={t('mail.account.all')}
        newLabel={t('mail.addresses.new')}
        items={addresses}
        label={(address) => toUnicodeEmail(address.name)}
        empty={t('mail.account.noAddresses')}
      />
    </AccountServiceGroup>
  )
}
