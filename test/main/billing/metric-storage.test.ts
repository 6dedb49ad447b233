import { describe, expect, it } from 'vitest'
import { money } from '../../../src-main/billing/money'
import {
  changes,
  cleanupRows,
  storeDecision,
  valueAt,
  valueInSlot,
} from '../../../src-main/billing/metric-storage'
import type { IsoDate, MetricRow } from '../../../src-main/billing/types'

function row(createdOn: IsoDate, value: string, updatedOn: IsoDate = createdOn): MetricRow {
  return { createdOn, updatedOn: `${updatedOn}T10:00:00+01:00`, value: money(value) }
}

const now = { today: '2024-05-10', instant: '2024-05-10T12:30:00+02:00' }

function segmentsText(segments: ReturnType<typeof changes>): string[] {
  return segments.map((segment) => `${segment.ini} ${segment.end} ${segment.value.toFixed(2)}`)
}

describe('storeDecision (spec 4.3)', () => {
  it('creates the first row', () => {
    const decision = storeDecision([], money('3.5'), now)
    expect(decision).toEqual({
      action: 'create',
      row: { createdOn: '2024-05-10', updatedOn: now.instant, value: money('3.5') },
    })
  })

  it("overwrites today's row with the day's last value, however small the change", () => {
    const decision = storeDecision(
      [row('2024-05-01', '1'), row('2024-05-10', '3')],
      money('3.01'),
      now,
    )
    expect(decision.action).toBe('overwrite')
    expect(decision).toMatchObject({ index: 1, row: { value: money('3.01') } })
  })

  it('opens a new row when the change exceeds 0.05', () => {
    expect(storeDecision([row('2024-05-01', '3')], money('3.06'), now).action).toBe('append')
    expect(storeDecision([row('2024-05-01', '3')], money('2.94'), now).action).toBe('append')
  })

  it('only confirms the last row for a change of 0.05 or less', () => {
    const decision = storeDecision([row('2024-05-01', '3')], money('3.05'), now)
    expect(decision).toEqual({ action: 'confirm', index: 0, updatedOn: now.instant })
  })

  it('opens a new row when the value falls to zero, even from below the threshold', () => {
    expect(storeDecision([row('2024-05-01', '0.03')], money(0), now).action).toBe('append')
  })

  it("takes the service's own absolute threshold", () => {
    const threshold = { amount: money(1), relative: false }
    expect(storeDecision([row('2024-05-01', '3')], money(4), now, threshold).action).toBe('confirm')
    expect(storeDecision([row('2024-05-01', '3')], money('4.01'), now, threshold).action).toBe(
      'append',
    )
  })

  it('takes a relative threshold as a fraction of the last value', () => {
    const threshold = { amount: money('0.05'), relative: true }
    const rows = [row('2024-05-01', '100')]
    expect(storeDecision(rows, money(105), now, threshold).action).toBe('confirm')
    expect(storeDecision(rows, money('105.01'), now, threshold).action).toBe('append')
  })
})

describe('valueAt (spec 4.3)', () => {
  const rows = [row('2024-05-01', '1', '2024-05-03'), row('2024-05-04', '2', '2024-05-09')]

  it('does not take a row created the day after (the original did)', () => {
    expect(valueAt(rows, '2024-05-03').toString()).toBe('1')
  })

  it('takes a row created on the date itself', () => {
    expect(valueAt(rows, '2024-05-04').toString()).toBe('2')
  })

  it('is 0 before the first row', () => {
    expect(valueAt(rows, '2024-04-30').toString()).toBe('0')
    expect(valueAt([], '2024-04-30').toString()).toBe('0')
  })
})

describe('valueInSlot (spec 4.3)', () => {
  const rows = [row('2024-01-05', '10', '2024-02-10'), row('2024-02-15', '20', '2024-02-27')]

  it('takes the row confirmed last among those in force in the slot', () => {
    expect(valueInSlot(rows, '2024-02-01', '2024-03-01').toString()).toBe('20')
  })

  it('takes a row still confirmed in the slot though created before it', () => {
    expect(valueInSlot(rows.slice(0, 1), '2024-02-01', '2024-03-01').toString()).toBe('10')
  })

  it('ignores rows created from the slot end on', () => {
    expect(valueInSlot(rows, '2024-01-01', '2024-02-01').toString()).toBe('10')
  })

  it('is 0 for a slot no row was in force in', () => {
    expect(valueInSlot(rows, '2024-03-01', '2024-04-01').toString()).toBe('0')
  })
})

