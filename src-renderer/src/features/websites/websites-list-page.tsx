import { EmptyState, Paper, Stack } from '@mantine/core'
import { IconPlus, IconWorldWww } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { useChannelQuery } from '../../api/queries'
import { ListFooter } from '../../components/list-footer'
import { NoMatches } from '../../components/no-matches'
import { Page } from '../../components/page'
import { QueryError } from '../../components/query-error'
import { SearchInput } from '../../components/search-input'
import { TableSkeleton } from '../../components/table-skeleton'
import { WriteLinkButton } from '../../components/write-link-button'
import { useListParams, usePageInRange } from '../../hooks/use-list-params'
import { WebsitesTable } from './websites-table'

function NewWebsiteButton({ account }: { account: string | null }) {
  const { t } = useTranslation()
  const to = `/services/websites/new${account ? `?account=${account}` : ''}`
  return (
    <WriteLinkButton to={to} leftSection={<IconPlus size={16} />}>
      {t('websites.new')}
    </WriteLinkButton>
  )
}

function NoWebsites() {
  const { t } = useTranslation()
  return (
    <EmptyState
      py="xl"
      icon={<IconWorldWww size={32} />}
      variant="light"
      title={t('websites.empty.title')}
      description={t('websites.empty.description')}
    />
  )
}

export function WebsitesListPage() {
  const { t } = useTranslation()
  const list = useListParams(['name'] as const, { sort: 'name' })
  const account = list.params.get('account')
  const query = useChannelQuery(
    'websites:list',
    {
      q: list.q,
      page: list.page,
      pageSize: list.pageSize,
      dir: list.dir,
      accountId: Number(account) || undefined,
    },
    { keepPrevious: true },
  )
  const data = query.data
  usePageInRange(list, data)
  const isEmpty = data !== undefined && data.total === 0 && !list.q && !account

  return (
    <Page
      title={t('websites.title')}
      description={t('websites.description')}
      actions={<NewWebsiteButton account={account} />}
      ready={query.isSuccess && !query.isFetching}
    >
      {query.isError && <QueryError error={query.error} onRetry={() => void query.refetch()} />}
      {isEmpty && <NoWebsites />}
      {!isEmpty && (
        <Stack gap="md">
          <SearchInput
            value={list.q}
            onChange={(q) => list.update({ q })}
            label={t('websites.search')}
            placeholder={t('websites.searchPlaceholder')}
          />
          <Paper withBorder>
            {!data && query.isPending && <TableSkeleton />}
            {data && data.rows.length > 0 && (
              <WebsitesTable rows={data.rows} dir={list.dir} onSort={list.toggleSort} />
            )}
            {data && data.rows.length === 0 && (
              <NoMatches onClear={() => list.update({ q: null, account: null })} />
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
    </Page>
  )
}
