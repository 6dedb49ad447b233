import { useState } from 'react'
import { EmptyState, Paper, Stack } from '@mantine/core'
import { IconHistory } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import type { HistoryListQuery } from '../../../../src-shared/schemas/history'
import { useChannelQuery } from '../../api/queries'
import { ListFooter } from '../../components/list-footer'
import { QueryError } from '../../components/query-error'
import { TableSkeleton } from '../../components/table-skeleton'
import { HistoryTable } from './history-table'

type Scope = Pick<HistoryListQuery, 'accountId' | 'objectType' | 'objectId'>

interface HistoryPanelProps {
  scope: Scope
  withObject?: boolean
}

/** The history of one object (or of an account and what it owns), newest first. */
export function HistoryPanel({ scope, withObject }: HistoryPanelProps) {
  const { t } = useTranslation()
  const [page, setPage] = useState(1)
  const [pageSize, setPageSize] = useState(25)
  const query = useChannelQuery(
    'history:list',
    { ...scope, page, pageSize },
    { keepPrevious: true },
  )
  const data = query.data

  if (query.isError) return <QueryError error={query.error} onRetry={() => void query.refetch()} />
  if (!data) return <TableSkeleton rows={4} />
  if (data.total === 0) {
    return (
      <EmptyState
        py="xl"
        icon={<IconHistory size={28} />}
        withIndicatorBackground
        title={t('history.empty.title')}
        description={t('history.empty.description')}
      />
    )
  }

  return (
    <Stack gap="md" data-ready={!query.isFetching}>
      <Paper withBorder>
        <HistoryTable entries={data.rows} withObject={withObject} />
      </Paper>
      <ListFooter
        total={data.total}
        page={page}
        pageSize={pageSize}
        onPageChange={setPage}
        onPageSizeChange={(size) => {
          setPageSize(size)
          setPage(1)
        }}
      />
    </Stack>
  )
}
