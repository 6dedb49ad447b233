import { describe, expect, it } from 'vitest'
import { billCountedOrders } from '../../../src-main/billing/counting-engine'
import { undoBilling, type UndoLine, type UndoOrder } from '../../../src-main/billing/undo'
import { commit, group, order } from './counting-fixtures'

function line(id: number, fields: Partial<UndoLine>): UndoLine {
  return {
    id,
    orderId: 1,
    startOn: '2024-01-01',
    endOn: '2025-01-01',
    orderBilledOn: '2023-01-01',
    orderBilledUntil: '2024-01-01',
    billOpen: true,
    ...fields,
  }
}

/** 2024 billed on 2 January 2024, 2025 billed on 2 January 2025. */
const twoYears = [
  line(11, { orderBilledOn: '2023-01-02', orderBilledUntil: '2024-01-01' }),
  line(12, {
    startOn: '2025-01-01',
    endOn: '2026-01-01',
    orderBilledOn: '2024-01-02',
    orderBilledUntil: '2025-01-01',
  }),
]

const mailbox: UndoOrder = {
  id: 1,
  description: 'Mailbox info@example.org',
  billedOn: '2025-01-02',
  lines: twoYears,
}

describe('undoBilling (spec billing 6.12)', () => {
  it('gives the order back the state remembered on its earliest line', () => {
    const result = undoBilling([...twoYears].reverse(), [mailbox])
    expect(result).toEqual({
      ok: true,
      orders: [{ orderId: 1, billedOn: '2023-01-02', billedUntil: '2024-01-01' }],
      givers: [],
      lineIds: [12, 11],
      message: '1 order and 2 lines undone',
    })
  })

  it('leaves a never billed order unbilled again', () => {
    const first = line(11, { orderBilledOn: null, orderBilledUntil: null })
    const result = undoBilling([first], [{ ...mailbox, billedOn: '2024-01-01', lines: [first] }])
    expect(result.ok && result.orders).toEqual([{ orderId: 1, billedOn: null, billedUntil: null }])
  })

  it('counts orders and lines in its message', () => {
    const other = line(21, { orderId: 2 })
    const result = undoBilling(
      [...twoYears, other],
      [
        mailbox,
        { id: 2, description: 'Mailbox sales@example.org', billedOn: '2024-01-01', lines: [other] },
      ],
    )
    expect(result.message).toBe('2 orders and 3 lines undone')
  })

  it('refuses lines of one order with a gap between them', () => {
    const gap = [twoYears[0]!, line(13, { startOn: '2026-01-01', endOn: '2027-01-01' })]
    expect(undoBilling(gap, [mailbox])).toEqual({
      ok: false,
      refusal: { kind: 'GAP', orderId: 1, lineId: 13 },
      message: 'The selected lines of Mailbox info@example.org leave a gap: select those between',
    })
  })

  it('undoes the latest run of an order alone', () => {
    const result = undoBilling([twoYears[1]!], [mailbox])
    expect(result.ok && result.orders).toEqual([
      { orderId: 1, billedOn: '2024-01-02', billedUntil: '2025-01-01' },
    ])
  })

  it('refuses an older run alone, which would bill the later one twice', () => {
    const result = undoBilling([twoYears[0]!], [mailbox])
    expect(result).toEqual({
      ok: false,
      refusal: { kind: 'LATER_BILLING', orderId: 1, lineId: 12 },
      message: 'Mailbox info@example.org was billed again later: undo line 12 too',
    })
  })

  it('refuses an order billed before its first selected line starts', () => {
    const result = undoBilling([twoYears[1]!], [{ ...mailbox, billedOn: '2024-12-31' }])
    expect(result.ok || result.refusal).toEqual({ kind: 'BILLED_BEFORE_LINES', orderId: 1 })
  })

  it('refuses a line of a closed bill', () => {
    const result = undoBilling([line(11, { billOpen: false })], [mailbox])
    expect(result.ok || result.refusal).toEqual({ kind: 'BILL_CLOSED', lineId: 11 })
  })

  it('refuses a line whose order is gone', () => {
    const result = undoBilling([line(11, { orderId: null })], [mailbox])
    expect(result.ok || result.message).toBe(
      'Line 11 has no order left to give its billing back to',
    )
  })

  it('returns an order billed twice to where it was before both runs', () => {
    const original = order(1, { registeredOn: '2024-03-01' })
    let account = [original]
    const billed: UndoLine[] = []
    for (const [point, today] of [
      ['2024-03-01', '2024-03-01'],
      ['2025-01-01', '2025-01-02'],
    ] as const) {
      const result = billCountedOrders(group(account, { options: { billingPoint: point, today } }))
      for (const pending of result.lines) {
        billed.push({
          id: billed.length + 1,
          orderId: pending.orderId,
          startOn: pending.ini,
          endOn: pending.end,
          orderBilledOn: pending.orderBilledOn,
          orderBilledUntil: pending.orderBilledUntil,
          billOpen: true,
        })
      }
      account = commit(account, result.orderUpdates)
    }
    expect(account[0]).toMatchObject({ billedOn: '2025-01-02', billedUntil: '2026-01-01' })

    const undone = undoBilling(billed, [
      { id: 1, description: 'Mailbox', billedOn: '2025-01-02', lines: billed },
    ])
    expect(undone.ok && undone.orders).toEqual([{ orderId: 1, billedOn: null, billedUntil: null }])
    expect(undone.message).toBe('1 order and 2 lines undone')
  })
})
