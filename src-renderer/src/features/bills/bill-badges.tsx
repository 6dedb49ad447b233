import { Badge, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { BillRow, PaymentState } from '../../../../src-shared/schemas/bills'

/** Spec 7.6 colours: open grey, awaiting payment orange, paid green. */
const STATE_COLOURS: Record<PaymentState, string> = {
  OPEN: 'gray',
  PENDING: 'orange',
  PAID: 'green',
}

/**
 * The payment state, struck through with "*" once closed amendments correct the bill. A
 * closed bill below zero (a credit note) is owed to the customer, not by them.
 */
export function PaymentBadge(props: {
  bill: Pick<BillRow, 'paymentState' | 'amendedBy' | 'total'>
}) {
  const { bill } = props
  const { t } = useTranslation()
  const amended = bill.amendedBy > 0
  const refund = bill.paymentState === 'PENDING' && bill.total.startsWith('-')
  const label = refund ? t('bills.state.REFUND') : t(`bills.state.${bill.paymentState}`)
  const hint = refund ? t('bills.stateHint.REFUND') : t(`bills.stateHint.${bill.paymentState}`)
  return (
    <Badge
      color={amended ? 'blue' : STATE_COLOURS[bill.paymentState]}
      variant="light"
      td={amended ? 'line-through' : undefined}
      title={amended ? t('bills.state.amendedHint') : hint}
    >
      {label}
      {amended && '*'}
    </Badge>
  )
}

/** An amount as the bills print it: decimal text, then the currency sign. */
export function Amount({ value, strong = false }: { value: string; strong?: boolean }) {
  const negative = value.startsWith('-')
  return (
    <Text size="sm" ta="right" fw={strong ? 700 : undefined} c={negative ? 'red.8' : undefined}>
      {value}&nbsp;€
    </Text>
  )
}
