import { Stack } from '@mantine/core'
import { IconPlus } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import type { SqlType } from '../../../../src-shared/schemas/sql-databases'
import { useChannelQuery } from '../../api/queries'
import { Page } from '../../components/page'
import { QueryError } from '../../components/query-error'
import { WriteLinkButton } from '../../components/write-link-button'
import { useListParams, usePageInRange } from '../../hooks/use-list-params'
import { SqlList } from './sql-list'
import { SqlTabs } from './sql-tabs'

function NewUserButton({ account }: { account: string | null }) {
  const { t } = useTranslation()
  const to = `/services/databases/users/new${account ? `?account=${account}` : ''}`
  return (
    <WriteLinkButton to={to} leftSection={<IconPlus size={16} />}>
      {t('sqlDatabases.newUser')}
    </WriteLinkButton>
  )
}

export function UsersListPage() {
  const { t } = useTranslation()
  const list = useListParams(['name'] as const, { sort: 'name' })
  const account = list.params.get('account')
  const type = (list.params.get('type') as SqlType | null) ?? undefined
  const query = useChannelQuery(
    'sqlUsers:list',
    {
      q: list.q,
      page: list.page,
      pageSize: list.pageSize,
      dir: list.dir,
      accountId: Number(account) || undefined,
      type,
    },
    { keepPrevious: true },
  )
  usePageInRange(list, query.data)
  const data = query.data && {
    ...query.data,
    rows: query.data.rows.map((row) => ({
      ...row,
      name: row.username,
      related: row.databaseNames,
      path: `/services/databases/users/${row.id}`,
    })),
  }

  return (
    <Page
      title={t('sqlDatabases.usersTitle')}
      description={t('sqlDatabases.usersDescription')}
      actions={<NewUserButton account={account} />}
      ready={query.isSuccess && !query.isFetching}
    >
      <Stack gap="md">
        <SqlTabs current="users" />
        {query.isError && <QueryError error={query.error} onRetry={() => void query.refetch()} />}
        <SqlList
          list={list}
          data={data}
          pending={query.isPending}
          columns={{
            name: t('sqlDatabases.columns.username'),
            related: t('sqlDatabases.columns.databases'),
          }}
          deleteChannel="sqlUsers:delete"
          empty={{
            title: t('sqlDatabases.emptyUsers.title'),
            description: t('sqlDatabases.emptyUsers.description'),
            action: <NewUserButton account={null} />,
          }}
        />
      </Stack>
    </Page>
  )
}
