import { EmptyState, Paper, Stack } from '@mantine/core'
import { IconPlus, IconUsers } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import {
  ACCOUNT_SORTS,
  ACCOUNT_TYPES,
  type AccountRow,
  type AccountType,
} from '../../../../src-shared/schemas/accounts'
import { useChannelQuery } from '../../api/queries'
import { ListFooter } from '../../components/list-footer'
import { NoMatches } from '../../components/no-matches'
import { Page } from '../../components/page'
import { QueryError } from '../../components/query-error'
import { TableSkeleton } from '../../components/table-skeleton'
import { useListParams, usePageInRange } from '../../hooks/use-list-params'
import { useSelection } from '../../hooks/use-selection'
import { AccountsBulkBar } from './accounts-bulk-bar'
import { AccountsTable } from './accounts-table'
import { AccountsToolbar } from './accounts-toolbar'
import { WriteLinkButton } from '../../components/write-link-button'

function NewAccountButton() {
  const { t } = useTranslation()
  return (
    <WriteLinkButton to="/accounts/new" leftSection={<IconPlus size={16} />}>
      {t('accounts.new')}
    </WriteLinkButton>
  )
}

function NoAccounts() {
  const { t } = useTranslation()
  return (
    <EmptyState
      py="xl"
      icon={<IconUsers size={32} />}
      variant="light"
      title={t('accounts.empty.title')}
      description={t('accounts.empty.description')}
    >
      <EmptyState.Actions>
        <NewAccountButton />
      </EmptyState.Actions>
    </EmptyState>
  )
}

function statusToActive(status: string | null): boolean | undefined {
  if (status === 'active') return true
  if (status === 'disabled') return false
  return undefined
}

export function AccountsListPage() {
  const { t } = useTranslation()
  const list = useListParams(ACCOUNT_SORTS, { sort: 'username' })
  const rawType = list.params.get('type')
  const type = ACCOUNT_TYPES.find((known) => known === rawType) as AccountType | undefined
  const status = list.params.get('status')
  const filtered = Boolean(list.q || type || status)
  const selection = useSelection<AccountRow>()
  const query = useChannelQuery(
    'accounts:list',
    {
      q: list.q,
      page: list.page,
      pageSize: list.pageSize,
      sort: list.sort,
      dir: list.dir,
      type,
      active: statusToActive(status),
    },
    { keepPrevious: true },
  )
  const data = query.data
  usePageInRange(list, data)
  const isEmpty = data !== undefined && data.total === 0 && !filtered

  return (
    <Page
      title={t('accounts.title')}
      description={t('accounts.description')}
      actions={<NewAccountButton />}
      ready={query.isSuccess && !query.isFetching}
    >
      {query.isError && <QueryError error={query.error} onRetry={() => void query.refetch()} />}
      {isEmpty && <NoAccounts />}
      {!isEmpty && (
        <Stack gap="md">
          <AccountsToolbar q={list.q} type={type ?? null} status={status} onChange={list.update} />
          <Paper withBorder>
            {!data && query.isPending && <TableSkeleton />}
            {data && data.rows.length > 0 && (
              <AccountsTable
                rows={data.rows}
                sort={list.sort}
                dir={list.dir}
                onSort={list.toggleSort}
                selection={selection}
              />
            )}
            {data && data.rows.length === 0 && (
              <NoMatches onClear={() => list.update({ q: null, type: null, status: null })} />
            )}
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
      )}
      <AccountsBulkBar selection={selection} />
    </Page>
  )
}
