import { Select } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { ORDER_BILLING_STATES } from '../../../../src-shared/schemas/billing-orders'
import { useChannelQuery } from '../../api/queries'
import { SearchInput } from '../../components/search-input'
import type { ParamPatch } from '../../hooks/use-list-params'
import { AccountSelect } from '../domains/account-select'

export interface OrderFilterValues {
  q: string
  active: string | null
  ignored: string | null
  billing: string | null
  account: string | null
  service: string | null
}

/** The filters of spec billing 4.1; ignored orders stay hidden until asked for. */
export function OrderFilters(props: {
  values: OrderFilterValues
  onChange: (p: ParamPatch) => void
}) {
  const { values, onChange } = props
  const { t } = useTranslation()
  const services = useChannelQuery('billingServices:list', { pageSize: 200 })
  const serviceOptions = (services.data?.rows ?? []).map((row) => ({
    value: String(row.id),
    label: row.description,
  }))

  return (
    <>
      <SearchInput
        value={values.q}
        onChange={(text) => onChange({ q: text })}
        label={t('billing.orders.search')}
        placeholder={t('billing.orders.searchPlaceholder')}
        minWidth={160}
      />
      <Select
        label={t('billing.orders.filters.service')}
        data={serviceOptions}
        placeholder={t('common.all')}
        searchable
        clearable
        value={values.service}
        onChange={(value) => onChange({ service: value })}
        w={180}
      />
      <AccountSelect
        label={t('billing.orders.filters.account')}
        placeholder={t('common.all')}
        value={values.account}
        onChange={(value) => onChange({ account: value })}
        w={160}
      />
      <Select
        label={t('billing.orders.filters.active')}
        data={[
          { value: '1', label: t('billing.orders.active') },
          { value: '0', label: t('billing.orders.cancelled') },
        ]}
        placeholder={t('common.all')}
        clearable
        value={values.active}
        onChange={(value) => onChange({ active: value })}
        w={130}
      />
      <Select
        label={t('billing.orders.filters.billing')}
        data={ORDER_BILLING_STATES.map((value) => ({
          value,
          label: t(`billing.orders.billingStates.${value}`),
        }))}
        placeholder={t('common.all')}
        clearable
        value={values.billing}
        onChange={(value) => onChange({ billing: value })}
        w={150}
      />
      <Select
        label={t('billing.orders.filters.ignored')}
        data={(['no', 'yes', 'all'] as const).map((value) => ({
          value,
          label: t(`billing.orders.ignoredStates.${value}`),
        }))}
        value={values.ignored ?? 'no'}
        onChange={(value) => onChange({ ignored: value === 'no' ? null : value })}
        allowDeselect={false}
        w={150}
      />
    </>
  )
}
