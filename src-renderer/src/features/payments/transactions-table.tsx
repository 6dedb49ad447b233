import {
  ActionIcon,
  Anchor,
  Button,
  Checkbox,
  Group,
  Stack,
  Table,
  Text,
  Tooltip,
} from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router-dom'
import type { TransactionAction, TransactionRow } from '../../../../src-shared/schemas/payments'
import { formatDateTime, formatDay } from '../../lib/dates'
import type { Selection } from '../../hooks/use-selection'
import { useReadOnly } from '../../hooks/use-read-only'
import { Amount } from '../bills/bill-badges'
import { SourceCell, TransactionStateBadge } from './payment-badges'
import { STEP_LOOKS } from './transaction-steps'

type Column = 'bill' | 'account' | 'process'

/** The bill's number, and below it the account it is billed to. */
function BillCell({ row, withAccount }: { row: TransactionRow; withAccount: boolean }) {
  return (
    <Stack gap={0}>
      <Anchor component={Link} to={`/billing/bills/${row.billId}`} size="sm" fw={600}>
        {row.billNumber}
      </Anchor>
      {withAccount && row.accountId !== null && (
        <Anchor component={Link} to={`/accounts/${row.accountId}`} size="xs" c="dimmed">
          {row.accountName}
        </Anchor>
      )}
      {withAccount && row.accountId === null && (
        <Text size="xs" c="dimmed">
          {row.accountName}
        </Text>
      )}
    </Stack>
  )
}

interface TransactionsTableProps {
  rows: TransactionRow[]
  /** Columns left out where the page already says them (the bill's own card). */
  hide?: Column[]
  selection?: Selection<TransactionRow>
  onStep?: (action: TransactionAction, row: TransactionRow) => void
  pending?: boolean
}

/**
 * The steps a transaction's state allows, one small button each; rejecting, never the way
 * forward, is an icon only, named on hover.
 */
function StepButtons(props: {
  row: TransactionRow
  onStep: (action: TransactionAction, row: TransactionRow) => void
  pending?: boolean
}) {
  const { t } = useTranslation()
  const { row } = props
  const label = (action: TransactionAction) =>
    t('payments.steps.onRow', { action: t(`payments.steps.${action}`), id: row.id })
  return (
    <Group gap={6} wrap="nowrap" justify="flex-end">
      {row.actions.map((action) => {
        const { icon: StepIcon, color } = STEP_LOOKS[action]
        const handleClick = () => props.onStep(action, row)
        if (action === 'reject') {
          return (
            <Tooltip key={action} label={label(action)} withArrow>
              <ActionIcon
                variant="subtle"
                color={color}
                disabled={props.pending}
                onClick={handleClick}
                aria-label={label(action)}
              >
                <StepIcon size={16} />
              </ActionIcon>
            </Tooltip>
          )
        }
        return (
          <Button
            key={action}
            size="compact-xs"
            variant="light"
            color={color}
            leftSection={<StepIcon size={14} />}
            disabled={props.pending}
            onClick={handleClick}
            aria-label={label(action)}
          >
            {t(`payments.steps.${action}`)}
          </Button>
        )
      })}
    </Group>
  )
}

/** A day, with the exact time on hover: what a clerk matches against a bank statement. */
function Day({ value }: { value: string }) {
  return (
    <Tooltip label={formatDateTime(value)} openDelay={300}>
      <Text component="time" dateTime={value} size="sm" style={{ whiteSpace: 'nowrap' }}>
        {formatDay(value)}
      </Text>
    </Tooltip>
  )
}

function TransactionTableRow(
  props: TransactionsTableProps & { row: TransactionRow; steps: boolean },
) {
  const { row, selection, steps, hide = [] } = props
  const { t } = useTranslation()
  const selected = selection?.has(row.id) ?? false
  return (
    <Table.Tr data-selected={selected || undefined}>
      {selection && (
        <Table.Td>
          <Checkbox
            aria-label={t('payments.transactions.select', { id: row.id })}
            checked={selected}
            onChange={() => selection.toggle(row)}
          />
        </Table.Td>
      )}
      <Table.Td>
        <Text size="sm" fw={600}>
          {t('payments.transactions.name', { id: row.id })}
        </Text>
      </Table.Td>
      {!hide.includes('bill') && (
        <Table.Td>
          <BillCell row={row} withAccount={!hide.includes('account')} />
        </Table.Td>
      )}
      <Table.Td>
        <SourceCell method={row.method} label={row.sourceLabel} />
      </Table.Td>
      <Table.Td>
        <TransactionStateBadge state={row.state} />
      </Table.Td>
      <Table.Td>
        <Amount value={row.amount} />
      </Table.Td>
      {!hide.includes('process') && (
        <Table.Td>
          {row.processId ? (
            <Anchor
              component={Link}
              to={`/billing/processes/${row.processId}`}
              size="sm"
              aria-label={t('payments.processes.name', { id: row.processId })}
            >
              {t('payments.processes.number', { id: row.processId })}
            </Anchor>
          ) : (
            <Text size="sm" c="dimmed">
              —
            </Text>
          )}
        </Table.Td>
      )}
      <Table.Td>
        <Day value={row.modifiedAt} />
      </Table.Td>
      {steps && props.onStep && (
        <Table.Td>
          <StepButtons row={row} onStep={props.onStep} pending={props.pending} />
        </Table.Td>
      )}
    </Table.Tr>
  )
}

/** Transactions with their state, amount and source, and the steps each one allows. */
export function TransactionsTable(props: TransactionsTableProps) {
  const { t } = useTranslation()
  const { rows, selection, hide = [] } = props
  const readOnly = useReadOnly()
  const selectedHere = selection ? rows.filter((row) => selection.has(row.id)).length : 0
  // No column of buttons when no row has a step left (a paid bill's card).
  const steps = !!props.onStep && !readOnly && rows.some((row) => row.actions.length > 0)
  return (
    <Table.ScrollContainer minWidth={820}>
      <Table verticalSpacing="xs" aria-label={t('payments.transactions.title')}>
        <Table.Thead>
          <Table.Tr>
            {selection && (
              <Table.Th w={44}>
                <Checkbox
                  aria-label={t('payments.transactions.selectAll')}
                  checked={rows.length > 0 && selectedHere === rows.length}
                  indeterminate={selectedHere > 0 && selectedHere < rows.length}
                  onChange={() => selection.setMany(rows, selectedHere < rows.length)}
                />
              </Table.Th>
            )}
            <Table.Th>{t('payments.columns.transaction')}</Table.Th>
            {!hide.includes('bill') && <Table.Th>{t('payments.columns.bill')}</Table.Th>}
            <Table.Th>{t('payments.columns.source')}</Table.Th>
            <Table.Th>{t('payments.columns.state')}</Table.Th>
            <Table.Th ta="right">{t('payments.columns.amount')}</Table.Th>
            {!hide.includes('process') && <Table.Th>{t('payments.columns.process')}</Table.Th>}
            <Table.Th>{t('payments.columns.changed')}</Table.Th>
            {steps && <Table.Th ta="right">{t('payments.columns.actions')}</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <TransactionTableRow key={row.id} {...props} row={row} steps={steps} />
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  )
}
