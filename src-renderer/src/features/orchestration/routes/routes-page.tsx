import { EmptyState, Paper } from '@mantine/core'
import { IconPlus, IconRoute } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { useChannelQuery } from '../../../api/queries'
import { Page } from '../../../components/page'
import { QueryError } from '../../../components/query-error'
import { TableSkeleton } from '../../../components/table-skeleton'
import { RoutesTable } from './routes-table'
import { WriteLinkButton } from '../../../components/write-link-button'

function NewRouteButton() {
  const { t } = useTranslation()
  return (
    <WriteLinkButton to="/routes/new" leftSection={<IconPlus size={16} />}>
      {t('routes.new')}
    </WriteLinkButton>
  )
}

/** Administration > Routes: which backend's changes go to which server. */
export function RoutesPage() {
  const { t } = useTranslation()
  const query = useChannelQuery('routes:list', {})
  const routes = query.data ?? []

  return (
    <Page
      title={t('routes.title')}
      description={t('routes.description')}
      actions={<NewRouteButton />}
      ready={query.isSuccess && !query.isFetching}
    >
      {query.isError && <QueryError error={query.error} onRetry={() => void query.refetch()} />}
      {query.isPending && <TableSkeleton rows={3} />}
      {query.isSuccess && routes.length === 0 && (
        <EmptyState
          py="xl"
          icon={<IconRoute size={32} />}
          variant="light"
          title={t('routes.empty.title')}
          description={t('routes.empty.description')}
        >
          <EmptyState.Actions>
            <NewRouteButton />
          </EmptyState.Actions>
        </EmptyState>
      )}
      {routes.length > 0 && (
        <Paper withBorder>
          <RoutesTable routes={routes} />
        </Paper>
      )}
    </Page>
  )
}
