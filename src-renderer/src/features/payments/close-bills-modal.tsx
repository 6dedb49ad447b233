import { useState } from 'react'
import { Group, Select, Stack, Table, Text, type ComboboxItem } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { BillRow } from '../../../../src-shared/schemas/bills'
import type {
  BillPaymentChoice,
  PaymentMethodView,
  PaymentSourceView,
} from '../../../../src-shared/schemas/payments'
import { useChannelMutation, useChannelQuery } from '../../api/queries'
import { ConfirmModal } from '../../components/confirm-modal'
import { QueryError } from '../../components/query-error'
import { TableSkeleton } from '../../components/table-skeleton'
import { notifyFailure } from '../../lib/notify'
import { Amount } from '../bills/bill-badges'
import { MethodIcon } from './payment-badges'

const NONE = 'none'

type Choices = Record<number, string>

const sourceName = (source: PaymentSourceView) =>
  source.number ? `${source.label} · ${source.number}` : source.label

function SourceSelect(props: {
  choice: BillPaymentChoice
  value: string
  onChange: (value: string) => void
}) {
  const { t } = useTranslation()
  const { choice } = props
  const byId = new Map(choice.sources.map((source) => [String(source.id), source]))
  const data = [
    ...choice.sources.map((source) => ({ value: String(source.id), label: sourceName(source) })),
    { value: NONE, label: t('payments.close.none') },
  ]
  const renderOption = ({ option }: { option: ComboboxItem }) => (
    <Group gap="xs" wrap="nowrap">
      <MethodIcon method={byId.get(option.value)?.method ?? null} />
      <Text size="sm">{option.label}</Text>
    </Group>
  )
  return (
    <Select
      aria-label={t('payments.close.sourceFor', { number: choice.number })}
      data={data}
      value={props.value}
      onChange={(value) => props.onChange(value ?? NONE)}
      allowDeselect={false}
      renderOption={renderOption}
      leftSection={<MethodIcon method={byId.get(props.value)?.method ?? null} />}
      leftSectionWidth={40}
      miw={360}
    />
  )
}

/**
 * When the bill falls due: the date already set on it, else the chosen source's method's
 * delay after closing, else a month.
 */
function DueText(props: {
  dueOn: string | undefined
  source: PaymentSourceView | undefined
  methods: PaymentMethodView[]
}) {
  const { t } = useTranslation()
  const method = props.methods.find((each) => each.method === props.source?.method)
  let text = t('payments.close.dueByHand')
  if (props.dueOn) text = t('payments.close.dueOn', { date: props.dueOn })
  else if (method) text = t('payments.close.dueAfter', { delta: method.dueDelta })
  return (
    <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
      {text}
    </Text>
  )
}

/** The operator's pick, else the pre-selected source, else none. */
const pickOf = (picked: Choices, choice: BillPaymentChoice) =>
  picked[choice.billId] ?? String(choice.defaultSourceId ?? NONE)

function ChoicesTable(props: {
  choices: BillPaymentChoice[]
  picked: Choices
  methods: PaymentMethodView[]
  dueOn: Record<number, string>
  onPick: (billId: number, value: string) => void
}) {
  const { t } = useTranslation()
  return (
    <Table verticalSpacing="xs" aria-label={t('payments.close.choices')}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('payments.columns.bill')}</Table.Th>
          <Table.Th ta="right">{t('payments.columns.total')}</Table.Th>
          <Table.Th>{t('payments.columns.source')}</Table.Th>
          <Table.Th>{t('payments.columns.due')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {props.choices.map((choice) => {
          const value = pickOf(props.picked, choice)
          const source = choice.sources.find((each) => String(each.id) === value)
          return (
            <Table.Tr key={choice.billId}>
              <Table.Td>
                <Text size="sm" fw={600}>
                  {choice.number}
                </Text>
              </Table.Td>
              <Table.Td>
                <Amount value={choice.total} />
              </Table.Td>
              <Table.Td>
                <SourceSelect
                  choice={choice}
                  value={value}
                  onChange={(next) => props.onPick(choice.billId, next)}
                />
              </Table.Td>
              <Table.Td>
                <DueText
                  dueOn={props.dueOn[choice.billId]}
                  source={source}
                  methods={props.methods}
                />
              </Table.Td>
            </Table.Tr>
          )
        })}
      </Table.Tbody>
    </Table>
  )
}

interface CloseBillsModalProps {
  /** The open bills to close. */
  billIds: number[]
  /** Due dates already set on some of the bills: closing keeps them. */
  dueOn?: Record<number, string>
  title: string
  onClose: () => void
  onClosed: (closed: BillRow[]) => void
}

/**
 * Closing asks, per bill, which of its account's sources collects it (spec 7.4): the first
 * active one is pre-selected, "none" means paid by hand; a credit note only offers sources
 * that pay money back. The choice sets the due date and the transaction closing creates.
 */
export function CloseBillsModal(props: CloseBillsModalProps) {
  const { billIds, title, onClose, onClosed } = props
  const { t } = useTranslation()
  const choices = useChannelQuery('paymentSources:forBills', { ids: billIds })
  const methods = useChannelQuery('paymentMethods:list', {})
  const close = useChannelMutation('bills:setClosed')
  const [picked, setPicked] = useState<Choices>({})
  const rows = choices.data ?? []

  const handleConfirm = () => {
    const sources = rows.map((choice) => {
      const value = pickOf(picked, choice)
      return { billId: choice.billId, sourceId: value === NONE ? null : Number(value) }
    })
    close.mutate(
      { ids: billIds, sources },
      {
        onSuccess: ({ closed }) => onClosed(closed),
        onError: (error) => notifyFailure(t('bills.close.action'), error),
      },
    )
  }
  const refunds = rows.some((choice) => choice.total.startsWith('-'))

  return (
    <ConfirmModal
      opened
      onClose={onClose}
      onConfirm={handleConfirm}
      title={title}
      confirmLabel={t('bills.close.confirm')}
      color="blue"
      loading={close.isPending}
      confirmDisabled={!choices.isSuccess || !methods.isSuccess}
      size="xl"
    >
      <Stack gap="sm">
        <Text size="sm">{t('payments.close.explain')}</Text>
        {choices.isError && (
          <QueryError error={choices.error} onRetry={() => void choices.refetch()} />
        )}
        {choices.isPending && <TableSkeleton rows={2} />}
        {rows.length > 0 && (
          <ChoicesTable
            choices={rows}
            picked={picked}
            methods={methods.data ?? []}
            dueOn={props.dueOn ?? {}}
            onPick={(billId, value) => setPicked((before) => ({ ...before, [billId]: value }))}
          />
        )}
        {refunds && (
          <Text size="xs" c="dimmed">
            {t('payments.close.refundHint')}
          </Text>
        )}
      </Stack>
    </ConfirmModal>
  )
}
