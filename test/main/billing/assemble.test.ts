import { describe, expect, it } from 'vitest'
import { assembleRun, type OpenBills } from '../../../src-main/billing/assemble'
import { cents, money } from '../../../src-main/billing/money'
import type { PendingLine } from '../../../src-main/billing/types'

// Spec 7.2: pending lines of a run become bills per account.

function pending(overrides: Partial<PendingLine> = {}): PendingLine {
  return {
    orderId: 1,
    serviceId: 10,
    accountId: 100,
    description: 'Mailbox ana@example.net',
    ini: '2026-01-01',
    end: '2027-01-01',
    size: money(1),
    metric: money(1),
    nominalPrice: money('12.00'),
    subtotal: money('12.00'),
    discounts: [],
    refund: false,
    isFee: false,
    orderBilledOn: null,
    orderBilledUntil: null,
    ...overrides,
  }
}

const taxes = new Map([
  [10, money(21)],
  [20, money(0)],
])
const none = new Map<number, OpenBills>()
const run = { proforma: false, newOpen: false }

describe('assembleRun (spec 7.2)', () => {
  it('puts an account’s lines on one new invoice with the service’s tax', () => {
    const result = assembleRun([pending(), pending({ orderId: 2 })], taxes, none, run)
    expect(result.bills).toHaveLength(1)
    const [bill] = result.bills
    expect(bill).toMatchObject({ accountId: 100, type: 'INVOICE', existingBillId: null })
    expect(bill!.lines.map((line) => cents(line.tax))).toEqual(['21.00', '21.00'])
    expect(result.billedOrderIds).toEqual([1, 2])
  })

  it('appends to the account’s last open invoice unless new_open', () => {
    const open = new Map([[100, { invoiceId: 7, proformaId: 8 }]])
    expect(assembleRun([pending()], taxes, open, run).bills[0]!.existingBillId).toBe(7)
    const fresh = assembleRun([pending()], taxes, open, { ...run, newOpen: true })
    expect(fresh.bills[0]!.existingBillId).toBeNull()
  })

  it('gives each account its own invoice', () => {
    const lines = [pending(), pending({ orderId: 2, accountId: 200 }), pending({ orderId: 3 })]
    const result = assembleRun(lines, taxes, none, run)
    expect(result.bills.map((bill) => [bill.accountId, bill.lines.length])).toEqual([
      [100, 2],
      [200, 1],
    ])
  })

  it('puts all the fee lines of a run on one new fee bill, never an open invoice', () => {
    const open = new Map([[100, { invoiceId: 7, proformaId: null }]])
    const lines = [
      pending({ orderId: 1, isFee: true, serviceId: 20 }),
      pending({ orderId: 2 }),
      pending({ orderId: 3, isFee: true, serviceId: 20 }),
    ]
    const result = assembleRun(lines, taxes, open, run)
    expect(result.bills.map((bill) => [bill.type, bill.existingBillId, bill.lines.length])).toEqual(
      [
        ['FEE', null, 2],
        ['INVOICE', 7, 1],
      ],
    )
  })

  it('puts every line, fee or not, on the one pro forma and bills no order', () => {
    const open = new Map([[100, { invoiceId: 7, proformaId: 8 }]])
    const lines = [pending(), pending({ orderId: 2, isFee: true, serviceId: 20 })]
    const result = assembleRun(lines, taxes, open, { ...run, proforma: true })
    expect(result.bills.map((bill) => [bill.type, bill.existingBillId, bill.lines.length])).toEqual(
      [['PROFORMA', 8, 2]],
    )
    expect(result.billedOrderIds).toEqual([])
  })

  it('drops a zero-quantity line and does not count its order as billed', () => {
    const lines = [
      pending({ orderId: 1, metric: money(0), subtotal: money(0) }),
      pending({ orderId: 2 }),
    ]
    const result = assembleRun(lines, taxes, none, run)
    expect(result.bills[0]!.lines.map((line) => line.orderId)).toEqual([2])
    expect(result.billedOrderIds).toEqual([2])
    expect(result.skippedOrderIds).toEqual([1])
  })

  it('keeps a free line whose plan discount documents the allowance', () => {
    const line = pending({
      discounts: [{ type: 'PLAN', amount: money('-12.00') }],
    })
    const [bill] = assembleRun([line], taxes, none, run).bills
    expect(bill!.lines[0]!.sublines).toEqual([
      { type: 'PLAN', description: 'Discount per plan', total: money('-12.00') },
    ])
  })

  it('keeps size and metric exact and apart, and their product as the quantity', () => {
    const size = money(17).div(31)
    const [bill] = assembleRun([pending({ size, metric: money(2) })], taxes, none, run).bills
    const [line] = bill!.lines
    expect(line!.size.equals(size)).toBe(true)
    expect(line!.quantity.equals(size.times(2))).toBe(true)
    expect(line!.verboseQuantity).toBe('2×0.55')
  })

  it('records the period, a one-time line with no end, and the order’s earlier state', () => {
    const line = pending({ end: null, orderBilledOn: '2025-01-01', orderBilledUntil: '2026-01-01' })
    const [stored] = assembleRun([line], taxes, none, run).bills[0]!.lines
    expect(stored).toMatchObject({
      startOn: '2026-01-01',
      endOn: null,
      orderBilledOn: '2025-01-01',
      orderBilledUntil: '2026-01-01',
    })
  })

  it('refuses a line whose service has no tax rate given', () => {
    expect(() => assembleRun([pending({ serviceId: 99 })], taxes, none, run)).toThrow(/service 99/)
  })
})
