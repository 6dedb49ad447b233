import { describe, expect, it } from 'vitest'
import { paymentStateOf, type StatedAmount } from '../../../src-main/payments/payment-state'
import type { TransactionState } from '../../../src-shared/schemas/payments'

// Spec 7.6: a closed bill's payment state, from its total and its transactions.

const CLOSED = { isOpen: false, type: 'INVOICE' }

const paid = (state: TransactionState, amount: string): StatedAmount => ({ state, amount })

const stateOf = (total: string, ...transactions: StatedAmount[]) =>
  paymentStateOf(CLOSED, total, transactions)

describe('paymentStateOf', () => {
  it('is OPEN for an open bill and for a closed pro forma, whatever their transactions', () => {
    const secured = [paid('SECURED', '14.52')]
    expect(paymentStateOf({ isOpen: true, type: 'INVOICE' }, '14.52', secured)).toBe('OPEN')
    expect(paymentStateOf({ isOpen: false, type: 'PROFORMA' }, '14.52', [])).toBe('OPEN')
  })

  it('follows a positive bill through the bank: CREATED, PROCESSED, EXECUTED, PAID', () => {
    expect(stateOf('14.52', paid('WAITING_PROCESSING', '14.52'))).toBe('CREATED')
    expect(stateOf('14.52', paid('WAITING_EXECUTION', '14.52'))).toBe('PROCESSED')
    expect(stateOf('14.52', paid('EXECUTED', '14.52'))).toBe('EXECUTED')
    expect(stateOf('14.52', paid('SECURED', '14.52'))).toBe('PAID')
  })

  it('is PAID once secured reaches the total, over several transactions or more', () => {
    expect(stateOf('14.52', paid('SECURED', '10.00'), paid('SECURED', '4.52'))).toBe('PAID')
    expect(stateOf('14.52', paid('SECURED', '20.00'))).toBe('PAID')
  })

  it('adds amounts as decimals: 0.70 and 0.10 secured pay 0.80', () => {
    // In binary floating point 0.7 + 0.1 is 0.7999999999999999, short of 0.8.
    expect(stateOf('0.80', paid('SECURED', '0.70'), paid('SECURED', '0.10'))).toBe('PAID')
  })

  it('tells the earliest step first when transactions are at several', () => {
    const waiting = [paid('WAITING_PROCESSING', '7.26'), paid('WAITING_EXECUTION', '7.26')]
    expect(stateOf('14.52', ...waiting)).toBe('CREATED')
    const later = [paid('WAITING_EXECUTION', '7.26'), paid('EXECUTED', '7.26')]
    expect(stateOf('14.52', ...later)).toBe('PROCESSED')
  })

  it('is INCOMPLETE when what is under way is short of the total', () => {
    expect(stateOf('14.52', paid('SECURED', '10.00'))).toBe('INCOMPLETE')
    expect(stateOf('14.52', paid('WAITING_PROCESSING', '14.51'))).toBe('INCOMPLETE')
    const rejectedHalf = [paid('EXECUTED', '7.26'), paid('REJECTED', '7.26')]
    expect(stateOf('14.52', ...rejectedHalf)).toBe('INCOMPLETE')
  })

  it('is BAD_DEBT with nothing under way: no transaction, or every one rejected', () => {
    expect(stateOf('14.52')).toBe('BAD_DEBT')
    expect(stateOf('14.52', paid('REJECTED', '14.52'))).toBe('BAD_DEBT')
  })

  it('counts a reissued transaction in place of the rejected one', () => {
    const reissued = [paid('REJECTED', '14.52'), paid('WAITING_EXECUTION', '14.52')]
    expect(stateOf('14.52', ...reissued)).toBe('PROCESSED')
  })

  it('is PAID for a zero total, with its secured zero transaction or none', () => {
    expect(stateOf('0.00', paid('SECURED', '0.00'))).toBe('PAID')
    expect(stateOf('0.00')).toBe('PAID')
  })

  it('turns the comparisons for a negative total (money back to the customer)', () => {
    expect(stateOf('-6.05', paid('WAITING_PROCESSING', '-6.05'))).toBe('CREATED')
    expect(stateOf('-6.05', paid('WAITING_EXECUTION', '-6.05'))).toBe('PROCESSED')
    expect(stateOf('-6.05', paid('EXECUTED', '-6.05'))).toBe('EXECUTED')
    expect(stateOf('-6.05', paid('SECURED', '-6.05'))).toBe('PAID')
    expect(stateOf('-6.05', paid('SECURED', '-7.00'))).toBe('PAID')
    expect(stateOf('-6.05', paid('SECURED', '-6.04'))).toBe('INCOMPLETE')
    expect(stateOf('-6.05', paid('REJECTED', '-6.05'))).toBe('BAD_DEBT')
    expect(stateOf('-6.05')).toBe('BAD_DEBT')
  })
})
