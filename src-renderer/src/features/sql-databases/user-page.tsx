import {
  Anchor,
  Badge,
  Group,
  List,
  Paper,
  SimpleGrid,
  Stack,
  Tabs,
  Text,
  Title,
} from '@mantine/core'
import { IconHistory, IconId, IconListDetails } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { Link, useParams, useSearchParams } from 'react-router-dom'
import type { SqlUserDetail } from '../../../../src-shared/schemas/sql-databases'
import { useChannelQuery } from '../../api/queries'
import { Page } from '../../components/page'
import { PageLoader } from '../../components/page-loader'
import { HistoryPanel } from '../history/history-panel'
import { LogsPanel } from '../orchestration/logs/logs-panel'
import { DeleteSqlButton } from './delete-sql-button'
import { SqlLoadError } from './sql-load-error'
import { SqlTypeBadge } from './sql-type-badge'
import { UserPasswordForm } from './user-password-form'

function UserDatabases({ detail }: { detail: SqlUserDetail }) {
  const { t } = useTranslation()
  return (
    <Paper withBorder p="lg" component="section" aria-label={t('sqlDatabase.databases')}>
      <Stack gap="sm">
        <Title order={4}>{t('sqlDatabase.databases')}</Title>
        {detail.grants.length === 0 && <Text size="sm">{t('sqlDatabase.noDatabases')}</Text>}
        <List size="sm" spacing={4}>
          {detail.grants.map((grant) => (
            <List.Item key={grant.databaseId}>
              <Group gap="xs">
                <Anchor
                  component={Link}
                  to={`/services/databases/${grant.databaseId}`}
                  ff="monospace"
                  size="sm"
                >
                  {grant.databaseName}
                </Anchor>
                {grant.isOwner && <Badge variant="light">{t('sqlDatabases.owner')}</Badge>}
              </Group>
            </List.Item>
          ))}
        </List>
      </Stack>
    </Paper>
  )
}

const TABS = ['overview', 'logs', 'history'] as const

export function UserPage() {
  const { t } = useTranslation()
  const id = Number(useParams().id)
  const [params, setParams] = useSearchParams()
  const tab = TABS.find((known) => known === params.get('tab')) ?? 'overview'
  const query = useChannelQuery('sqlUsers:get', { id }, { enabled: id > 0 })

  if (query.isError || !(id > 0))
    return (
      <SqlLoadError
        error={query.error}
        onRetry={query.refetch}
        listPath="/services/databases/users"
      />
    )
  if (!query.data) return <PageLoader />
  const detail = query.data
  const { user } = detail
  const scope = { objectType: 'sqlUser' as const, objectId: user.id }

  return (
    <Page
      title={user.username}
      description={
        <Anchor component={Link} to={`/accounts/${user.accountId}`} size="sm">
          {detail.accountUsername}
        </Anchor>
      }
      crumbs={[{ label: t('sqlDatabases.usersTitle'), to: '/services/databases/users' }]}
      badges={
        <Group gap="xs">
          <SqlTypeBadge type={user.type} />
          <Badge variant="outline" color="gray">
            {user.hasPassword ? t('sqlDatabase.hasPassword') : t('sqlDatabase.noPassword')}
          </Badge>
          {!detail.isActive && <Badge color="gray">{t('sqlDatabase.inactive')}</Badge>}
        </Group>
      }
      actions={<DeleteSqlButton kind="user" id={user.id} name={user.username} />}
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
          {tab === 'overview' && (
            <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
              <UserDatabases detail={detail} />
              <UserPasswordForm user={user} />
            </SimpleGrid>
          )}
        </Tabs.Panel>
        <Tabs.Panel value="logs" pt="lg">
          {tab === 'logs' && (
            <LogsPanel
              title={t('sqlDatabase.logsTitle')}
              scope={scope}
              allLink={`/logs?objectType=sqlUser&objectId=${user.id}`}
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
