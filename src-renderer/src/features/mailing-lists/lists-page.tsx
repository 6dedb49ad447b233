import { IconPlus } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import type { MailingListRow } from '../../../../src-shared/schemas/mailing-lists'
import { useChannelQuery } from '../../api/queries'
import { Page } from '../../components/page'
import { QueryError } from '../../components/query-error'
import { WriteLinkButton } from '../../components/write-link-button'
import { useListParams, usePageInRange } from '../../hooks/use-list-params'
import { useSelection } from '../../hooks/use-selection'
import { ListLayout } from '../mail/list-layout'
import { ListToolbar } from '../mail/list-toolbar'
import { ListBulkBar } from './list-bulk-bar'
import { ListsTable } from './lists-table'

/** Every mailing list, searchable by name, address and owner. */
export function ListsPage() {
  const { t } = useTranslation()
  const list = useListParams(['name'] as const, { sort: 'name' })
  const selection = useSelection<MailingListRow>()
  const account = list.params.get('account')
  const active = list.params.get('active')
  const query = useChannelQuery(
    'mailingLists:list',
    {
      q: list.q,
      page: list.page,
      pageSize: list.pageSize,
      dir: list.dir,
      accountId: Number(account) || undefined,
      isActive: active === null ? undefined : active === '1',
    },
    { keepPrevious: true },
  )
  usePageInRange(list, query.data)
  const base = '/services/mailing-lists/new'

  return (
    <Page
      title={t('mailingLists.title')}
      description={t('mailingLists.description')}
      actions={
        <WriteLinkButton
          to={account ? `${base}?account=${account}` : base}
          leftSection={<IconPlus size={16} />}
        >
          {t('mailingLists.new')}
        </WriteLinkButton>
      }
      ready={query.isSuccess && !query.isFetching}
    >
      {query.isError && <QueryError error={query.error} onRetry={() => void query.refetch()} />}
      <ListLayout
        toolbar={
          <ListToolbar
            labels={{
              search: t('mailingLists.searchLabel'),
              searchPlaceholder: t('mailingLists.searchPlaceholder'),
              account: t('mailingLists.filterAccount'),
              accountAll: t('mailingLists.filterAccountAll'),
              state: t('mailingLists.filterState'),
            }}
            q={list.q}
            account={account}
            active={active}
            onChange={list.update}
          />
        }
        data={query.data}
        pending={query.isPending}
        page={list.page}
        pageSize={list.pageSize}
        onPage={list.update}
        onClear={() => list.update({ q: null, account: null, active: null })}
      >
        <ListsTable
          rows={query.data?.rows ?? []}
          dir={list.dir}
          onSort={list.toggleSort}
          selection={selection}
        />
      </ListLayout>
      <ListBulkBar selection={selection} />
    </Page>
  )
}
