import type { ReactNode } from 'react'
import { Tabs } from '@mantine/core'
import { IconHistory, IconId, IconListDetails } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { useSearchParams } from 'react-router-dom'
import { HistoryPanel } from '../history/history-panel'
import { LogsPanel } from '../orchestration/logs/logs-panel'

const TABS = ['overview', 'logs', 'history'] as const

/** A list's page: its overview, the scripts sent for it, its history. */
export function ListTabs({ listId, children }: { listId: number; children: ReactNode }) {
  const { t } = useTranslation()
  const [params, setParams] = useSearchParams()
  const tab = TABS.find((known) => known === params.get('tab')) ?? 'overview'
  const scope = { objectType: 'mailingList' as const, objectId: listId }
  return (
    <Tabs
      value={tab}
      onChange={(value) =>
        setParams(value && value !== 'overview' ? { tab: value } : {}, { replace: true })
      }
    >
      <Tabs.List aria-label={t('mailingLists.tabs.label')}>
        <Tabs.Tab value="overview" leftSection={<IconId size={16} />}>
          {t('mailingLists.tabs.overview')}
        </Tabs.Tab>
        <Tabs.Tab value="logs" leftSection={<IconListDetails size={16} />}>
          {t('mailingLists.tabs.logs')}
        </Tabs.Tab>
        <Tabs.Tab value="history" leftSection={<IconHistory size={16} />}>
          {t('mailingLists.tabs.history')}
        </Tabs.Tab>
      </Tabs.List>
      <Tabs.Panel value="overview" pt="lg">
        {tab === 'overview' && children}
      </Tabs.Panel>
      <Tabs.Panel value="logs" pt="lg">
        {tab === 'logs' && (
          <LogsPanel
            title={t('mailingLists.tabs.logsTitle')}
            scope={scope}
            allLink={`/logs?objectType=mailingList&objectId=${listId}`}
          />
        )}
      </Tabs.Panel>
      <Tabs.Panel value="history" pt="lg">
        {tab === 'history' && <HistoryPanel scope={scope} />}
      </Tabs.Panel>
    </Tabs>
  )
}
