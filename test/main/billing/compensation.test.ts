import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  assignCompensations,
  intersect,
  intervalDays,
  selectGivers,
  subtract,
  usablePieces,
} from '../../../src-main/billing/compensation'
import type { BilledOrder } from '../../../src-main/billing/types'

function order(id: number, fields: Partial<BilledOrder>): BilledOrder {
  return {
    id,
    accountId: 1,
    serviceId: 1,
    description: `Order ${id}`,
    registeredOn: '2024-01-01',
    cancelledOn: null,
    billedOn: null,
    billedUntil: null,
    billedMetric: null,
    ignore: false,
    ...fields,
  }
}

/** Cancelled on 2024-07-01 with 2024 prepaid: half a year to give away. */
const halfYearGiver = order(1, {
  cancelledOn: '2024-07-01',
  billedOn: '2024-01-01',
  billedUntil: '2025-01-01',
})

describe('compensation intervals (spec billing 6.9)', () => {
  it('counts the days of an interval, 29 February included', () => {
    expect(intervalDays({ ini: '2024-02-28', end: '2024-03-01' })).toBe(2)
    expect(intervalDays({ ini: '2023-02-28', end: '2023-03-01' })).toBe(1)
    expect(intervalDays({ ini: '2024-01-01', end: '2025-01-01' })).toBe(366)
  })

  it('gives a reversed interval zero days', () => {
    expect(intervalDays({ ini: '2024-03-01', end: '2024-02-01' })).toBe(0)
  })

  it('intersects overlapping intervals, keeping the first one owner', () => {
    const giver = { ini: '2024-07-01', end: '2025-01-01', orderId: 7 }
    expect(intersect(giver, { ini: '2024-09-15', end: '9999-12-31' })).toEqual({
      ini: '2024-09-15',
      end: '2025-01-01',
      orderId: 7,
    })
  })

  it('finds nothing common to intervals that only touch', () => {
    expect(
      intersect({ ini: '2024-01-01', end: '2024-02-01' }, { ini: '2024-02-01', end: '2024-03-01' }),
    ).toBeNull()
  })

  it('leaves two pieces when a middle part is subtracted', () => {
    const pieces = subtract(
      { ini: '2024-01-01', end: '2024-12-01', orderId: 3 },
      {
        ini: '2024-03-01',
        end: '2024-05-01',
      },
    )
    expect(pieces).toEqual([
      { ini: '2024-01-01', end: '2024-03-01', orderId: 3 },
      { ini: '2024-05-01', end: '2024-12-01', orderId: 3 },
    ])
  })

  it('leaves nothing when the subtracted interval covers it all', () => {
    expect(
      subtract({ ini: '2024-03-01', end: '2024-04-01' }, { ini: '2024-01-01', end: '2025-01-01' }),
    ).toEqual([])
  })

  it('keeps the days of both pieces and the removed part equal to the whole', () => {
    const date = fc
      .integer({ min: 0, max: 3000 })
      .map((n) => new Date(Date.UTC(2020, 0, 1 + n)).toISOString().slice(0, 10))
    fc.assert(
      fc.property(date, date, date, date, (a, b, c, d) => {
        const [ini, end] = a < b ? [a, b] : [b, a]
        const whole = { ini, end }
        const cut = { ini: c < d ? c : d, end: c < d ? d : c }
        const common = intersect(whole, cut)
        const rest = subtract(whole, cut).reduce((days, piece) => days + intervalDays(piece), 0)
        expect(rest + (common ? intervalDays(common) : 0)).toBe(intervalDays(whole))
      }),
    )
  })
})

describe('selectGivers (spec billing 6.7)', () => {
  it('takes cancelled orders billed past the run start and registered before its end', () => {
    const active = order(2, { billedOn: '2024-01-01', billedUntil: '2025-01-01' })
    const billedBefore = order(3, {
      cancelledOn: '2023-07-01',
      billedOn: '2023-01-01',
      billedUntil: '2024-01-01',
    })
    const registeredLater = order(4, {
      registeredOn: '2025-02-01',
      cancelledOn: '2025-03-01',
      billedOn: '2025-02-01',
      billedUntil: '2026-01-01',
    })
    const givers = selectGivers(
      [halfYearGiver, active, billedBefore, registeredLater],
      '2024-07-01',
      '2025-01-01',
    )
    expect(givers.map((giver) => giver.id)).toEqual([1])
  })
})

