import { EmptyState, Paper, Stack } from '@mantine/core'
import { IconDatabase } from '@tabler/icons-react'
import type { ReactNode } from 'react'
import type { Page as ListPage } from '../../../../src-shared/schemas/common'
import { ListFooter } from '../../components/list-footer'
import { NoMatches } from '../../components/no-matches'
import { TableSkeleton } from '../../components/table-skeleton'
import type { useListParams } from '../../hooks/use-list-params'
import { useSelection } from '../../hooks/use-selection'
import { BulkDeleteBar } from './bulk-delete-bar'
import { SqlTable, type SqlListRow } from './sql-table'
import { SqlToolbar } from './sql-toolbar'

interface SqlListProps {
  list: ReturnType<typeof useListParams<'name'>>
  data: ListPage<SqlListRow> | undefined
  pending: boolean
  columns: { name: string; related: string }
  deleteChannel: 'sqlDatabases:delete' | 'sqlUsers:delete'
  empty: { title: string; description: string; action: ReactNode }
}

/** The body of both lists: filters, bulk bar, table, paging, or the empty state. */
export function SqlList({ list, data, pending, columns, deleteChannel, empty }: SqlListProps) {
  const selection = useSelection<SqlListRow>()
  const type = list.params.get('type')
  const account = list.params.get('account')
  const filtered = Boolean(list.q || type || account)
  if (data !== undefined && data.total === 0 && !filtered) {
    return (
      <EmptyState
        py="xl"
        icon={<IconDatabase size={32} />}
        variant="light"
        title={empty.title}
        description={empty.description}
      >
        <EmptyState.Actions>{empty.action}</EmptyState.Actions>
      </EmptyState>
    )
  }

  return (
    <Stack gap="md">
      <SqlToolbar q={list.q} type={type} account={account} onChange={list.update} />
      <BulkDeleteBar channel={deleteChannel} selected={selection.rows} onDone={selection.clear} />
      <Paper withBorder>
        {!data && pending && <TableSkeleton />}
        {data && data.rows.length > 0 && (
          <SqlTable
            rows={data.rows}
            columns={columns}
            dir={list.dir}
            onSort={list.toggleSort}
            selection={selection}
          />
        )}
        {data && data.rows.length === 0 && (
          <NoMatches onClear={() => list.update({ q: null, type: null, account: null })} />
        )}
      </Paper>
      {data && data.total > 0 && (
        <ListFooter
          total={data.total}
          page={list.page}
          pageSize={list.pageSize}
          onPageChange={(page) => list.update({ page })}
          onPageSizeChange={(size) => list.update({ size })}
        />
      )}
    </Stack>
  )
}
