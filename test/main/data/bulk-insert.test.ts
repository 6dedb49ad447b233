import { asc } from 'drizzle-orm'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { money } from '../../../src-main/billing/money'
import { writeBillingRun } from '../../../src-main/data/bill-runs'
import { createBills, listBillLines } from '../../../src-main/data/bills'
import { bills } from '../../../src-main/db/schema'
import { makeCore, type TestCore } from '../../support/core'
import { addAccount, billLine, ctxOf } from './bill-fixtures'

// A billing run's bills and lines written in bulk keep every value exact, on both dialects.

let core: TestCore
let accountId: number

beforeEach(async () => {
  core = await makeCore()
  accountId = await addAccount(core, 'ana')
})
afterEach(() => core.dispose())

describe('createBills', () => {
  it('numbers the bills of each series consecutively, in the order given', async () => {
    const created = await core.store.write((tx) =>
      createBills(ctxOf(tx), [
        { type: 'INVOICE', accountId, createdOn: '2026-01-05' },
        { type: 'FEE', accountId, createdOn: '2026-01-05' },
        { type: 'INVOICE', accountId, createdOn: '2026-01-05' },
      ]),
    )
    expect(created.map((bill) => bill.number)).toEqual(['OI20260001', 'OF20260001', 'OI20260002'])
    const stored = await core.store.read((tx) => tx.select().from(bills).orderBy(asc(bills.id)))
    expect(stored.map(({ id, number, isOpen }) => ({ id, number, isOpen }))).toEqual(
      created.map(({ id, number, isOpen }) => ({ id, number, isOpen })),
    )
  })
})

describe('writeBillingRun in bulk', () => {
  it('writes more lines than one statement holds, each exact and in its place', async () => {
    const size = money(1).dividedBy(366)
    const lines = Array.from({ length: 1200 }, (_, i) =>
      billLine({
        description: `Line ${i + 1}`,
        size,
        quantity: size,
        endOn: i % 2 ? null : '2027-01-01',
        sublines:
          i % 3 ? [] : [{ type: 'PLAN', description: 'Discount per plan', total: money(-i) }],
      }),
    )
    const written = await core.store.write((tx) =>
      writeBillingRun(
        ctxOf(tx),
        {
          bills: [{ accountId, type: 'INVOICE', existingBillId: null, lines }],
          billedOrderIds: [],
          skippedOrderIds: [],
        },
        { today: '2026-01-05', orderUpdates: [] },
      ),
    )
    expect(written.lines).toBe(1200)

    const stored = await core.store.read((tx) => listBillLines(tx, written.bills[0]!.id))
    expect(stored.map((line) => line.position)).toEqual(lines.map((_, i) => i + 1))
    expect(stored.map((line) => line.description)).toEqual(lines.map((line) => line.description))
    expect(stored[0]).toMatchObject({ size: size.toString(), endOn: '2027-01-01', rate: '12.00' })
    expect(stored[1]).toMatchObject({ endOn: null, orderId: null })
    expect(stored[999]!.sublines.map((subline) => subline.total)).toEqual(['-999.00'])
    expect(stored.filter((line) => line.sublines.length)).toHaveLength(400)
  })
})
