import { Badge, Text, Tooltip } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { BillRow, PaymentState } from '../../../../src-shared/schemas/bills'

/**
 * Spec 7.6's "executed" olive and "processed" dark orange, as colour codes: Mantine has no
 * olive, and a light badge drawn in a palette shade ("orange.9") loses its text.
 */
export const OLIVE = '#6b7a1f'
export const DARK_ORANGE = '#d9480f'

/**
 * Spec 7.6 colours: open grey, created magenta, processed dark orange, executed olive, paid
 * green, bad debt and incomplete red; a bill corrected by credit notes shows blue.
 */
const STATE_COLOURS: Record<PaymentState, string> = {
  OPEN: 'gray',
  CREATED: 'grape',
  PROCESSED: DARK_ORANGE,
  EXECUTED: OLIVE,
  PAID: 'green',
  INCOMPLETE: 'red',
  BAD_DEBT: 'red',
}

// States with money still moving: on a bill below zero it moves back to the customer, and
// before the bank has paid it out the bill reads "to refund".
const UNDER_WAY: PaymentState[] = ['CREATED', 'PROCESSED', 'EXECUTED']
const NOT_YET_PAID_OUT: PaymentState[] = ['CREATED', 'PROCESSED']

/**
 * The payment state, struck through with "*" once closed amendments correct the bill, with
 * one sentence on what it means on hover. A closed bill below zero (a credit note) is owed
 * to the customer, not by them.
 */
export function PaymentBadge(props: {
  bill: Pick<BillRow, 'paymentState' | 'amendedBy' | 'total'>
}) {
  const { bill } = props
  const { t } = useTranslation()
  const state = bill.paymentState
  const amended = bill.amendedBy > 0
  const refund = UNDER_WAY.includes(state) && bill.total.startsWith('-')
  const stateHint = t(`bills.stateHint.${state}`)
  const hint = refund ? `${t('bills.stateHint.REFUND')}. ${stateHint}` : stateHint
  const toRefund = refund && NOT_YET_PAID_OUT.includes(state)
  const label = toRefund ? t('bills.state.REFUND') : t(`bills.state.${state}`)
  return (
    <Tooltip
      label={amended ? `${t('bills.state.amendedHint')}. ${hint}` : hint}
      multiline
      w={300}
      withArrow
    >
      <Badge
        color={amended ? 'blue' : STATE_COLOURS[state]}
        variant="light"
        td={amended ? 'line-through' : undefined}
        aria-description={hint}
      >
        {label}
        {amended && '*'}
      </Badge>
    </Tooltip>
  )
}

/** An amount as the bills print it: decimal text, then the currency sign. */
export function Amount(props: { value: string; strong?: boolean; currency?: string }) {
  const { value, strong = false, currency = '€' } = props
  const negative = value.startsWith('-')
  return (
    <Text size="sm" ta="right" fw={strong ? 700 : undefined} c={negative ? 'red.8' : undefined}>
      {value}&nbsp;{currency}
    </Text>
  )
}
