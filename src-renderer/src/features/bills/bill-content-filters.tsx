import { Badge, CloseButton, Select } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import {
  AMENDED_FILTERS,
  TOTAL_SIGNS,
  type AmendedFilter,
  type BillListQuery,
  type TotalSign,
} from '../../../../src-shared/schemas/bills'
import type { ParamPatch } from '../../hooks/use-list-params'

/** The address's names of these filters, cleared with the others by "clear filters". */
export const CONTENT_PARAMS = { total: null, amended: null, active: null, order: null }

const pick = <T extends string>(values: readonly T[], value: string | null) =>
  values.find((known) => known === value)

/** The list query's part for what the bills hold, read from the page's address. */
export function billContentQuery(params: URLSearchParams): Partial<BillListQuery> {
  const active = params.get('active')
  return {
    totalSign: pick<TotalSign>(TOTAL_SIGNS, params.get('total')),
    amended: pick<AmendedFilter>(AMENDED_FILTERS, params.get('amended')),
    accountActive: active === null ? undefined : active === '1',
    orderId: Number(params.get('order')) || undefined,
  }
}

/** Total sign, amendments and account state (spec billing 7.5), and the order being shown. */
export function BillContentFilters(props: {
  params: URLSearchParams
  onChange: (p: ParamPatch) => void
}) {
  const { t } = useTranslation()
  const { params, onChange } = props
  const order = Number(params.get('order')) || null
  return (
    <>
      <Select
        label={t('billReports.filters.total')}
        data={TOTAL_SIGNS.map((sign) => ({ value: sign, label: t(`billReports.sign.${sign}`) }))}
        placeholder={t('common.all')}
        clearable
        value={params.get('total')}
        onChange={(value) => onChange({ total: value })}
        w={120}
      />
      <Select
        label={t('billReports.filters.amended')}
        data={AMENDED_FILTERS.map((kind) => ({
          value: kind,
          label: t(`billReports.amended.${kind}`),
        }))}
        placeholder={t('common.all')}
        clearable
        value={params.get('amended')}
        onChange={(value) => onChange({ amended: value })}
        w={190}
      />
      <Select
        label={t('billReports.filters.account')}
        data={[
          { value: '1', label: t('billReports.accountActive') },
          { value: '0', label: t('billReports.accountInactive') },
        ]}
        placeholder={t('common.all')}
        clearable
        value={params.get('active')}
        onChange={(value) => onChange({ active: value })}
        w={170}
      />
      {order && (
        <Badge
          size="lg"
          variant="light"
          rightSection={
            <CloseButton
              size="xs"
              aria-label={t('billReports.filters.clearOrder')}
              onClick={() => onChange({ order: null })}
            />
          }
        >
          {t('billReports.filters.order', { id: order })}
        </Badge>
      )}
    </>
  )
}
