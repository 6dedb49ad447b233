import { Select } from '@mantine/core'
import { IconPlus, IconServer2 } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { VPS_KINDS } from '../../../../src-shared/schemas/other-service-settings'
import { useChannelQuery } from '../../api/queries'
import { Page } from '../../components/page'
import { QueryError } from '../../components/query-error'
import { SearchInput } from '../../components/search-input'
import { WriteLinkButton } from '../../components/write-link-button'
import { useListParams, usePageInRange } from '../../hooks/use-list-params'
import { AccountSelect } from '../domains/account-select'
import { ListFrame } from './list-frame'
import { VpsTable } from './vps-table'

export function VpsListPage() {
  const { t } = useTranslation()
  const list = useListParams(['hostname'] as const, { sort: 'hostname' })
  const account = list.params.get('account')
  const type = VPS_KINDS.find((kind) => kind === list.params.get('type'))
  const query = useChannelQuery(
    'vps:list',
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
  const newPath = account ? `/services/vps/new?account=${account}` : '/services/vps/new'
  const toolbar = (
    <>
      <SearchInput
        value={list.q}
        onChange={(text) => list.update({ q: text })}
        label={t('otherServices.vps.searchLabel')}
        placeholder={t('otherServices.vps.searchPlaceholder')}
      />
      <AccountSelect
        label={t('otherServices.vps.columns.account')}
        value={account}
        onChange={(value) => list.update({ account: value })}
        w={180}
      />
      <Select
        label={t('otherServices.vps.columns.type')}
        data={VPS_KINDS.map((kind) => ({
          value: kind,
          label: t(`otherServices.vps.types.${kind}`),
        }))}
        value={type ?? null}
        onChange={(value) => list.update({ type: value })}
        clearable
        w={140}
      />
    </>
  )

  return (
    <Page
      title={t('otherServices.vps.title')}
      description={t('otherServices.vps.description')}
      actions={
        <WriteLinkButton to={newPath} leftSection={<IconPlus size={16} />}>
          {t('otherServices.vps.new')}
        </WriteLinkButton>
      }
      ready={query.isSuccess && !query.isFetching}
    >
      {query.isError && <QueryError error={query.error} onRetry={() => void query.refetch()} />}
      <ListFrame
        data={query.data}
        pending={query.isPending}
        filtered={Boolean(list.q || account || type)}
        empty={{
          icon: <IconServer2 size={32} />,
          title: t('otherServices.vps.emptyTitle'),
          description: t('otherServices.vps.emptyBody'),
        }}
        toolbar={toolbar}
        page={list.page}
        pageSize={list.pageSize}
        onChange={list.update}
        onClear={() => list.update({ q: null, account: null, type: null })}
      >
        {(rows) => <VpsTable rows={rows} dir={list.dir} onSort={list.toggleSort} />}
      </ListFrame>
    </Page>
  )
}
