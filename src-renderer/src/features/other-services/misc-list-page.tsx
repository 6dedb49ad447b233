import { Button, Select } from '@mantine/core'
import { IconCategory, IconPackage, IconPlus } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router-dom'
import { useChannelQuery } from '../../api/queries'
import { Page } from '../../components/page'
import { QueryError } from '../../components/query-error'
import { SearchInput } from '../../components/search-input'
import { WriteLinkButton } from '../../components/write-link-button'
import { useListParams, usePageInRange } from '../../hooks/use-list-params'
import { AccountSelect } from '../domains/account-select'
import { ListFrame } from './list-frame'
import { MiscTable } from './misc-table'

/** The kinds of service, for the filter and the create form. */
export function useMiscServiceOptions() {
  const query = useChannelQuery('miscServices:list', { pageSize: 200 })
  return (query.data?.rows ?? []).map((row) => ({
    value: String(row.id),
    label: row.verboseName || row.name,
    row,
  }))
}

export function MiscListPage() {
  const { t } = useTranslation()
  const list = useListParams(['service'] as const, { sort: 'service' })
  const account = list.params.get('account')
  const service = list.params.get('service')
  const services = useMiscServiceOptions()
  const query = useChannelQuery(
    'miscellaneous:list',
    {
      q: list.q,
      page: list.page,
      pageSize: list.pageSize,
      dir: list.dir,
      accountId: Number(account) || undefined,
      serviceId: Number(service) || undefined,
    },
    { keepPrevious: true },
  )
  usePageInRange(list, query.data)
  const newPath = account
    ? `/services/miscellaneous/new?account=${account}`
    : '/services/miscellaneous/new'
  const toolbar = (
    <>
      <SearchInput
        value={list.q}
        onChange={(text) => list.update({ q: text })}
        label={t('otherServices.misc.searchLabel')}
        placeholder={t('otherServices.misc.searchPlaceholder')}
      />
      <AccountSelect
        label={t('otherServices.misc.columns.account')}
        value={account}
        onChange={(value) => list.update({ account: value })}
        w={180}
      />
      <Select
        label={t('otherServices.misc.columns.service')}
        data={services.map(({ value, label }) => ({ value, label }))}
        value={service}
        onChange={(value) => list.update({ service: value })}
        clearable
        w={200}
      />
    </>
  )
  const actions = (
    <>
      <Button
        variant="default"
        component={Link}
        to="/services/miscellaneous/services"
        leftSection={<IconCategory size={16} />}
      >
        {t('otherServices.misc.kinds')}
      </Button>
      <WriteLinkButton to={newPath} leftSection={<IconPlus size={16} />}>
        {t('otherServices.misc.new')}
      </WriteLinkButton>
    </>
  )

  return (
    <Page
      title={t('otherServices.misc.title')}
      description={t('otherServices.misc.description')}
      actions={actions}
      ready={query.isSuccess && !query.isFetching}
    >
      {query.isError && <QueryError error={query.error} onRetry={() => void query.refetch()} />}
      <ListFrame
        data={query.data}
        pending={query.isPending}
        filtered={Boolean(list.q || account || service)}
        empty={{
          icon: <IconPackage size={32} />,
          title: t('otherServices.misc.emptyTitle'),
          description: t('otherServices.misc.emptyBody'),
        }}
        toolbar={toolbar}
        page={list.page}
        pageSize={list.pageSize}
        onChange={list.update}
        onClear={() => list.update({ q: null, account: null, service: null })}
      >
        {(rows) => <MiscTable rows={rows} />}
      </ListFrame>
    </Page>
  )
}
