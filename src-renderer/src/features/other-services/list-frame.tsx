import { EmptyState, Group, Paper, Stack } from '@mantine/core'
import type { ReactNode } from 'react'
import type { Page as ListPage } from '../../../../src-shared/schemas/common'
import { ListFooter } from '../../components/list-footer'
import { NoMatches } from '../../components/no-matches'
import { TableSkeleton } from '../../components/table-skeleton'
import type { ParamPatch } from '../../hooks/use-list-params'

interface ListFrameProps<Row> {
  data: ListPage<Row> | undefined
  pending: boolean
  /** Whether a search or filter narrows the list (an empty one then offers to clear it). */
  filtered: boolean
  empty: { icon: ReactNode; title: string; description: string }
  toolbar: ReactNode
  page: number
  pageSize: number
  onChange: (patch: ParamPatch) => void
  onClear: () => void
  children: (rows: Row[]) => ReactNode
}

/** A list page's body: the empty state, or the toolbar, the table and the paging. */
export function ListFrame<Row>(props: ListFrameProps<Row>) {
  const { data, empty } = props
  if (data && data.total === 0 && !props.filtered) {
    return (
      <EmptyState
        py="xl"
        icon={empty.icon}
        variant="light"
        title={empty.title}
        description={empty.description}
      />
    )
  }
  return (
    <Stack gap="md">
      <Group gap="sm" align="flex-end" wrap="wrap">
        {props.toolbar}
      </Group>
      <Paper withBorder>
        {!data && props.pending && <TableSkeleton />}
        {data && data.rows.length > 0 && props.children(data.rows)}
        {data && data.rows.length === 0 && <NoMatches onClear={props.onClear} />}
      </Paper>
      {data && data.total > 0 && (
        <ListFooter
          total={data.total}
          totalExact={data.totalExact}
          page={props.page}
          pageSize={props.pageSize}
          onPageChange={(page) => props.onChange({ page })}
          onPageSizeChange={(size) => props.onChange({ size })}
        />
      )}
    </Stack>
  )
}
