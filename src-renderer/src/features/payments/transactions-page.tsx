import { Group, Select, Stack } from '@mantine/core'
import { IconBuildingBank } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import {
  PAYMENT_METHODS,
  TRANSACTION_STATES,
  type PaymentMethod,
  type TransactionRow,
  type TransactionState,
} from '../../../../src-shared/schemas/payments'
import { useChannelQuery } from '../../api/queries'
import { Page } from '../../components/page'
import { QueryError } from '../../components/query-error'
import { useListParams, usePageInRange, type ParamPatch } from '../../hooks/use-list-params'
import { useSelection } from '../../hooks/use-selection'
import { AccountSelect } from '../domains/account-select'
import { ListLayout } from '../mail/list-layout'
import { NothingYet } from '../../components/nothing-yet'
import { TransactionReportCard } from './transaction-report'
import { useTransactionSteps } from './transaction-steps'
import { TransactionsBulkBar } from './transactions-bulk-bar'
import { TransactionsTable } from './transactions-table'

function Filters(props: { params: URLSearchParams; onChange: (patch: ParamPatch) => void }) {
  const { t } = useTranslation()
  const { params, onChange } = props
  return (
    <Group gap="sm" align="flex-end" wrap="wrap">
      <Select
        label={t('payments.filters.state')}
        data={TRANSACTION_STATES.map((state) => ({
          value: state,
          label: t(`payments.transactionStates.${state}`),
        }))}
        placeholder={t('common.all')}
        clearable
        value={params.get('state')}
        onChange={(value) => onChange({ state: value })}
        w={210}
      />
      <Select
        label={t('payments.filters.method')}
        data={PAYMENT_METHODS.map((method) => ({
          value: method,
          label: t(`payments.methods.${method}`),
        }))}
        placeholder={t('common.all')}
        clearable
        value={params.get('method')}
        onChange={(value) => onChange({ method: value })}
        w={190}
      />
      <AccountSelect
        label={t('payments.filters.account')}
        placeholder={t('common.all')}
        value={params.get('account')}
        onChange={(value) => onChange({ account: value })}
        w={170}
      />
    </Group>
  )
}

function NoTransactions() {
  const { t } = useTranslation()
  return (
    <NothingYet
      icon={<IconBuildingBank size={24} />}
      title={t('payments.transactions.emptyTitle')}
      hint={t('payments.transactions.emptyHint')}
    />
  )
}

/** Every transaction, newest first: what to process, execute, secure or reissue. */
export function TransactionsPage() {
  const { t } = useTranslation()
  const list = useListParams(['id'] as const, { sort: 'id' })
  const { params } = list
  const selection = useSelection<TransactionRow>()
  const steps = useTransactionSteps()
  const filter = {
    state: (params.get('state') as TransactionState | null) ?? undefined,
    method: (params.get('method') as PaymentMethod | null) ?? undefined,
    accountId: Number(params.get('account')) || undefined,
  }
  const query = useChannelQuery(
    'transactions:list',
    { ...filter, page: list.page, pageSize: list.pageSize },
    { keepPrevious: true },
  )
  const report = useChannelQuery('transactions:report', filter, { keepPrevious: true })
  const filtered = Object.values(filter).some((value) => value !== undefined)
  usePageInRange(list, query.data)
  // A step changes states: the picked rows are read again from the refreshed list.
  const handleStep = (action: Parameters<typeof steps.run>[0], rows: TransactionRow[]) =>
    steps.run(action, rows, selection.clear)

  return (
    <Page
      title={t('payments.transactions.title')}
      description={t('payments.transactions.description')}
      ready={query.isSuccess && !query.isFetching && !report.isFetching}
    >
      {query.isError && <QueryError error={query.error} onRetry={() => void query.refetch()} />}
      <Stack gap="md">
        <TransactionReportCard report={report.data} />
        <ListLayout
          toolbar={<Filters params={params} onChange={list.update} />}
          data={query.data}
          pending={query.isPending}
          page={list.page}
          pageSize={list.pageSize}
          onPage={list.update}
          onClear={() => list.update({ state: null, method: null, account: null })}
          empty={filtered ? undefined : <NoTransactions />}
        >
          <TransactionsTable
            rows={query.data?.rows ?? []}
            selection={selection}
            onStep={(action, row) => handleStep(action, [row])}
            pending={steps.pending}
          />
        </ListLayout>
      </Stack>
      <TransactionsBulkBar selection={selection} onStep={handleStep} pending={steps.pending} />
      {steps.modals}
    </Page>
  )
}
