import { IconPlus } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import type { MailAddressRow } from '../../../../src-shared/schemas/mail'
import { useChannelQuery } from '../../api/queries'
import { Page } from '../../components/page'
import { QueryError } from '../../components/query-error'
import { WriteLinkButton } from '../../components/write-link-button'
import { useListParams, usePageInRange } from '../../hooks/use-list-params'
import { useSelection } from '../../hooks/use-selection'
import { AddressesTable } from './addresses-table'
import { ListLayout } from './list-layout'
import { ListToolbar } from './list-toolbar'
import { MailBulkBar } from './mail-bulk-bar'
import { searchForEmail } from './unicode-email'

export function AddressesListPage() {
  const { t } = useTranslation()
  const list = useListParams(['email'] as const, { sort: 'email' })
  const selection = useSelection<MailAddressRow>()
  const account = list.params.get('account')
  const query = useChannelQuery(
    'mailAddresses:list',
    {
      q: searchForEmail(list.q),
      page: list.page,
      pageSize: list.pageSize,
      dir: list.dir,
      accountId: Number(account) || undefined,
    },
    { keepPrevious: true },
  )
  usePageInRange(list, query.data)
  const to = account
    ? `/services/mail-addresses/new?account=${account}`
    : '/services/mail-addresses/new'
  const toolbar = (
    <ListToolbar
      labels={{
        search: t('mail.addresses.searchLabel'),
        searchPlaceholder: t('mail.addresses.searchPlaceholder'),
        account: t('mail.filterAccount'),
        accountAll: t('mail.filterAccountAll'),
      }}
      q={list.q}
      account={account}
      onChange={list.update}
    />
  )

  return (
    <Page
      title={t('mail.addresses.title')}
      description={t('mail.addresses.description')}
      actions={
        <WriteLinkButton to={to} leftSection={<IconPlus size={16} />}>
          {t('mail.addresses.new')}
        </WriteLinkButton>
      }
      ready={query.isSuccess && !query.isFetching}
    >
      {query.isError && <QueryError error={query.error} onRetry={() => void query.refetch()} />}
      <ListLayout
        toolbar={toolbar}
        data={query.data}
        pending={query.isPending}
        page={list.page}
        pageSize={list.pageSize}
        onPage={list.update}
        onClear={() => list.update({ q: null, account: null })}
      >
        <AddressesTable rows={query.data?.rows ?? []} selection={selection} />
      </ListLayout>
      <MailBulkBar kind="mailAddresses" selection={selection} />
    </Page>
  )
}
