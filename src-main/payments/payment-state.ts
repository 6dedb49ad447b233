import type { PaymentState } from '../../src-shared/schemas/bills'
import type { TransactionState } from '../../src-shared/schemas/payments'
import { money, ZERO, type Money, type MoneyLike } from '../billing/money'

/**
 * A bill's payment state (spec: billing 7.6), derived from its transactions every time and
 * never stored, so it cannot drift from them. `secured` is what is in hand; `pending` adds
 * what is on its way (waiting or executed); rejected transactions count for nothing, and so
 * do any in another currency than the bill's (transactions.ts, billCurrency).
 */

export interface StatedAmount {
  state: TransactionState
  amount: MoneyLike
  /** Absent: the bill's own. */
  currency?: string
}

interface Tally {
  secured: Money
  pending: Money
  created: boolean
  processed: boolean
  executed: boolean
}

function tally(transactions: readonly StatedAmount[]): Tally {
  const result: Tally = {
    secured: ZERO,
    pending: ZERO,
    created: false,
    processed: false,
    executed: false,
  }
  for (const { state, amount } of transactions) {
    if (state === 'REJECTED') continue
    result.pending = result.pending.plus(money(amount))
    if (state === 'SECURED') result.secured = result.secured.plus(money(amount))
    if (state === 'WAITING_PROCESSING') result.created = true
    if (state === 'WAITING_EXECUTION') result.processed = true
    if (state === 'EXECUTED') result.executed = true
  }
  return result
}

export function paymentStateOf(
  bill: { isOpen: boolean; type: string },
  total: MoneyLike,
  transactions: readonly StatedAmount[],
): PaymentState {
  if (bill.isOpen || bill.type === 'PROFORMA') return 'OPEN'
  const t = money(total)
  // The first transaction is in the bill's currency; one in another pays none of it.
  const currency = transactions[0]?.currency
  const own = transactions.filter((each) => (each.currency ?? currency) === currency)
  const { secured, pending, created, processed, executed } = tally(own)
  const ongoing = !secured.isZero() || created || processed || executed

  // A refund (negative total) is settled once as much has gone back: the comparisons turn.
  const refund = t.isNegative()
  const paid = refund ? secured.lessThanOrEqualTo(t) : secured.greaterThanOrEqualTo(t)
  if (paid) return 'PAID'
  const short = refund ? pending.greaterThan(t) : pending.lessThan(t)
  if (ongoing && short) return 'INCOMPLETE'
  if (created) return 'CREATED'
  if (processed) return 'PROCESSED'
  if (executed) return 'EXECUTED'
  return 'BAD_DEBT'
}
