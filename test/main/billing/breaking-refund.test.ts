import { describe, expect, it } from 'vitest'
import { billCountedOrders } from '../../../src-main/billing/counting-engine'
import { cents, money } from '../../../src-main/billing/money'
import { group, order, service } from './counting-fixtures'

// Spec 6.7, REFUND: the time given back is priced as it was billed, not at today's price.

const paidFor2024 = order(1, {
  registeredOn: '2024-01-01',
  billedOn: '2024-01-01',
  billedUntil: '2025-01-01',
  cancelledOn: '2024-07-01',
})

describe('billCountedOrders, refund after a price change (spec 6.7)', () => {
  it('gives back half of the 10.00 paid, not half of the new nominal price of 20.00', () => {
    const raised = service({ onCancel: 'REFUND', nominalPrice: money('20.00') })
    const input = group([paidFor2024], { service: raised, options: { billingPoint: '2024-07-02' } })
    const lastCharges = new Map([
      [1, { subtotal: money('10.00'), planDiscount: money(0), rate: money('10.00') }],
    ])
    const { lines } = billCountedOrders({ ...input, lastCharges })

    expect(lines).toHaveLength(1)
    expect(cents(lines[0]!.subtotal)).toBe('-5.00')
    expect(cents(lines[0]!.nominalPrice)).toBe('10.00')
  })

  it('keeps the proportion of a plan discount at the billed rate', () => {
    const raised = service({ onCancel: 'REFUND', nominalPrice: money('20.00') })
    const input = group([paidFor2024], { service: raised, options: { billingPoint: '2024-07-02' } })
    // Billed at 10.00 with a plan making it 4.00: 40% of 10.00 for half a year is 2.00.
    const lastCharges = new Map([
      [1, { subtotal: money('10.00'), planDiscount: money('-6.00'), rate: money('10.00') }],
    ])
    const { lines } = billCountedOrders({ ...input, lastCharges })

    expect(cents(lines[0]!.subtotal)).toBe('-2.00')
  })

  it('refunds at the nominal price when the billed line is not known', () => {
    const annual = service({ onCancel: 'REFUND', nominalPrice: money('20.00') })
    const { lines } = billCountedOrders(
      group([paidFor2024], { service: annual, options: { billingPoint: '2024-07-02' } }),
    )

    expect(cents(lines[0]!.subtotal)).toBe('-10.00')
  })

  it('gives back only what credit notes left charged: 12.00 less 4.00 credited is 4.00', () => {
    const annual = service({ onCancel: 'REFUND', nominalPrice: money('12.00') })
    const input = group([paidFor2024], { service: annual, options: { billingPoint: '2024-07-02' } })
    const charge = { subtotal: money('12.00'), planDiscount: money(0), credited: money('-4.00') }
    const { lines } = billCountedOrders({ ...input, lastCharges: new Map([[1, charge]]) })

    expect(cents(lines[0]!.subtotal)).toBe('-4.00')
  })

  it('gives back nothing of a line credited whole', () => {
    const annual = service({ onCancel: 'REFUND', nominalPrice: money('12.00') })
    const input = group([paidFor2024], { service: annual, options: { billingPoint: '2024-07-02' } })
    const charge = { subtotal: money('12.00'), planDiscount: money(0), credited: money('-12.00') }
    const { lines } = billCountedOrders({ ...input, lastCharges: new Map([[1, charge]]) })

    expect(cents(lines[0]!.subtotal)).toBe('0.00')
  })
})
