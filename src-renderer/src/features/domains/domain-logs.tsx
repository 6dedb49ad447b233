import { useTranslation } from 'react-i18next'
import { LogsPanel } from '../orchestration/logs/logs-panel'

/** The scripts that carried this domain's zone to the name servers. */
export function DomainLogs({ domainId }: { domainId: number }) {
  const { t } = useTranslation()
  return (
    <LogsPanel
      title={t('domain.logsTitle')}
      scope={{ objectType: 'domain', objectId: domainId }}
      allLink={`/logs?objectType=domain&objectId=${domainId}`}
    />
  )
}
