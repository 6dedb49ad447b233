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

function NewDatabaseButton({ account }: { account: string | null }) {
  const { t } = useTranslation()
  const to = `/services/databases/new${account ? `?account=${account}` : ''}`
  return (
    <WriteLinkButton to={to} leftSection={<IconPlus size={16} />}>
      {t('sqlDatabases.new')}
    </WriteLinkButton>
  )
}

export function DatabasesListPage() {
  const { t } = useTranslation()
  const list = useListParams(['name'] as const, { sort: 'name' })
  const account = list.params.get('account')
  const type = (list.params.get('type') as SqlType | null) ?? undefined
  const query = useChannelQuery(
    'sqlDatabases:list',
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
      related: row.usernames,
      path: `/services/databases/${row.id}`,
    })),
  }

  return (
    <Page
      title={t('sqlDatabases.title')}
      description={t('sqlDatabases.description')}
      actions={<NewDatabaseButton account={account} />}
      ready={query.isSuccess && !query.isFetching}
    >
      <Stack gap="md">
        <SqlTabs current="databases" />
        {query.isError && <QueryError error={query.error} onRetry={() => void query.refetch()} />}
        <SqlList
          list={list}
          data={data}
          pending={query.isPending}
          columns={{
            name: t('sqlDatabases.columns.name'),
            related: t('sqlDatabases.columns.users'),
          }}
          deleteChannel="sqlDatabases:delete"
          empty={{
            title: t('sqlDatabases.empty.title'),
            description: t('sqlDatabases.empty.description'),
            action: <NewDatabaseButton account={null} />,
          }}
        />
      </Stack>
    </Page>
  )
}
