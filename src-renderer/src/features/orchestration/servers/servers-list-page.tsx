import { Button, EmptyState, Paper } from '@mantine/core'
import { IconHeartRateMonitor, IconPlus, IconServer } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { useChannelQuery } from '../../../api/queries'
import { Page } from '../../../components/page'
import { QueryError } from '../../../components/query-error'
import { TableSkeleton } from '../../../components/table-skeleton'
import { ServersTable } from './servers-table'
import { useServerChecks } from './use-server-checks'
import { WriteLinkButton } from '../../../components/write-link-button'

function NewServerButton() {
  const { t } = useTranslation()
  return (
    <WriteLinkButton to="/servers/new" leftSection={<IconPlus size={16} />}>
      {t('servers.new')}
    </WriteLinkButton>
  )
}

function NoServers() {
  const { t } = useTranslation()
  return (
    <EmptyState
      py="xl"
      icon={<IconServer size={32} />}
      variant="light"
      title={t('servers.empty.title')}
      description={t('servers.empty.description')}
    >
      <EmptyState.Actions>
        <NewServerButton />
      </EmptyState.Actions>
    </EmptyState>
  )
}

/** Administration > Servers: where scripts go, how they get there, and whether they answer. */
export function ServersListPage() {
  const { t } = useTranslation()
  const query = useChannelQuery('servers:list', {})
  const checks = useServerChecks()
  const servers = query.data ?? []

  const checkButton = (
    <Button
      variant="default"
      leftSection={<IconHeartRateMonitor size={16} />}
      loading={checks.checking}
      disabled={servers.length === 0}
      onClick={() => checks.run(servers.map((server) => server.id))}
    >
      {t('servers.checkAll')}
    </Button>
  )

  return (
    <Page
      title={t('servers.title')}
      description={t('servers.description')}
      actions={
        <>
          {checkButton}
          <NewServerButton />
        </>
      }
      ready={query.isSuccess && !query.isFetching && !checks.checking}
    >
      {query.isError && <QueryError error={query.error} onRetry={() => void query.refetch()} />}
      {query.isPending && <TableSkeleton />}
      {query.isSuccess && servers.length === 0 && <NoServers />}
      {servers.length > 0 && (
        <Paper withBorder>
          <ServersTable servers={servers} checks={checks.results} />
        </Paper>
      )}
    </Page>
  )
}
