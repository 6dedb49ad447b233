import { useTranslation } from 'react-i18next'
import { LogsPanel } from './logs-panel'

/** The scripts that carried this account's changes to servers. */
export function AccountLogs({ accountId }: { accountId: number }) {
  const { t } = useTranslation()
  return (
    <LogsPanel
      title={t('account.logsTitle')}
      scope={{ objectType: 'account', objectId: accountId }}
      allLink={`/logs?objectType=account&objectId=${accountId}`}
    />
  )
}