describe('assignCompensations (spec billing 6.9)', () => {
  it('hands the cancelled prepaid half year to a new order and moves billed_until back', () => {
    const receiver = order(2, { registeredOn: '2024-07-01' })
    const result = assignCompensations(
      [halfYearGiver],
      [{ order: receiver, newBilledUntil: '2025-01-01' }],
    )
    expect(result.receivers.get(2)).toEqual({
      pieces: [{ ini: '2024-07-01', end: '2025-01-01', orderId: 1 }],
      billedUntil: '2025-01-01',
    })
    expect(result.giverBilledUntil.get(1)).toBe('2024-07-01')
  })

  it('gives only the time after the receiver starts, the rest is not refunded', () => {
    const receiver = order(2, { registeredOn: '2024-08-01' })
    const result = assignCompensations(
      [halfYearGiver],
      [{ order: receiver, newBilledUntil: '2025-01-01' }],
    )
    expect(result.receivers.get(2)?.pieces).toEqual([
      { ini: '2024-08-01', end: '2025-01-01', orderId: 1 },
    ])
    expect(result.giverBilledUntil.get(1)).toBe('2024-08-01')
  })

  it('gives the time once: a second receiver gets what the first did not need', () => {
    const shortLived = order(2, { registeredOn: '2024-07-01', cancelledOn: '2024-10-01' })
    const later = order(3, { registeredOn: '2024-09-01' })
    const result = assignCompensations(
      [halfYearGiver],
      [
        { order: shortLived, newBilledUntil: '2024-10-01' },
        { order: later, newBilledUntil: '2025-01-01' },
      ],
    )
    expect(result.receivers.get(2)?.pieces).toEqual([
      { ini: '2024-07-01', end: '2024-10-01', orderId: 1 },
    ])
    expect(result.receivers.get(3)?.pieces).toEqual([
      { ini: '2024-10-01', end: '2025-01-01', orderId: 1 },
    ])
    expect(result.giverBilledUntil.get(1)).toBe('2024-07-01')
  })

  it('takes the giver covering the most days first and leaves a redundant one alone', () => {
    const shortGiver = order(1, {
      cancelledOn: '2024-07-01',
      billedOn: '2024-07-01',
      billedUntil: '2024-08-01',
    })
    const longGiver = order(2, {
      cancelledOn: '2024-07-01',
      billedOn: '2024-01-01',
      billedUntil: '2025-01-01',
    })
    const receiver = order(3, { registeredOn: '2024-07-01' })
    const result = assignCompensations(
      [shortGiver, longGiver],
      [{ order: receiver, newBilledUntil: '2025-01-01' }],
    )
    expect(result.receivers.get(3)?.pieces).toEqual([
      { ini: '2024-07-01', end: '2025-01-01', orderId: 2 },
    ])
    expect([...result.giverBilledUntil]).toEqual([[2, '2024-07-01']])
  })

  it('gives nothing to an order this run does not bill further', () => {
    const receiver = order(2, {
      registeredOn: '2024-07-01',
      billedOn: '2024-07-01',
      billedUntil: '2025-01-01',
    })
    const result = assignCompensations(
      [halfYearGiver],
      [{ order: receiver, newBilledUntil: '2025-01-01' }],
    )
    expect(result.receivers.size).toBe(0)
    expect(result.giverBilledUntil.size).toBe(0)
  })

  it('extends the receiver to the end of a piece reaching beyond its window', () => {
    const giver = { ...halfYearGiver, billedUntil: '2025-03-01' }
    const receiver = order(2, { registeredOn: '2024-07-01' })
    const result = assignCompensations([giver], [{ order: receiver, newBilledUntil: '2025-01-01' }])
    expect(result.receivers.get(2)?.billedUntil).toBe('2025-03-01')
  })

  it('keeps a far piece with its giver when the receiver cannot use it', () => {
    const giver = order(1, {
      cancelledOn: '2024-07-21',
      billedOn: '2024-07-01',
      billedUntil: '2024-08-01',
    })
    const receiver = order(2, { registeredOn: '2024-06-01' })
    const result = assignCompensations([giver], [{ order: receiver, newBilledUntil: '2024-07-01' }])
    expect(result.receivers.size).toBe(0)
    expect(result.giverBilledUntil.size).toBe(0)
  })
})

describe('assignCompensations properties (spec billing 6.9)', () => {
  const date = fc
    .integer({ min: 0, max: 1500 })
    .map((n) => new Date(Date.UTC(2024, 0, 1 + n)).toISOString().slice(0, 10))
  const giver = (id: number) =>
    fc.tuple(date, date).map(([a, b]) =>
      order(id, {
        cancelledOn: a < b ? a : b,
        billedOn: '2024-01-01',
        billedUntil: a < b ? b : a,
      }),
    )
  const receiver = (id: number) =>
    fc.tuple(date, date).map(([a, b]) => ({
      order: order(id, { registeredOn: a < b ? a : b }),
      newBilledUntil: a < b ? b : a,
    }))

  it('gives every day of prepaid time at most once, and only its giver own days', () => {
    const givers = fc.tuple(giver(1), giver(2), giver(3))
    const receivers = fc.tuple(receiver(11), receiver(12), receiver(13))
    fc.assert(
      fc.property(givers, receivers, (from, to) => {
        const result = assignCompensations(from, to)
        const pieces = [...result.receivers.values()].flatMap((received) => received.pieces)
        for (const [index, piece] of pieces.entries()) {
          const owner = from.find((candidate) => candidate.id === piece.orderId)
          expect(owner?.cancelledOn && piece.ini >= owner.cancelledOn).toBe(true)
          expect(owner?.billedUntil && piece.end <= owner.billedUntil).toBe(true)
          expect(result.giverBilledUntil.get(piece.orderId ?? 0)! <= piece.ini).toBe(true)
          for (const other of pieces.slice(index + 1)) {
            if (other.orderId === piece.orderId) expect(intersect(piece, other)).toBeNull()
          }
        }
      }),
    )
  })
})

describe('usablePieces (spec billing 6.9, extend a little)', () => {
  it('uses a piece beyond the window worth more than three times the gap', () => {
    const piece = { ini: '2024-08-11', end: '2024-09-11', orderId: 1 }
    expect(usablePieces([piece], '2024-08-01')).toEqual({
      pieces: [piece],
      billedUntil: '2024-09-11',
    })
  })

  it('drops a piece worth exactly three times the gap', () => {
    const piece = { ini: '2024-08-11', end: '2024-09-10', orderId: 1 }
    expect(usablePieces([piece], '2024-08-01')).toEqual({ pieces: [], billedUntil: '2024-08-01' })
  })

  it('judges a later piece from the end the earlier one reached', () => {
    const near = { ini: '2024-07-15', end: '2024-08-15', orderId: 1 }
    const far = { ini: '2024-08-20', end: '2024-09-05', orderId: 2 }
    expect(usablePieces([near, far], '2024-08-01')).toEqual({
      pieces: [near, far],
      billedUntil: '2024-09-05',
    })
  })
})
