import { Group, Select } from '@mantine/core'
import { IconFileInvoice, IconPlayerPlay } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import {
  BILL_TYPES,
  PAYMENT_STATES,
  type BillTypeName,
  type PaymentState,
} from '../../../../src-shared/schemas/bills'
import { useChannelQuery } from '../../api/queries'
import { NothingYet } from '../../components/nothing-yet'
import { Page } from '../../components/page'
import { QueryError } from '../../components/query-error'
import { SearchInput } from '../../components/search-input'
import { WriteLinkButton } from '../../components/write-link-button'
import { useListParams, usePageInRange, type ParamPatch } from '../../hooks/use-list-params'
import { ListLayout } from '../mail/list-layout'
import { BillContentFilters, billContentQuery, CONTENT_PARAMS } from './bill-content-filters'
import { BillsTable } from './bills-table'

const flag = (value: string | null) => (value === null ? undefined : value === '1')

function Toolbar(props: { params: URLSearchParams; q: string; onChange: (p: ParamPatch) => void }) {
  const { t } = useTranslation()
  const { params, onChange } = props
  const yesNo = (yes: string, no: string) => [
    { value: '1', label: yes },
    { value: '0', label: no },
  ]
  return (
    <Group gap="sm" align="flex-end" wrap="wrap">
      <SearchInput
        value={props.q}
        onChange={(text) => onChange({ q: text })}
        label={t('bills.searchLabel')}
        placeholder={t('bills.searchPlaceholder')}
      />
      <Select
        label={t('bills.filterType')}
        data={BILL_TYPES.map((type) => ({ value: type, label: t(`bills.types.${type}`) }))}
        placeholder={t('common.all')}
        clearable
        value={params.get('type')}
        onChange={(value) => onChange({ type: value })}
        w={190}
      />
      <Select
        label={t('bills.filterOpen')}
        data={yesNo(t('bills.open'), t('bills.closed'))}
        placeholder={t('common.all')}
        clearable
        value={params.get('open')}
        onChange={(value) => onChange({ open: value })}
        w={130}
      />
      <Select
        label={t('bills.filterSent')}
        data={yesNo(t('bills.sent'), t('bills.notSent'))}
        placeholder={t('common.all')}
        clearable
        value={params.get('sent')}
        onChange={(value) => onChange({ sent: value })}
        w={130}
      />
      <Select
        label={t('bills.filterPayment')}
        data={PAYMENT_STATES.map((state) => ({ value: state, label: t(`bills.state.${state}`) }))}
        placeholder={t('common.all')}
        clearable
        value={params.get('payment')}
        onChange={(value) => onChange({ payment: value })}
        w={170}
      />
      <BillContentFilters params={params} onChange={onChange} />
    </Group>
  )
}

/** Every bill, newest first, filtered as a clerk sorts the pile: type, open, sent, paid. */
export function BillsPage() {
  const { t } = useTranslation()
  const list = useListParams(['number'] as const, { sort: 'number' })
  const { params } = list
  // Newest first unless asked otherwise: the hook's own toggle assumes ascending first.
  const dir = params.get('dir') === 'asc' ? 'asc' : 'desc'
  const toggleDir = () => list.update({ dir: dir === 'asc' ? 'desc' : 'asc' })
  const query = useChannelQuery(
    'bills:list',
    {
      q: list.q,
      page: list.page,
      pageSize: list.pageSize,
      dir,
      type: (params.get('type') as BillTypeName | null) ?? undefined,
      isOpen: flag(params.get('open')),
      isSent: flag(params.get('sent')),
      paymentState: (params.get('payment') as PaymentState | null) ?? undefined,
      accountId: Number(params.get('account')) || undefined,
      ids: params.get('ids')?.split(',').map(Number).filter(Boolean),
      ...billContentQuery(params),
    },
    { keepPrevious: true },
  )
  usePageInRange(list, query.data)
  const clear = { q: null, type: null, open: null, sent: null, payment: null, ids: null }
  const clearAll = { ...clear, ...CONTENT_PARAMS }
  const filtered = [...Object.keys(clearAll), 'account'].some((key) => params.get(key))

  return (
    <Page
      title={t('bills.title')}
      description={t('bills.description')}
      actions={
        <WriteLinkButton to="/billing/run" leftSection={<IconPlayerPlay size={16} />}>
          {t('bills.runBilling')}
        </WriteLinkButton>
      }
      ready={query.isSuccess && !query.isFetching}
    >
      {query.isError && <QueryError error={query.error} onRetry={() => void query.refetch()} />}
      <ListLayout
        toolbar={<Toolbar params={params} q={list.q} onChange={list.update} />}
        data={query.data}
        pending={query.isPending}
        page={list.page}
        pageSize={list.pageSize}
        onPage={list.update}
        onClear={() => list.update(clearAll)}
        empty={
          filtered ? undefined : (
            <NothingYet
              icon={<IconFileInvoice size={24} />}
              title={t('bills.emptyTitle')}
              hint={t('bills.emptyHint')}
            />
          )
        }
      >
        <BillsTable rows={query.data?.rows ?? []} dir={dir} onSort={toggleDir} />
      </ListLayout>
    </Page>
  )
}
