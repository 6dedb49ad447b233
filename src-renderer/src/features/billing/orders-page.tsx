import { IconEye, IconEyeOff, IconFileInvoice, IconShoppingCart } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router-dom'
import {
  ORDER_BILLING_STATES,
  type OrderBillingState,
  type OrderRow,
} from '../../../../src-shared/schemas/billing-orders'
import { useChannelMutation, useChannelQuery } from '../../api/queries'
import { BulkActionBar, BulkButton } from '../../components/bulk-action-bar'
import { Page } from '../../components/page'
import { QueryError } from '../../components/query-error'
import { useListParams, usePageInRange } from '../../hooks/use-list-params'
import { useSelection, type Selection } from '../../hooks/use-selection'
import { notifyFailure, notifySuccess } from '../../lib/notify'
import { RUN_PATH, type RunStart } from '../bills/run-start'
import { ListFrame } from '../other-services/list-frame'
import { OrderFilters } from './order-filters'
import { OrdersTable } from './orders-table'

const IGNORED = ['no', 'yes', 'all'] as const

function OrdersBulkBar({ selection }: { selection: Selection<OrderRow> }) {
  const { t } = useTranslation()
  const mark = useChannelMutation('orders:setIgnored')
  const navigate = useNavigate()
  // The run bills an account's orders: one whose account is gone has nobody to bill.
  const billable = selection.rows.filter((row) => row.accountId !== null)
  const handleBill = () => {
    const orders = billable.map(
      ({ id, accountId, accountUsername, serviceDescription, description, contentObjectRepr }) => ({
        id,
        accountId,
        accountUsername,
        serviceDescription,
        description,
        contentObjectRepr,
      }),
    )
    const start: RunStart = { orders }
    void navigate(RUN_PATH, { state: start })
  }
  const handleMark = (ignore: boolean) =>
    mark.mutate(
      { ids: selection.rows.map((row) => row.id), ignore },
      {
        onSuccess: ({ changed }) => {
          notifySuccess(
            t(ignore ? 'billing.orders.markedIgnored' : 'billing.orders.markedNotIgnored', {
              count: changed,
            }),
          )
          selection.clear()
        },
        onError: (error) => notifyFailure(t('billing.orders.markIgnored'), error),
      },
    )
  return (
    <BulkActionBar
      count={selection.count}
      label={t('billing.orders.bulkLabel')}
      selected={t('billing.orders.selected', { count: selection.count })}
      clearLabel={t('billing.orders.clearSelection')}
      onClear={selection.clear}
    >
      {billable.length > 0 && (
        <BulkButton icon={<IconFileInvoice size={14} />} onClick={handleBill}>
          {t('billing.orders.billSelected')}
        </BulkButton>
      )}
      <BulkButton
        icon={<IconEyeOff size={14} />}
        onClick={() => handleMark(true)}
        loading={mark.isPending}
      >
        {t('billing.orders.markIgnored')}
      </BulkButton>
      <BulkButton
        icon={<IconEye size={14} />}
        onClick={() => handleMark(false)}
        loading={mark.isPending}
      >
        {t('billing.orders.markNotIgnored')}
      </BulkButton>
    </BulkActionBar>
  )
}

/** Orders (spec billing 4): one per billed object and service, ignored ones hidden by default. */
export function OrdersPage() {
  const { t } = useTranslation()
  const list = useListParams(['registeredOn'] as const, { sort: 'registeredOn', dir: 'desc' })
  const selection = useSelection<OrderRow>()
  const get = (name: string) => list.params.get(name)
  const billing = get('billing') as OrderBillingState | null
  const ignored = IGNORED.find((value) => value === get('ignored')) ?? 'no'
  const query = useChannelQuery(
    'orders:list',
    {
      q: list.q,
      page: list.page,
      pageSize: list.pageSize,
      dir: list.dir,
      active: get('active') === null ? undefined : get('active') === '1',
      ignored,
      billing: billing && ORDER_BILLING_STATES.includes(billing) ? billing : undefined,
      accountId: Number(get('account')) || undefined,
      serviceId: Number(get('service')) || undefined,
    },
    { keepPrevious: true },
  )
  usePageInRange(list, query.data)
  const filters = {
    q: list.q,
    active: get('active'),
    ignored: get('ignored'),
    billing: get('billing'),
    account: get('account'),
    service: get('service'),
  }

  return (
    <Page
      title={t('billing.orders.title')}
      description={t('billing.orders.description')}
      ready={query.isSuccess && !query.isFetching}
    >
      {query.isError && <QueryError error={query.error} onRetry={() => void query.refetch()} />}
      <ListFrame
        data={query.data}
        pending={query.isPending}
        filtered={Object.values(filters).some(Boolean)}
        empty={{
          icon: <IconShoppingCart size={32} />,
          title: t('billing.orders.emptyTitle'),
          description: t('billing.orders.emptyBody'),
        }}
        toolbar={<OrderFilters values={filters} onChange={list.update} />}
        page={list.page}
        pageSize={list.pageSize}
        onChange={list.update}
        onClear={() =>
          list.update({
            q: null,
            active: null,
            ignored: null,
            billing: null,
            account: null,
            service: null,
          })
        }
      >
        {(rows) => <OrdersTable rows={rows} selection={selection} />}
      </ListFrame>
      <OrdersBulkBar selection={selection} />
    </Page>
  )
}
