import { Select } from '@mantine/core'
import { IconBuildingStore, IconPlus } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import {
  BILLABLE_MODELS,
  type BillableModel,
} from '../../../../src-shared/schemas/billing-services'
import { useChannelQuery } from '../../api/queries'
import { Page } from '../../components/page'
import { QueryError } from '../../components/query-error'
import { SearchInput } from '../../components/search-input'
import { WriteLinkButton } from '../../components/write-link-button'
import { useListParams, usePageInRange } from '../../hooks/use-list-params'
import { ListFrame } from '../other-services/list-frame'
import { ServicesTable, type ServiceSort } from './services-table'

const SORTS = ['description', 'contentType', 'nominalPrice', 'activeOrders'] as const

/** Service definitions (spec billing 2.3): what each bills, at what price, for how many orders. */
export function ServicesPage() {
  const { t } = useTranslation()
  const list = useListParams<ServiceSort>(SORTS, { sort: 'description' })
  const model = list.params.get('model') as BillableModel | null
  const active = list.params.get('active')
  const query = useChannelQuery(
    'billingServices:list',
    {
      q: list.q,
      page: list.page,
      pageSize: list.pageSize,
      sort: list.sort,
      dir: list.dir,
      contentType: model && BILLABLE_MODELS.includes(model) ? model : undefined,
      active: active === null ? undefined : active === '1',
    },
    { keepPrevious: true },
  )
  usePageInRange(list, query.data)

  const toolbar = (
    <>
      <SearchInput
        value={list.q}
        onChange={(text) => list.update({ q: text })}
        label={t('billing.services.search')}
        placeholder={t('billing.services.searchPlaceholder')}
      />
      <Select
        label={t('billing.services.fields.contentType')}
        data={BILLABLE_MODELS.map((value) => ({ value, label: t(`billing.models.${value}`) }))}
        placeholder={t('common.all')}
        clearable
        value={model}
        onChange={(value) => list.update({ model: value })}
        w={200}
      />
      <Select
        label={t('billing.services.columns.state')}
        data={[
          { value: '1', label: t('common.active') },
          { value: '0', label: t('common.disabled') },
        ]}
        placeholder={t('common.all')}
        clearable
        value={active}
        onChange={(value) => list.update({ active: value })}
        w={160}
      />
    </>
  )

  return (
    <Page
      title={t('billing.services.title')}
      description={t('billing.services.description')}
      actions={
        <WriteLinkButton to="/billing/services/new" leftSection={<IconPlus size={16} />}>
          {t('billing.services.new')}
        </WriteLinkButton>
      }
      ready={query.isSuccess && !query.isFetching}
    >
      {query.isError && <QueryError error={query.error} onRetry={() => void query.refetch()} />}
      <ListFrame
        data={query.data}
        pending={query.isPending}
        filtered={Boolean(list.q || model || active)}
        empty={{
          icon: <IconBuildingStore size={32} />,
          title: t('billing.services.emptyTitle'),
          description: t('billing.services.emptyBody'),
        }}
        toolbar={toolbar}
        page={list.page}
        pageSize={list.pageSize}
        onChange={list.update}
        onClear={() => list.update({ q: null, model: null, active: null })}
      >
        {(rows) => (
          <ServicesTable rows={rows} sort={list.sort} dir={list.dir} onSort={list.toggleSort} />
        )}
      </ListFrame>
    </Page>
  )
}
