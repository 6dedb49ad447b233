import type { ReactNode } from 'react'
import { Paper, Stack } from '@mantine/core'
import { ListFooter } from '../../components/list-footer'
import { NoMatches } from '../../components/no-matches'
import { TableSkeleton } from '../../components/table-skeleton'
import type { Page as PageOf } from '../../../../src-shared/schemas/common'

interface ListLayoutProps<Row> {
  toolbar: ReactNode
  data: PageOf<Row> | undefined
  pending: boolean
  page: number
  pageSize: number
  onPage: (patch: { page?: number; size?: number }) => void
  onClear: () => void
  /** Shown instead of "nothing matches" when the list is empty with no filter set. */
  empty?: ReactNode
  children: ReactNode
}

/** Toolbar, table (or a skeleton, or "nothing matches") and the pager of a mail list. */
export function ListLayout<Row>(props: ListLayoutProps<Row>) {
  const { data } = props
  return (
    <Stack gap="md">
      {props.toolbar}
      <Paper withBorder>
        {!data && props.pending && <TableSkeleton />}
        {data && data.rows.length > 0 && props.children}
        {data && data.rows.length === 0 && (props.empty ?? <NoMatches onClear={props.onClear} />)}
      </Paper>
      {data && data.total > 0 && (
        <ListFooter
          total={data.total}
          totalExact={data.totalExact}
          page={props.page}
          pageSize={props.pageSize}
          onPageChange={(page) => props.onPage({ page })}
          onPageSizeChange={(size) => props.onPage({ size })}
        />
      )}
    </Stack>
  )
}
