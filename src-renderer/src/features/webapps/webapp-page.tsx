import { Anchor, Badge, Button, EmptyState, Group, Tabs } from '@mantine/core'
import { IconAppsOff, IconHistory, IconId, IconListDetails, IconPencil } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { Link, useParams, useSearchParams } from 'react-router-dom'
import { isNotFound } from '../../api/errors'
import { useChannelQuery } from '../../api/queries'
import { Page } from '../../components/page'
import { PageLoader } from '../../components/page-loader'
import { QueryError } from '../../components/query-error'
import { WriteLinkButton } from '../../components/write-link-button'
import { HistoryPanel } from '../history/history-panel'
import { LogsPanel } from '../orchestration/logs/logs-panel'
import { DeleteWebappButton } from './delete-webapp-button'
import { TypeBadge } from './type-badge'
import { WebappOverview } from './webapp-overview'

const TABS = ['overview', 'logs', 'history'] as const

function WebappLoadError({ error, onRetry }: { error: unknown; onRetry: () => unknown }) {
  const { t } = useTranslation()
  if (error && !isNotFound(error))
    return <QueryError error={error} onRetry={() => void onRetry()} />
  return (
    <EmptyState
      mt="xl"
      icon={<IconAppsOff size={32} />}
      withIndicatorBackground
      title={t('webapps.notFoundTitle')}
      description={t('webapps.notFoundBody')}
    >
      <EmptyState.Actions>
        <Button component={Link} to="/services/webapps" variant="light">
          {t('webapps.backToList')}
        </Button>
      </EmptyState.Actions>
    </EmptyState>
  )
}

export function WebappPage() {
  const { t } = useTranslation()
  const id = Number(useParams().id)
  const [params, setParams] = useSearchParams()
  const tab = TABS.find((known) => known === params.get('tab')) ?? 'overview'
  const query = useChannelQuery('webapps:get', { id }, { enabled: id > 0 })

  if (query.isError || !(id > 0))
    return <WebappLoadError error={query.error} onRetry={query.refetch} />
  if (!query.data) return <PageLoader />
  const detail = query.data
  const { webapp, account } = detail
  const scope = { objectType: 'webapp' as const, objectId: webapp.id }

  return (
    <Page
      title={webapp.name}
      description={
        <Anchor component={Link} to={`/accounts/${account.id}`} size="sm">
          {account.username}
        </Anchor>
      }
      crumbs={[{ label: t('webapps.title'), to: '/services/webapps' }]}
      badges={
        <Group gap="xs">
          <TypeBadge type={webapp.type} />
          {!account.isActive && <Badge color="gray">{t('webapps.inactive')}</Badge>}
        </Group>
      }
      actions={
        <Group gap="xs">
          <WriteLinkButton
            to={`/services/webapps/${webapp.id}/edit`}
            variant="default"
            leftSection={<IconPencil size={16} />}
          >
            {t('webapps.edit')}
          </WriteLinkButton>
          <DeleteWebappButton detail={detail} />
        </Group>
      }
      ready={!query.isFetching}
    >
      <Tabs
        value={tab}
        onChange={(value) =>
          setParams(value && value !== 'overview' ? { tab: value } : {}, { replace: true })
        }
      >
        <Tabs.List aria-label={t('webapps.tabs')}>
          <Tabs.Tab value="overview" leftSection={<IconId size={16} />}>
            {t('webapps.overview')}
          </Tabs.Tab>
          <Tabs.Tab value="logs" leftSection={<IconListDetails size={16} />}>
            {t('webapps.logs')}
          </Tabs.Tab>
          <Tabs.Tab value="history" leftSection={<IconHistory size={16} />}>
            {t('webapps.history')}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="overview" pt="lg">
          {tab === 'overview' && <WebappOverview detail={detail} />}
        </Tabs.Panel>
        <Tabs.Panel value="logs" pt="lg">
          {tab === 'logs' && (
            <LogsPanel
              title={t('webapps.logsTitle')}
              scope={scope}
              allLink={`/logs?objectType=webapp&objectId=${webapp.id}`}
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
