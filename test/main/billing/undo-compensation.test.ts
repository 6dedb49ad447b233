import { describe, expect, it } from 'vitest'
import { withGivers } from '../../../src-main/billing/compensation-givers'
import { billCountedOrders } from '../../../src-main/billing/counting-engine'
import { cents, money } from '../../../src-main/billing/money'
import type { BilledOrder, PendingLine } from '../../../src-main/billing/types'
import {
  undoBilling,
  type UndoGiver,
  type UndoLine,
  type UndoOrder,
} from '../../../src-main/billing/undo'
import { commit, group, order, service } from './counting-fixtures'

const compensating = service({ onCancel: 'COMPENSATE' })

/** Paid for 2024 on 2 January, cancelled on 1 May: eight months to hand over. */
const cancelled = order(1, {
  description: 'Mailbox old@example.org',
  registeredOn: '2023-01-01',
  cancelledOn: '2024-05-01',
  billedOn: '2024-01-02',
  billedUntil: '2025-01-01',
})
const replacement = order(2, { description: 'Mailbox new@example.org', registeredOn: '2024-05-01' })

function run(account: BilledOrder[]) {
  const receivers = account.filter((entry) => entry.id !== cancelled.id)
  return billCountedOrders(
    group(receivers, {
      service: compensating,
      accountOrders: account,
      options: { billingPoint: '2024-05-01', today: '2024-05-02' },
    }),
  )
}

const figures = (line: PendingLine | undefined) => [
  cents(line?.subtotal ?? 0),
  line?.discounts.map((discount) => [discount.type, cents(discount.amount), discount.giver]),
]

/** The undo's view of the run's line, and of the orders as the run left them. */
function undoInputs(line: PendingLine, account: BilledOrder[], lineId = 21) {
  const undoLine: UndoLine = {
    id: lineId,
    orderId: line.orderId,
    startOn: line.ini,
    endOn: line.end,
    orderBilledOn: line.orderBilledOn,
    orderBilledUntil: line.orderBilledUntil,
    billOpen: true,
  }
  const receiver = account.find((entry) => entry.id === line.orderId)!
  const orders: UndoOrder[] = [{ ...receiver, lines: [undoLine] }]
  const giver = account.find((entry) => entry.id === cancelled.id)!
  const gifts = line.discounts.flatMap((discount) =>
    discount.giver ? [{ lineId, ...discount.giver }] : [],
  )
  const givers: UndoGiver[] = [{ ...giver, gifts }]
  return { lines: [undoLine], orders, givers }
}

describe('undoBilling of a compensation (spec billing 6.9, 6.12)', () => {
  it('remembers the giver and its billed_until on the compensation', () => {
    const { lines } = run([cancelled, replacement])
    expect(figures(lines[0])).toEqual([
      '6.67',
      [
        [
          'COMPENSATION',
          '-6.67',
          { orderId: 1, billedUntil: '2025-01-01', leftUntil: '2024-05-01' },
        ],
      ],
    ])
  })

  it('gives the giver its time back, and the next run gives it over again', () => {
    const first = run([cancelled, replacement])
    const billed = commit([cancelled, replacement], first.orderUpdates)
    expect(billed[0]).toMatchObject({ billedUntil: '2024-05-01' })

    const { lines, orders, givers } = undoInputs(first.lines[0]!, billed)
    const undone = undoBilling(lines, orders, givers)
    expect(undone).toEqual({
      ok: true,
      orders: [{ orderId: 2, billedOn: null, billedUntil: null }],
      givers: [{ orderId: 1, billedUntil: '2025-01-01' }],
      lineIds: [21],
      message: '1 order and 1 line undone, 1 cancelled order given its time back',
    })

    const restored = billed.map((entry) =>
      entry.id === 1
        ? { ...entry, billedUntil: '2025-01-01' }
        : { ...entry, billedOn: null, billedUntil: null },
    )
    expect(restored).toEqual([cancelled, replacement])
    expect(figures(run(restored).lines[0])).toEqual(figures(first.lines[0]))
  })

  it('refuses when the giver has moved since the run, naming it', () => {
    const first = run([cancelled, replacement])
    const billed = commit([cancelled, replacement], first.orderUpdates)
    const { lines, orders, givers } = undoInputs(first.lines[0]!, billed)
    const moved = givers.map((giver) => ({ ...giver, billedUntil: '2024-06-01' }))
    expect(undoBilling(lines, orders, moved)).toEqual({
      ok: false,
      refusal: { kind: 'GIVER_CHANGED', orderId: 1, lineId: 21 },
      message:
        'Mailbox old@example.org gave its prepaid time to line 21 and was billed or changed ' +
        'since: its time cannot be given back',
    })
  })

  it('refuses one of two lines the giver gave to in the same run', () => {
    const first = run([cancelled, replacement])
    const billed = commit([cancelled, replacement], first.orderUpdates)
    const { lines, orders, givers } = undoInputs(first.lines[0]!, billed)
    const shared = givers.map((giver) => ({
      ...giver,
      gifts: [...giver.gifts, { ...giver.gifts[0]!, lineId: 22 }],
    }))
    expect(undoBilling(lines, orders, shared)).toMatchObject({
      ok: false,
      refusal: { kind: 'GIFT_SHARED', orderId: 1, lineId: 22 },
      message: 'Mailbox old@example.org also gave time to line 22: undo it too',
    })
  })
})

describe('withGivers', () => {
  const givers = new Map([
    [1, { orderId: 1, billedUntil: '2025-01-01', leftUntil: '2024-07-01' }],
    [2, { orderId: 2, billedUntil: '2025-01-01', leftUntil: '2024-10-01' }],
  ])

  it('splits one compensation between two givers by their days, to the cent', () => {
    const discounts = withGivers(
      [
        { type: 'PLAN', amount: money('-1.00') },
        { type: 'COMPENSATION', amount: money('-5.01') },
      ],
      [
        { ini: '2024-07-01', end: '2024-10-01', orderId: 1 },
        { ini: '2024-10-01', end: '2025-01-01', orderId: 2 },
      ],
      { ini: '2024-07-01', end: '2025-01-01' },
      givers,
    )
    // 92 days each: 2.505 and 2.505, the odd cent to the lower id.
    expect(discounts.map((d) => [d.type, cents(d.amount), d.giver?.orderId])).toEqual([
      ['PLAN', '-1.00', undefined],
      ['COMPENSATION', '-2.51', 1],
      ['COMPENSATION', '-2.50', 2],
    ])
  })
})
