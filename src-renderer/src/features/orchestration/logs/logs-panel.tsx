import { Button, EmptyState, Group, Paper, Stack, Title } from '@mantine/core'
import { IconExternalLink, IconTerminal2 } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router-dom'
import type { LogListQuery } from '../../../../../src-shared/schemas/orchestration'
import { useChannelQuery } from '../../../api/queries'
import { QueryError } from '../../../components/query-error'
import { TableSkeleton } from '../../../components/table-skeleton'
import { LogsTable } from './logs-table'

type Scope = Pick<LogListQuery, 'serverId' | 'objectType' | 'objectId'>

interface LogsPanelProps {
  title: string
  scope: Scope
  /** The full, filtered list this panel is the start of. */
  allLink: string
}

const LATEST = 10

/** The latest logs of one server or one object, newest first. */
export function LogsPanel({ title, scope, allLink }: LogsPanelProps) {
  const { t } = useTranslation()
  const query = useChannelQuery('logs:list', { ...scope, pageSize: LATEST })
  const data = query.data

  return (
    <Paper withBorder p="lg" component="section" aria-label={title}>
      <Stack gap="md">
        <Group justify="space-between">
          <Title order={4}>{title}</Title>
          {data && data.total > LATEST && (
            <Button
              variant="subtle"
              size="xs"
              component={Link}
              to={allLink}
              rightSection={<IconExternalLink size={14} />}
            >
              {t('logs.all', { count: data.total })}
            </Button>
          )}
        </Group>
        {query.isError && <QueryError error={query.error} onRetry={() => void query.refetch()} />}
        {!data && query.isPending && <TableSkeleton rows={3} />}
        {data && data.total === 0 && (
          <EmptyState
            size="sm"
            icon={<IconTerminal2 size={22} />}
            withIndicatorBackground
            title={t('logs.empty.title')}
            description={t('logs.empty.scoped')}
          />
        )}
        {data && data.rows.length > 0 && (
          <LogsTable rows={data.rows} withServer={scope.serverId === undefined} />
        )}
      </Stack>
    </Paper>
  )
}
