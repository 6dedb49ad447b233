import { useState } from 'react'
import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core'
import { IconPlus } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import type { BillDetail } from '../../../../src-shared/schemas/bills'
import type { TransactionRow } from '../../../../src-shared/schemas/payments'
import { useChannelQuery } from '../../api/queries'
import { QueryError } from '../../components/query-error'
import { useReadOnly } from '../../hooks/use-read-only'
import { AddTransactionForm } from './add-transaction-form'
import { useTransactionSteps } from './transaction-steps'
import { TransactionsTable } from './transactions-table'

const cents = (amount: string) => Math.round(Number(amount) * 100)

/**
 * Whether the transactions not rejected already cover the total (a refund's, below zero):
 * the core then refuses one more, so none is offered.
 */
function isCovered(total: string, rows: TransactionRow[]) {
  const live = rows.filter((row) => row.state !== 'REJECTED')
  const sum = live.reduce((before, row) => before + cents(row.amount), 0)
  return cents(total) < 0 ? sum <= cents(total) : sum >= cents(total)
}

/**
 * A closed bill's transactions (spec 9.2): what collects or refunds its total, with the
 * steps each allows here, and one more added by hand when a payment arrived another way.
 */
export function BillPaymentsCard({ bill }: { bill: BillDetail }) {
  const { t } = useTranslation()
  const readOnly = useReadOnly()
  const [adding, setAdding] = useState(false)
  const steps = useTransactionSteps()
  const query = useChannelQuery('transactions:list', { billId: bill.id, pageSize: 200 })
  const rows = query.data?.rows ?? []
  const canAdd = !readOnly && !adding && query.isSuccess && !isCovered(bill.total, rows)
  const title = t('payments.bill.title')

  return (
    <Paper withBorder p="lg" component="section" aria-label={title}>
      <Stack gap="md">
        <Group justify="space-between">
          <Title order={4}>{title}</Title>
          {canAdd && (
            <Button
              size="xs"
              variant="light"
              leftSection={<IconPlus size={14} />}
              onClick={() => setAdding(true)}
            >
              {t('payments.add.title')}
            </Button>
          )}
        </Group>
        {query.isError && <QueryError error={query.error} onRetry={() => void query.refetch()} />}
        {query.isSuccess && rows.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('payments.bill.none')}
          </Text>
        )}
        {rows.length > 0 && (
          <TransactionsTable
            rows={rows}
            hide={['bill', 'account']}
            onStep={(action, row) => steps.run(action, [row])}
            pending={steps.pending}
          />
        )}
        {adding && <AddTransactionForm bill={bill} onDone={() => setAdding(false)} />}
      </Stack>
      {steps.modals}
    </Paper>
  )
}
