import { Tabs } from '@mantine/core'
import { IconHistory, IconId, IconListDetails } from '@tabler/icons-react'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { useSearchParams } from 'react-router-dom'
import type { ObjectType } from '../../../../src-shared/schemas/history'
import { HistoryPanel } from '../history/history-panel'
import { LogsPanel } from '../orchestration/logs/logs-panel'

interface ObjectTabsProps {
  objectType: ObjectType
  id: number
  /** Labels: the tab list's name and the logs panel's title; no logs tab without one. */
  tabsLabel: string
  logsTitle?: string
  children: ReactNode
}

/** An object page's tabs: its overview, its backend logs (when it has a backend), its history. */
export function ObjectTabs({ objectType, id, tabsLabel, logsTitle, children }: ObjectTabsProps) {
  const { t } = useTranslation()
  const [params, setParams] = useSearchParams()
  const tabs = logsTitle ? ['overview', 'logs', 'history'] : ['overview', 'history']
  const tab = tabs.find((known) => known === params.get('tab')) ?? 'overview'
  const select = (value: string | null) =>
    setParams(value && value !== 'overview' ? { tab: value } : {}, { replace: true })

  return (
    <Tabs value={tab} onChange={select}>
      <Tabs.List aria-label={tabsLabel}>
        <Tabs.Tab value="overview" leftSection={<IconId size={16} />}>
          {t('otherServices.vps.detail.overview')}
        </Tabs.Tab>
        {logsTitle && (
          <Tabs.Tab value="logs" leftSection={<IconListDetails size={16} />}>
            {t('otherServices.vps.detail.logs')}
          </Tabs.Tab>
        )}
        <Tabs.Tab value="history" leftSection={<IconHistory size={16} />}>
          {t('otherServices.vps.detail.history')}
        </Tabs.Tab>
      </Tabs.List>
      <Tabs.Panel value="overview" pt="lg">
        {tab === 'overview' && children}
      </Tabs.Panel>
      {logsTitle && (
        <Tabs.Panel value="logs" pt="lg">
          {tab === 'logs' && (
            <LogsPanel
              title={logsTitle}
              scope={{ objectType, objectId: id }}
              allLink={`/logs?objectType=${objectType}&objectId=${id}`}
            />
          )}
        </Tabs.Panel>
      )}
      <Tabs.Panel value="history" pt="lg">
        {tab === 'history' && <HistoryPanel scope={{ objectType, objectId: id }} />}
      </Tabs.Panel>
    </Tabs>
  )
}
