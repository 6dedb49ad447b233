import { Badge, Group, Text, ThemeIcon, Tooltip } from '@mantine/core'
import { IconBuildingBank, IconCash, IconTransfer, type Icon } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import type {
  PaymentMethod,
  ProcessState,
  TransactionState,
} from '../../../../src-shared/schemas/payments'
import { DARK_ORANGE, OLIVE } from '../bills/bill-badges'

/** Spec 7.6's colours carried over to the states a transaction goes through. */
const TRANSACTION_COLOURS: Record<TransactionState, string> = {
  WAITING_PROCESSING: 'grape',
  WAITING_EXECUTION: DARK_ORANGE,
  EXECUTED: OLIVE,
  SECURED: 'green',
  REJECTED: 'red',
}

const PROCESS_COLOURS: Record<ProcessState, string> = {
  CREATED: 'grape',
  EXECUTED: OLIVE,
  COMMITTED: 'green',
  ABORTED: 'red',
}

const METHOD_ICONS: Record<PaymentMethod, Icon> = {
  SEPA_DIRECT_DEBIT: IconBuildingBank,
  BANK_TRANSFER: IconTransfer,
}

/** The method's icon, named for screen readers; no method: the customer pays by hand. */
export function MethodIcon({ method }: { method: PaymentMethod | null }) {
  const { t } = useTranslation()
  const MethodGlyph = method ? METHOD_ICONS[method] : IconCash
  const label = method ? t(`payments.methods.${method}`) : t('payments.methods.none')
  return (
    <Tooltip label={label} withArrow>
      <ThemeIcon variant="light" color={method ? 'indigo' : 'gray'} size="md" role="img">
        <MethodGlyph size={16} aria-label={label} />
      </ThemeIcon>
    </Tooltip>
  )
}

/** Icon and label of a transaction's source, or "by hand" when it has none. */
export function SourceCell(props: { method: PaymentMethod | null; label: string }) {
  const { t } = useTranslation()
  return (
    <Group gap="xs" wrap="nowrap">
      <MethodIcon method={props.method} />
      <Text size="sm" truncate="end" maw={200} title={props.label || undefined}>
        {props.method ? props.label : t('payments.methods.none')}
      </Text>
    </Group>
  )
}

export function TransactionStateBadge({ state }: { state: TransactionState }) {
  const { t } = useTranslation()
  return (
    <Tooltip label={t(`payments.transactionStateHints.${state}`)} multiline w={280} withArrow>
      <Badge color={TRANSACTION_COLOURS[state]} variant="light" miw="max-content">
        {t(`payments.transactionStates.${state}`)}
      </Badge>
    </Tooltip>
  )
}

export function ProcessStateBadge({ state }: { state: ProcessState }) {
  const { t } = useTranslation()
  return (
    <Tooltip label={t(`payments.processStateHints.${state}`)} multiline w={280} withArrow>
      <Badge color={PROCESS_COLOURS[state]} variant="light" miw="max-content">
        {t(`payments.processStates.${state}`)}
      </Badge>
    </Tooltip>
  )
}
