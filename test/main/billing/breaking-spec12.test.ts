import { describe, expect, it } from 'vitest'
import { cents, money } from '../../../src-main/billing/money'
import type { BilledOrder } from '../../../src-main/billing/types'
import { chain, row } from './breaking-chain'
import { commit, order, rates, service } from './counting-fixtures'

// Spec 12, the checkable behaviours, each through billOrders, assembleRun and the bill totals.

const lineTotals = (result: ReturnType<typeof chain>) =>
  result.run.bills.flatMap((bill) =>
    bill.lines.map((line) =>
      cents(line.sublines.reduce((sum, subline) => sum.plus(subline.total), line.subtotal)),
    ),
  )

describe('spec 12 through the whole chain', () => {
  it('12.1: bills nominal × exact size with a fixed point: 1 year 10.00, 6 months 5.00', () => {
    const annual = service()
    const at = (billingPoint: string) =>
      chain([annual], [order(1)], { billingPoint, fixedPoint: true }).totals[0]
    expect(at('2025-01-01')).toMatchObject({ base: '10.00', tax: '2.10', total: '12.10' })
    expect(at('2024-07-01')).toMatchObject({ base: '5.00', total: '6.05' })
    expect(at('2026-01-01')).toMatchObject({ base: '20.00', total: '24.20' })
  })

  it('12.2: bills an annual fixed-date prepay to the next 1 January', () => {
    const result = chain([service()], [order(1, { registeredOn: '2024-03-15' })], {
      billingPoint: '2024-03-15',
    })
    const line = result.run.bills[0]!.lines[0]!
    expect([line.startOn, line.endOn]).toEqual(['2024-03-15', '2025-01-01'])
    // 9 whole months and 17 days of 2024: 10 × (9/12 + 17/366) = 7.96448.
    expect(result.totals[0]).toMatchObject({ base: '7.96', tax: '1.67', total: '9.63' })
  })

  it('12.3: charges successive domain registrations 0, 10, 10, 9, 9, 6, 6, 6', () => {
    const domains = service({ billingPoint: 'ON_REGISTER' })
    const domainRates = rates([
      [0, '0.00'],
      [2, '10.00'],
      [4, '9.00'],
      [6, '6.00'],
    ])
    let account: BilledOrder[] = []
    const totals: string[] = []
    for (let month = 1; month <= 8; month++) {
      const registeredOn = `2024-0${month}-10`
      const registered = order(month, { registeredOn })
      account = [...account, registered]
      const result = chain(
        [domains],
        [registered],
        { billingPoint: registeredOn },
        {
          rates: domainRates,
          accountOrders: account,
        },
      )
      totals.push(result.totals[0]!.base)
      account = commit(account, result.orderUpdates)
    }
    expect(totals).toEqual(['0.00', '10.00', '10.00', '9.00', '9.00', '6.00', '6.00', '6.00'])
  })

  it('12.3: keeps the free registration as a line with its plan discount', () => {
    const domains = service({ billingPoint: 'ON_REGISTER' })
    const result = chain(
      [domains],
      [order(1, { registeredOn: '2024-01-10' })],
      {
        billingPoint: '2024-01-10',
      },
      { rates: rates([[0, '0.00']]) },
    )
    const line = result.run.bills[0]!.lines[0]!
    expect(cents(line.subtotal)).toBe('10.00')
    expect(line.sublines.map((s) => [s.type, cents(s.total)])).toEqual([['PLAN', '-10.00']])
    expect(result.run.billedOrderIds).toEqual([1])
  })

  it('12.4: compensates a replaced prepaid order and moves its billed_until back', () => {
    const compensating = service({ onCancel: 'COMPENSATE' })
    const old = order(1, {
      registeredOn: '2024-01-01',
      billedOn: '2024-01-01',
      billedUntil: '2025-01-01',
      cancelledOn: '2024-07-01',
    })
    const replacement = order(2, { registeredOn: '2024-07-01' })
    const result = chain(
      [compensating],
      [replacement],
      { billingPoint: '2024-07-01' },
      {
        accountOrders: [old, replacement],
      },
    )

    const line = result.run.bills[0]!.lines[0]!
    expect([line.startOn, line.endOn, cents(line.subtotal)]).toEqual([
      '2024-07-01',
      '2025-01-01',
      '5.00',
    ])
    expect(line.sublines.map((s) => [s.type, cents(s.total)])).toEqual([['COMPENSATION', '-5.00']])
    expect(result.totals[0]).toMatchObject({ total: '0.00' })
    const giver = result.orderUpdates.find((update) => update.orderId === 1)
    expect(giver?.billedUntil).toBe('2024-07-01')
  })

  it('12.5: a pro forma changes no order and goes on the open pro forma', () => {
    const result = chain([service()], [order(1)], {}, { proforma: true, openProformaId: 7 })
    expect(result.orderUpdates).toEqual([])
    expect(result.run.billedOrderIds).toEqual([])
    expect(result.run.bills.map((bill) => [bill.type, bill.existingBillId])).toEqual([
      ['PROFORMA', 7],
    ])
  })

  it('12.6: prices postpaid traffic per calendar month, no line for a month without value', () => {
    const traffic = service({
      billingPeriod: 'MONTHLY',
      paymentStyle: 'POSTPAY',
      hasMetric: true,
      nominalPrice: money('1.00'),
    })
    const metrics = new Map([[1, [row('2024-01-10', '5'), row('2024-03-05', '3')]]])
    const result = chain([traffic], [order(1)], { billingPoint: '2024-04-01' }, { metrics })

    const lines = result.run.bills[0]!.lines
    expect(lines.map((line) => [line.startOn, line.endOn, line.metric.toString()])).toEqual([
      ['2024-01-01', '2024-02-01', '5'],
      ['2024-03-01', '2024-04-01', '3'],
    ])
    expect(result.totals[0]).toMatchObject({ base: '8.00', total: '9.68' })
  })

  it('12.7: recharges a prepaid metric increase net of what was prepaid', () => {
    const disk = service({ hasMetric: true, pricingPeriod: '', nominalPrice: money('12.00') })
    const paid = order(1, {
      billedOn: '2024-01-01',
      billedUntil: '2025-01-01',
      billedMetric: money(1),
    })
    const metrics = new Map([[1, [row('2024-01-01', '1'), row('2024-07-01', '2')]]])
    const result = chain(
      [disk],
      [paid],
      { billingPoint: '2024-07-02', today: '2024-07-02' },
      {
        metrics,
      },
    )

    const line = result.run.bills[0]!.lines[0]!
    expect([line.startOn, line.endOn, line.metric.toString(), cents(line.subtotal)]).toEqual([
      '2024-07-01',
      '2025-01-01',
      '2',
      '12.00',
    ])
    expect(lineTotals(result)).toEqual(['6.00'])
  })

  it('12.7: refunds nothing for a decrease', () => {
    const disk = service({ hasMetric: true, pricingPeriod: '', nominalPrice: money('12.00') })
    const paid = order(1, {
      billedOn: '2024-01-01',
      billedUntil: '2025-01-01',
      billedMetric: money(2),
    })
    const metrics = new Map([[1, [row('2024-01-01', '2'), row('2024-07-01', '1')]]])
    const result = chain(
      [disk],
      [paid],
      { billingPoint: '2024-07-02', today: '2024-07-02' },
      {
        metrics,
      },
    )
    expect(result.run.bills).toEqual([])
    expect(result.orderUpdates).toEqual([])
  })

  it('12.8: bills a one-time metric once, on the value in force', () => {
    const work = service({
      billingPeriod: '',
      pricingPeriod: '',
      hasMetric: true,
      nominalPrice: money('30.00'),
    })
    const metrics = new Map([[1, [row('2024-03-01', '2'), row('2024-03-04', '3')]]])
    const options = { billingPoint: '2024-03-05', today: '2024-03-05' }
    const first = chain([work], [order(1, { registeredOn: '2024-03-01' })], options, { metrics })
    expect(first.totals[0]).toMatchObject({ base: '90.00' })

    const [billed] = commit([order(1, { registeredOn: '2024-03-01' })], first.orderUpdates)
    const again = chain([work], [billed!], { ...options, today: '2024-04-01' }, { metrics })
    expect(again.run.bills).toEqual([])
  })

  it('12.9: puts fee lines on a FEE bill and the others on the invoice', () => {
    const fee = service({ id: 2, isFee: true, nominalPrice: money('50.00') })
    const result = chain([service(), fee], [order(1), order(2, { serviceId: 2 })], {})
    expect(result.run.bills.map((bill) => bill.type)).toEqual(['INVOICE', 'FEE'])
    expect(result.totals.map((total) => total.base)).toEqual(['10.00', '50.00'])
  })

  it('12.10: ignores a rate dearer than the nominal price', () => {
    const result = chain(
      [service({ pricingPeriod: '' })],
      [order(1)],
      {},
      {
        rates: rates([[1, '15.00']]),
      },
    )
    expect(lineTotals(result)).toEqual(['10.00'])
    expect(result.run.bills[0]!.lines[0]!.sublines).toEqual([])
  })
})
