import { Group, Select } from '@mantine/core'
import { IconPlus } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import type { MailingListRow } from '../../../../src-shared/schemas/mailing-lists'
import { useChannelQuery } from '../../api/queries'
import { Page } from '../../components/page'
import { QueryError } from '../../components/query-error'
import { SearchInput } from '../../components/search-input'
import { WriteLinkButton } from '../../components/write-link-button'
import { useListParams, usePageInRange, type ParamPatch } from '../../hooks/use-list-params'
import { useSelection } from '../../hooks/use-selection'
import { AccountSelect } from '../domains/account-select'
import { ListLayout } from '../mail/list-layout'
import { ListBulkBar } from './list-bulk-bar'
import { ListsTable } from './lists-table'

function Toolbar(props: {
  q: string
  account: string | null
  active: string | null
  onChange: (patch: ParamPatch) => void
}) {
  const { t } = useTranslation()
  const { onChange } = props
  return (
    <Group gap="sm" align="flex-end" wrap="wrap">
      <SearchInput
        value={props.q}
        onChange={(text) => onChange({ q: text })}
        label={t('mailingLists.searchLabel')}
        placeholder={t('mailingLists.searchPlaceholder')}
      />
      <AccountSelect
        label={t('mailingLists.filterAccount')}
        placeholder={t('mailingLists.filterAccountAll')}
        value={props.account}
        onChange={(value) => onChange({ account: value })}
        w={200}
      />
      <Select
        label={t('mailingLists.filterState')}
        data={[
          { value: '1', label: t('common.active') },
          { value: '0', label: t('common.disabled') },
        ]}
        placeholder={t('common.all')}
        clearable
        value={props.active}
        onChange={(value) => onChange({ active: value })}
        w={160}
      />
    </Group>
  )
}

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
        toolbar={<Toolbar q={list.q} account={account} active={active} onChange={list.update} />}
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
