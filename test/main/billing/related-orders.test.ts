import { describe, expect, it } from 'vitest'
import { relatedOrders, type RelatedOrdersInput } from '../../../src-main/billing/related-orders'
import type { BilledOrder, BilledService } from '../../../src-main/billing/types'
import { order, rates, service } from './counting-fixtures'

// Spec 4.4 at its edges: the run's window, cancellation policies and one-time services.

const selected = order(1, { registeredOn: '2024-03-01' })

function offered(others: BilledOrder[], fields: Partial<RelatedOrdersInput> = {}) {
  const mailbox = fields.services?.get(1) ?? service()
  return relatedOrders({
    selected: [selected],
    chosenIds: new Set([selected.id]),
    accountOrders: [selected, ...others],
    services: new Map<number, BilledService>([[1, mailbox]]),
    ratesFor: () =>
      rates([
        [1, '0'],
        [2, '10'],
      ]),
    options: { billingPoint: '2024-03-01', fixedPoint: false },
    includeIgnored: false,
    ...fields,
  }).map((related) => related.id)
}

describe('relatedOrders (spec 4.4)', () => {
  it('offers an order cancelled on the run start, not one cancelled the day before', () => {
    const others = [
      order(2, { registeredOn: '2024-01-01', cancelledOn: '2024-03-01' }),
      order(3, { registeredOn: '2024-01-01', cancelledOn: '2024-02-29' }),
    ]
    expect(offered(others)).toEqual([2])
  })

  it('leaves out an order billed up to its cancellation, whatever happens on cancel', () => {
    const done = order(2, {
      registeredOn: '2024-01-01',
      cancelledOn: '2024-06-01',
      billedOn: '2024-01-01',
      billedUntil: '2024-06-01',
    })
    for (const onCancel of ['NOTHING', 'DISCOUNT', 'COMPENSATE', 'REFUND'] as const) {
      const services = new Map([[1, service({ onCancel })]])
      expect(offered([done], { services })).toEqual([])
    }
  })

  it('offers nothing for a one-time service or an account without rates', () => {
    const other = order(2, { registeredOn: '2024-01-01' })
    const once = new Map([[1, service({ billingPeriod: '' })]])
    expect(offered([other], { services: once })).toEqual([])
    expect(offered([other], { ratesFor: () => [] })).toEqual([])
    expect(offered([other])).toEqual([2])
  })
})
