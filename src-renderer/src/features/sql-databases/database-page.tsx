import { Anchor, Badge, Group, Tabs } from '@mantine/core'
import { IconHistory, IconId, IconListDetails } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { Link, useParams, useSearchParams } from 'react-router-dom'
import { useChannelQuery } from '../../api/queries'
import { Page } from '../../components/page'
import { PageLoader } from '../../components/page-loader'
import { HistoryPanel } from '../history/history-panel'
import { LogsPanel } from '../orchestration/logs/logs-panel'
import { DatabaseUsersCard } from './database-users-card'
import { DeleteSqlButton } from './delete-sql-button'
import { SqlLoadError } from './sql-load-error'
import { SqlTypeBadge } from './sql-type-badge'

const TABS = ['overview', 'logs', 'history'] as const

export function DatabasePage() {
  const { t } = useTranslation()
  const id = Number(useParams().id)
  const [params, setParams] = useSearchParams()
  const tab = TABS.find((known) => known === params.get('tab')) ?? 'overview'
  const query = useChannelQuery('sqlDatabases:get', { id }, { enabled: id > 0 })

  if (query.isError || !(id > 0))
    return (
      <SqlLoadError error={query.error} onRetry={query.refetch} listPath="/services/databases" />
    )
  if (!query.data) return <PageLoader />
  const detail = query.data
  const { database } = detail
  const scope = { objectType: 'sqlDatabase' as const, objectId: database.id }

  return (
    <Page
      title={database.name}
      description={
        <Anchor component={Link} to={`/accounts/${database.accountId}`} size="sm">
          {detail.accountUsername}
        </Anchor>
      }
      crumbs={[{ label: t('sqlDatabases.title'), to: '/services/databases' }]}
      badges={
        <Group gap="xs">
          <SqlTypeBadge type={database.type} />
          {!detail.isActive && <Badge color="gray">{t('sqlDatabase.inactive')}</Badge>}
        </Group>
      }
      actions={<DeleteSqlButton kind="database" id={database.id} name={database.name} />}
      ready={!query.isFetching}
    >
      <Tabs
        value={tab}
        onChange={(value) =>
          setParams(value && value !== 'overview' ? { tab: value } : {}, { replace: true })
        }
      >
        <Tabs.List aria-label={t('sqlDatabase.tabs')}>
          <Tabs.Tab value="overview" leftSection={<IconId size={16} />}>
            {t('sqlDatabase.overview')}
          </Tabs.Tab>
          <Tabs.Tab value="logs" leftSection={<IconListDetails size={16} />}>
            {t('sqlDatabase.logs')}
          </Tabs.Tab>
          <Tabs.Tab value="history" leftSection={<IconHistory size={16} />}>
            {t('sqlDatabase.history')}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="overview" pt="lg">
          {tab === 'overview' && <DatabaseUsersCard detail={detail} />}
        </Tabs.Panel>
        <Tabs.Panel value="logs" pt="lg">
          {tab === 'logs' && (
            <LogsPanel
              title={t('sqlDatabase.logsTitle')}
              scope={scope}
              allLink={`/logs?objectType=sqlDatabase&objectId=${database.id}`}
            />
          )}
        </Tabs.Panel>
        <Tabs.Panel value="history" pt="lg">
          {tab === 'history' && <HistoryPanel scope={scope} />}
        </Tabs.Panel>
      </Tabs>
    </Page>
  )
}
