import { Button, EmptyState, Group, Paper, Stack, Title } from '@mantine/core'
import { IconPlus, IconRoute } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router-dom'
import type { Server } from '../../../../../src-shared/schemas/orchestration'
import { useChannelQuery } from '../../../api/queries'
import { QueryError } from '../../../components/query-error'
import { TableSkeleton } from '../../../components/table-skeleton'
import { RoutesTable } from '../routes/routes-table'

/** The routes that send changes to this server. */
export function ServerRoutes({ server }: { server: Server }) {
  const { t } = useTranslation()
  const query = useChannelQuery('routes:list', { serverId: server.id })
  const routes = query.data ?? []

  return (
    <Paper withBorder p="lg" component="section" aria-label={t('server.routesTitle')}>
      <Stack gap="md">
        <Group justify="space-between">
          <Title order={4}>
            {t('server.routesTitle')} ({routes.length})
          </Title>
          <Button
            size="xs"
            variant="light"
            component={Link}
            to={`/routes/new?server=${server.id}`}
            leftSection={<IconPlus size={14} />}
          >
            {t('routes.new')}
          </Button>
        </Group>
        {query.isError && <QueryError error={query.error} onRetry={() => void query.refetch()} />}
        {query.isPending && <TableSkeleton rows={2} />}
        {query.isSuccess && routes.length === 0 && (
          <EmptyState
            size="sm"
            icon={<IconRoute size={22} />}
            withIndicatorBackground
            title={t('server.noRoutes')}
            description={t('server.noRoutesHint')}
          />
        )}
        {routes.length > 0 && <RoutesTable routes={routes} withServer={false} />}
      </Stack>
    </Paper>
  )
}
