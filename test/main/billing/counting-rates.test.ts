import { describe, expect, it } from 'vitest'
import { billCountedOrders } from '../../../src-main/billing/counting-engine'
import { countingMode } from '../../../src-main/billing/counting-pricing'
import { cents } from '../../../src-main/billing/money'
import type { BilledOrder } from '../../../src-main/billing/types'
import { commit, group, order, rates, service, total } from './counting-fixtures'

/** Mail accounts: no pricing period, so orders alive at the same time share the rate table. */
const concurrent = service({ pricingPeriod: '' })
/** The first mailbox is free, the others cost the nominal 10.00 a year. */
const firstFree = rates([
  [1, '0.00'],
  [2, '10.00'],
])

describe('countingMode (spec billing 6.6)', () => {
  it('prices orders alone at nominal when the account has no rates', () => {
    expect(countingMode({ service: concurrent, rates: [] })).toBe('NOMINAL')
  })

  it('prices periodic orders without pricing period as concurrent orders', () => {
    expect(countingMode({ service: concurrent, rates: firstFree })).toBe('CONCURRENT')
  })

  it('prices periodic orders with a pricing period by registrations and renewals', () => {
    expect(countingMode({ service: service(), rates: firstFree })).toBe('REGISTER_OR_RENEW')
  })

  it('prices a one-time service without pricing period at nominal', () => {
    const once = service({ billingPeriod: '', pricingPeriod: 'BILLING_PERIOD' })
    expect(countingMode({ service: once, rates: firstFree })).toBe('NOMINAL')
  })

  it('prices a one-time service with an explicit pricing period by events', () => {
    const once = service({ billingPeriod: '', pricingPeriod: 'ANUAL' })
    expect(countingMode({ service: once, rates: firstFree })).toBe('REGISTER_OR_RENEW')
  })
})

describe('billCountedOrders, concurrent orders (spec billing 6.7)', () => {
  const older = order(1, { registeredOn: '2023-01-01', billedOn: '2023-01-01' })

  it('gives the free first position to the order alive longest', () => {
    const renewing = { ...older, billedUntil: '2024-01-01' }
    const joining = order(2, { registeredOn: '2024-07-01' })
    const { lines } = billCountedOrders(
      group([renewing, joining], {
        service: concurrent,
        rates: firstFree,
        options: { billingPoint: '2024-07-01' },
      }),
    )
    expect(lines.map(total)).toEqual(['0.00', '5.00'])
    expect(cents(lines[0]?.subtotal ?? 0)).toBe('10.00')
    expect(lines[0]?.discounts.map((discount) => discount.type)).toEqual(['PLAN'])
  })

  it('lets a second order take the free position once the first one ends', () => {
    const ending = { ...older, cancelledOn: '2024-07-01', billedUntil: '2024-07-01' }
    const second = order(2, { registeredOn: '2024-01-01' })
    const { lines } = billCountedOrders(
      group([second], { service: concurrent, rates: firstFree, accountOrders: [ending, second] }),
    )
    // January to June behind the first order (5.00), July to December free.
    expect(total(lines[0])).toBe('5.00')
  })

  it('charges an order only from its own start when billed with a newer order', () => {
    // Original bug: the order billed until October was charged from July, the run's start.
    const halfPrice = rates([[1, '6.00']])
    const paidToOctober = { ...older, billedUntil: '2024-10-01' }
    const joining = order(2, { registeredOn: '2024-07-01' })
    const { lines } = billCountedOrders(
      group([paidToOctober, joining], {
        service: concurrent,
        rates: halfPrice,
        options: { billingPoint: '2024-10-01' },
      }),
    )
    expect(lines[0]).toMatchObject({ orderId: 1, ini: '2024-10-01', end: '2025-01-01' })
    expect(total(lines[0])).toBe('1.50')
    expect(total(lines[1])).toBe('3.00')
  })

  it('never makes a line dearer than nominal (12.10)', () => {
    const dearer = rates([[1, '15.00']])
    const { lines } = billCountedOrders(group([order(1)], { service: concurrent, rates: dearer }))
    expect(lines[0]?.discounts).toEqual([])
    expect(total(lines[0])).toBe('10.00')
  })

  it('gives an ignored order of the account no position', () => {
    const trial = { ...older, billedUntil: '2025-01-01', ignore: true }
    const paying = order(2)
    const { lines } = billCountedOrders(
      group([paying], { service: concurrent, rates: firstFree, accountOrders: [trial, paying] }),
    )
    expect(total(lines[0])).toBe('0.00')
  })
})

