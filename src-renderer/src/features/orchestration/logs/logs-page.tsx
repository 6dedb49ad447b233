import { EmptyState, Paper, Stack } from '@mantine/core'
import { IconTerminal2 } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import type { LogRow } from '../../../../../src-shared/schemas/orchestration'
import { useChannelQuery } from '../../../api/queries'
import { ListFooter } from '../../../components/list-footer'
import { NoMatches } from '../../../components/no-matches'
import { Page } from '../../../components/page'
import { QueryError } from '../../../components/query-error'
import { TableSkeleton } from '../../../components/table-skeleton'
import { useListParams, usePageInRange } from '../../../hooks/use-list-params'
import { useSelection } from '../../../hooks/use-selection'
import { LogsBulkBar } from './logs-bulk-bar'
import { FILTER_KEYS, filtersToQuery, readFilters } from './logs-filters'
import { LogsTable } from './logs-table'
import { LogsToolbar } from './logs-toolbar'

const SORTS = ['createdAt'] as const

function NoLogs() {
  const { t } = useTranslation()
  return (
    <EmptyState
      py="xl"
      icon={<IconTerminal2 size={28} />}
      withIndicatorBackground
      title={t('logs.empty.title')}
      description={t('logs.empty.description')}
    />
  )
}

/** Administration > Backend logs: every script sent to a server, newest first. */
export function LogsPage() {
  const { t } = useTranslation()
  const list = useListParams(SORTS, { sort: 'createdAt', dir: 'desc' })
  const filters = readFilters(list.params)
  const filtered = Boolean(list.q || Object.values(filters).some(Boolean))
  const selection = useSelection<LogRow>()
  const query = useChannelQuery(
    'logs:list',
    {
      q: list.q,
      page: list.page,
      pageSize: list.pageSize,
      dir: list.dir,
      ...filtersToQuery(filters),
    },
    { keepPrevious: true },
  )
  const data = query.data
  usePageInRange(list, data)
  const clear = () =>
    list.update(Object.fromEntries(['q', ...FILTER_KEYS].map((key) => [key, null])))

  return (
    <Page
      title={t('logs.title')}
      description={t('logs.description')}
      ready={query.isSuccess && !query.isFetching}
    >
      {query.isError && <QueryError error={query.error} onRetry={() => void query.refetch()} />}
      <Stack gap="md">
        <LogsToolbar q={list.q} filters={filters} onChange={list.update} />
        <Paper withBorder>
          {!data && query.isPending && <TableSkeleton />}
          {data && data.rows.length > 0 && <LogsTable rows={data.rows} selection={selection} />}
          {data && data.rows.length === 0 && filtered && <NoMatches onClear={clear} />}
          {data && data.total === 0 && !filtered && <NoLogs />}
        </Paper>
        {data && data.total > 0 && (
          <ListFooter
            total={data.total}
            totalExact={data.totalExact}
            page={list.page}
            pageSize={list.pageSize}
            onPageChange={(page) => list.update({ page })}
            onPageSizeChange={(size) => list.update({ size })}
          />
        )}
      </Stack>
      <LogsBulkBar selection={selection} />
    </Page>
  )
}
