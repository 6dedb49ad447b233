import { EmptyState, Paper, Stack } from '@mantine/core'
import { IconPlus, IconWorld } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import type { DomainRow } from '../../../../src-shared/schemas/domains'
import { useChannelQuery } from '../../api/queries'
import { ListFooter } from '../../components/list-footer'
import { NoMatches } from '../../components/no-matches'
import { Page } from '../../components/page'
import { QueryError } from '../../components/query-error'
import { TableSkeleton } from '../../components/table-skeleton'
import { WriteLinkButton } from '../../components/write-link-button'
import { useListParams, usePageInRange } from '../../hooks/use-list-params'
import { useSelection } from '../../hooks/use-selection'
import { searchForName } from '../../lib/domain-search'
import { DomainsBulkBar } from './domains-bulk-bar'
import { DomainsTable } from './domains-table'
import { DomainsToolbar } from './domains-toolbar'

function NewDomainButton({ account }: { account: string | null }) {
  const { t } = useTranslation()
  const to = account ? `/services/domains/new?account=${account}` : '/services/domains/new'
  return (
    <WriteLinkButton to={to} leftSection={<IconPlus size={16} />}>
      {t('domains.new')}
    </WriteLinkButton>
  )
}

function NoDomains() {
  const { t } = useTranslation()
  return (
    <EmptyState
      py="xl"
      icon={<IconWorld size={32} />}
      variant="light"
      title={t('domains.empty.title')}
      description={t('domains.empty.description')}
    >
      <EmptyState.Actions>
        <NewDomainButton account={null} />
      </EmptyState.Actions>
    </EmptyState>
  )
}

export function DomainsListPage() {
  const { t } = useTranslation()
  const list = useListParams(['name'] as const, { sort: 'name' })
  const selection = useSelection<DomainRow>()
  const account = list.params.get('account')
  const topOnly = list.params.get('top') === '1'
  const filtered = Boolean(list.q || account || topOnly)
  const query = useChannelQuery(
    'domains:list',
    {
      q: searchForName(list.q),
      page: list.page,
      pageSize: list.pageSize,
      dir: list.dir,
      accountId: Number(account) || undefined,
      topOnly,
    },
    { keepPrevious: true },
  )
  const data = query.data
  usePageInRange(list, data)
  const isEmpty = data !== undefined && data.total === 0 && !filtered

  return (
    <Page
      title={t('domains.title')}
      description={t('domains.description')}
      actions={<NewDomainButton account={account} />}
      ready={query.isSuccess && !query.isFetching}
    >
      {query.isError && <QueryError error={query.error} onRetry={() => void query.refetch()} />}
      {isEmpty && <NoDomains />}
      {!isEmpty && (
        <Stack gap="md">
          <DomainsToolbar q={list.q} account={account} topOnly={topOnly} onChange={list.update} />
          <Paper withBorder>
            {!data && query.isPending && <TableSkeleton />}
            {data && data.rows.length > 0 && (
              <DomainsTable
                rows={data.rows}
                dir={list.dir}
                onSort={list.toggleSort}
                selection={selection}
              />
            )}
            {data && data.rows.length === 0 && (
              <NoMatches onClear={() => list.update({ q: null, account: null, top: null })} />
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
      <DomainsBulkBar selection={selection} />
    </Page>
  )
}