describe('billCountedOrders, register or renew (spec billing 6.7, 12.3)', () => {
  const domains = service({ billingPoint: 'ON_REGISTER' })
  const domainRates = rates([
    [0, '0.00'],
    [2, '10.00'],
    [4, '9.00'],
    [6, '6.00'],
  ])

  it('charges successive registrations in one year 0, 10, 10, 9, 9, 6, 6, 6', () => {
    let account: BilledOrder[] = []
    const prices: string[] = []
    for (let month = 1; month <= 8; month++) {
      const registeredOn = `2024-0${month}-10`
      const registered = order(month, { registeredOn })
      account = [...account, registered]
      const result = billCountedOrders(
        group([registered], {
          service: domains,
          rates: domainRates,
          accountOrders: account,
          options: { billingPoint: registeredOn, today: registeredOn },
        }),
      )
      expect(result.lines[0]?.end).toBe(`2025-0${month}-10`)
      prices.push(total(result.lines[0]))
      account = commit(account, result.orderUpdates)
    }
    expect(prices).toEqual(['0.00', '10.00', '10.00', '9.00', '9.00', '6.00', '6.00', '6.00'])
  })

  it('prices domains registered together by their place among the registrations', () => {
    const together = [1, 2, 3].map((id) => order(id, { registeredOn: '2024-05-10' }))
    const { lines } = billCountedOrders(
      group(together, {
        service: domains,
        rates: domainRates,
        options: { billingPoint: '2024-05-10' },
      }),
    )
    expect(lines.map(total)).toEqual(['0.00', '10.00', '10.00'])
  })

  it('prices the renewal of the first of eight domains as the eighth event of its year', () => {
    const account = [1, 2, 3, 4, 5, 6, 7, 8].map((month) =>
      order(month, {
        registeredOn: `2024-0${month}-10`,
        billedOn: `2024-0${month}-10`,
        billedUntil: `2025-0${month}-10`,
      }),
    )
    const { lines } = billCountedOrders(
      group([account[0]!], {
        service: domains,
        rates: domainRates,
        accountOrders: account,
        options: { billingPoint: '2025-01-10' },
      }),
    )
    expect(lines[0]).toMatchObject({ ini: '2025-01-10', end: '2026-01-10' })
    expect(total(lines[0])).toBe('6.00')
  })

  it('counts only the events of the trailing year', () => {
    // Registered over a year ago and paid two years ahead: no event in the window.
    const longPaid = order(1, {
      registeredOn: '2023-02-10',
      billedOn: '2023-02-10',
      billedUntil: '2025-02-10',
    })
    const registered = order(2, { registeredOn: '2024-03-10' })
    const { lines } = billCountedOrders(
      group([registered], {
        service: domains,
        rates: domainRates,
        accountOrders: [longPaid, registered],
        options: { billingPoint: '2024-03-10' },
      }),
    )
    expect(total(lines[0])).toBe('0.00')
  })

  it('counts the end of a domain let go within the year as an event', () => {
    const expired = order(1, {
      registeredOn: '2023-01-10',
      billedOn: '2023-01-10',
      billedUntil: '2024-01-10',
      cancelledOn: '2024-01-10',
    })
    const registered = order(2, { registeredOn: '2024-03-10' })
    const { lines } = billCountedOrders(
      group([registered], {
        service: domains,
        rates: domainRates,
        accountOrders: [expired, registered],
        options: { billingPoint: '2024-03-10' },
      }),
    )
    expect(total(lines[0])).toBe('10.00')
  })
})