describe('changes (spec 4.3, product rule)', () => {
  it('is one zero segment without rows (the original crashed)', () => {
    expect(segmentsText(changes([], '2024-01-01', '2025-01-01'))).toEqual([
      '2024-01-01 2025-01-01 0.00',
    ])
  })

  it('holds 0 before a first row created inside the window (the original refused it)', () => {
    const rows = [row('2024-03-01', '5')]
    expect(segmentsText(changes(rows, '2024-01-01', '2025-01-01'))).toEqual([
      '2024-01-01 2024-03-01 0.00',
      '2024-03-01 2025-01-01 5.00',
    ])
  })

  it('starts an unchanged window at its own start, not at the row creation', () => {
    const rows = [row('2023-02-01', '9', '2024-06-01')]
    expect(segmentsText(changes(rows, '2024-01-01', '2025-01-01'))).toEqual([
      '2024-01-01 2025-01-01 9.00',
    ])
  })

  it('cuts a segment at every change inside the window and ignores later rows', () => {
    const rows = [
      row('2023-12-01', '1'),
      row('2024-01-01', '2'),
      row('2024-04-01', '3'),
      row('2024-09-01', '0'),
      row('2025-01-01', '7'),
    ]
    expect(segmentsText(changes(rows, '2024-01-01', '2025-01-01'))).toEqual([
      '2024-01-01 2024-04-01 2.00',
      '2024-04-01 2024-09-01 3.00',
      '2024-09-01 2025-01-01 0.00',
    ])
  })

  it('merges rows that repeat the value in force', () => {
    const rows = [row('2024-02-01', '4'), row('2024-03-01', '4')]
    expect(segmentsText(changes(rows, '2024-02-01', '2024-05-01'))).toEqual([
      '2024-02-01 2024-05-01 4.00',
    ])
  })

  it('is empty for an empty window', () => {
    expect(changes([row('2024-01-01', '1')], '2024-02-01', '2024-02-01')).toEqual([])
  })
})

describe('cleanupRows (spec 4.3)', () => {
  const rows = [
    row('2024-01-03', '1', '2024-01-20'),
    row('2024-02-03', '2', '2024-02-10'),
    row('2024-02-20', '3', '2024-03-02'),
    row('2024-03-15', '4', '2024-04-01'),
  ]
  const plain = {
    billedOn: '2024-04-15',
    billedUntil: '2025-01-01',
    readsFrom: '2024-04-15',
    monthlySlots: false,
  }

  it('deletes nothing of an order never billed', () => {
    expect(cleanupRows(rows, { ...plain, billedOn: null, billedUntil: null })).toEqual([])
  })

  it('keeps the rows confirmed from the first date a later billing reads', () => {
    // A postpaid year billed in April up to 1 January reads again from 1 January.
    const postpaid = { ...plain, billedUntil: '2024-01-01', readsFrom: '2024-01-01' }
    expect(cleanupRows(rows, postpaid)).toEqual([])
    expect(cleanupRows(rows, { ...postpaid, readsFrom: '2024-02-15' })).toEqual([rows[0]])
  })

  it('deletes rows confirmed over 40 days before billing, but the most recent of them', () => {
    // 40 days before 15 April is 6 March: the rows confirmed up to 2 March are old.
    expect(cleanupRows(rows, plain)).toEqual([rows[0], rows[1]])
  })

  it('keeps only the last row of each month already billed for monthly slots', () => {
    const monthly = {
      billedOn: '2024-03-20',
      billedUntil: '2024-03-01',
      readsFrom: '2024-03-01',
      monthlySlots: true,
    }
    expect(cleanupRows(rows, monthly, 400)).toEqual([rows[1]])
    expect(cleanupRows(rows, { ...monthly, readsFrom: '2024-02-01' }, 400)).toEqual([])
  })

  it('keeps every row of a month not billed yet', () => {
    const monthly = {
      billedOn: '2024-03-20',
      billedUntil: '2024-02-01',
      readsFrom: '2024-02-01',
      monthlySlots: true,
    }
    expect(cleanupRows(rows, monthly, 400)).toEqual([])
  })
})
