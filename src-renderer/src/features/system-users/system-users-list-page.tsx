import { EmptyState, Paper, Stack } from '@mantine/core'
import { IconPlus, IconTerminal2 } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import {
  SYSTEM_USER_ROLES,
  type SystemUserRole,
  type SystemUserRow,
} from '../../../../src-shared/schemas/system-users'
import { useChannelQuery } from '../../api/queries'
import { ListFooter } from '../../components/list-footer'
import { NoMatches } from '../../components/no-matches'
import { Page } from '../../components/page'
import { QueryError } from '../../components/query-error'
import { TableSkeleton } from '../../components/table-skeleton'
import { WriteLinkButton } from '../../components/write-link-button'
import { useListParams, usePageInRange } from '../../hooks/use-list-params'
import { useSelection } from '../../hooks/use-selection'
import { SystemUsersBulkBar } from './system-users-bulk-bar'
import { SystemUsersTable } from './system-users-table'
import { SystemUsersToolbar } from './system-users-toolbar'
import { useSystemUserSettings } from './use-system-user-settings'

function NewUserButton({ account }: { account: string | null }) {
  const { t } = useTranslation()
  const to = account
    ? `/services/system-users/new?account=${account}`
    : '/services/system-users/new'
  return (
    <WriteLinkButton to={to} leftSection={<IconPlus size={16} />}>
      {t('systemUsers.new')}
    </WriteLinkButton>
  )
}

function NoUsers() {
  const { t } = useTranslation()
  return (
    <EmptyState
      py="xl"
      icon={<IconTerminal2 size={32} />}
      variant="light"
      title={t('systemUsers.empty.title')}
      description={t('systemUsers.empty.description')}
    />
  )
}

const roleOf = (value: string | null) =>
  SYSTEM_USER_ROLES.find((role) => role === value) as SystemUserRole | undefined

export function SystemUsersListPage() {
  const { t } = useTranslation()
  const list = useListParams(['username'] as const, { sort: 'username' })
  const selection = useSelection<SystemUserRow>()
  const { shells } = useSystemUserSettings()
  const filters = {
    q: list.q,
    account: list.params.get('account'),
    role: list.params.get('role'),
    shell: list.params.get('shell'),
    active: list.params.get('active'),
  }
  const filtered = Object.values(filters).some(Boolean)
  const query = useChannelQuery(
    'systemUsers:list',
    {
      q: list.q,
      page: list.page,
      pageSize: list.pageSize,
      dir: list.dir,
      accountId: Number(filters.account) || undefined,
      role: roleOf(filters.role),
      shell: filters.shell || undefined,
      active: filters.active ? filters.active === 'yes' : undefined,
    },
    { keepPrevious: true },
  )
  const data = query.data
  usePageInRange(list, data)
  const isEmpty = data !== undefined && data.total === 0 && !filtered
  const clear = { q: null, account: null, role: null, shell: null, active: null }

  return (
    <Page
      title={t('systemUsers.title')}
      description={t('systemUsers.description')}
      actions={<NewUserButton account={filters.account} />}
      ready={query.isSuccess && !query.isFetching}
    >
      {query.isError && <QueryError error={query.error} onRetry={() => void query.refetch()} />}
      {isEmpty && <NoUsers />}
      {!isEmpty && (
        <Stack gap="md">
          <SystemUsersToolbar {...filters} shells={shells} onChange={list.update} />
          <Paper withBorder>
            {!data && query.isPending && <TableSkeleton />}
            {data && data.rows.length > 0 && (
              <SystemUsersTable
                rows={data.rows}
                dir={list.dir}
                onSort={list.toggleSort}
                selection={selection}
              />
            )}
            {data && data.rows.length === 0 && <NoMatches onClear={() => list.update(clear)} />}
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
      <SystemUsersBulkBar selection={selection} />
    </Page>
  )
}
