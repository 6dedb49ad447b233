import { IconPlus } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import type { MailboxRow } from '../../../../src-shared/schemas/mail'
import { useChannelQuery } from '../../api/queries'
import { Page } from '../../components/page'
import { QueryError } from '../../components/query-error'
import { WriteLinkButton } from '../../components/write-link-button'
import { useListParams, usePageInRange } from '../../hooks/use-list-params'
import { useSelection } from '../../hooks/use-selection'
import { ListLayout } from './list-layout'
import { ListToolbar } from './list-toolbar'
import { MailBulkBar } from './mail-bulk-bar'
import { MailboxesTable } from './mailboxes-table'

export function MailboxesListPage() {
  const { t } = useTranslation()
  const list = useListParams(['name'] as const, { sort: 'name' })
  const selection = useSelection<MailboxRow>()
  const account = list.params.get('account')
  const active = list.params.get('active')
  const query = useChannelQuery(
    'mailboxes:list',
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
  const to = account ? `/services/mailboxes/new?account=${account}` : '/services/mailboxes/new'

  return (
    <Page
      title={t('mail.mailboxes.title')}
      description={t('mail.mailboxes.description')}
      actions={
        <WriteLinkButton to={to} leftSection={<IconPlus size={16} />}>
          {t('mail.mailboxes.new')}
        </WriteLinkButton>
      }
      ready={query.isSuccess && !query.isFetching}
    >
      {query.isError && <QueryError error={query.error} onRetry={() => void query.refetch()} />}
      <ListLayout
        toolbar={
          <ListToolbar
            labels={{
              search: t('mail.mailboxes.searchLabel'),
              searchPlaceholder: t('mail.mailboxes.searchPlaceholder'),
              account: t('mail.filterAccount'),
              accountAll: t('mail.filterAccountAll'),
              state: t('mail.filterState'),
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
        <MailboxesTable
          rows={query.data?.rows ?? []}
          dir={list.dir}
          onSort={list.toggleSort}
          selection={selection}
        />
      </ListLayout>
      <MailBulkBar kind="mailboxes" selection={selection} />
    </Page>
  )
}
