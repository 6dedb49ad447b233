import { asc, eq } from 'drizzle-orm'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { money } from '../../../src-main/billing/money'
import { createAmendment } from '../../../src-main/data/bill-amendments'
import { closeBill } from '../../../src-main/data/bill-closing'
import { billTotalCentsSql } from '../../../src-main/data/bill-list-filters'
import { listBillRows } from '../../../src-main/data/bill-views'
import { addBillLines, billTotalsOf, createBill } from '../../../src-main/data/bills'
import { accounts, bills } from '../../../src-main/db/schema'
import type { AssembledLine } from '../../../src-main/billing/assemble'
import type { BillListQuery } from '../../../src-shared/schemas/bills'
import { makeCore, type TestCore } from '../../support/core'
import { addAccount, addOrder, addService, billLine, ctxOf } from './bill-fixtures'

// Spec 7.5: the bill list's filters on total sign, amendments, account state and order,
// answered by the database.

let core: TestCore
let ana: number
let bea: number

beforeEach(async () => {
  core = await makeCore()
  ana = await addAccount(core, 'ana')
  bea = await addAccount(core, 'bea')
})
afterEach(() => core.dispose())

const write = <T>(work: (ctx: ReturnType<typeof ctxOf>) => Promise<T>) =>
  core.store.write((tx) => work(ctxOf(tx)))

/** A line of `subtotal` at `tax` percent, with optional sublines. */
const line = (subtotal: string, tax = '21', sublines: string[] = []): AssembledLine =>
  billLine({
    subtotal: money(subtotal),
    tax: money(tax),
    sublines: sublines.map((total) => ({
      type: 'PLAN',
      description: 'Discount',
      total: money(total),
    })),
  })

async function billWith(lines: AssembledLine[], accountId = ana) {
  return write(async (ctx) => {
    const bill = await createBill(ctx, { type: 'INVOICE', accountId, createdOn: '2026-02-10' })
    await addBillLines(ctx, bill.id, lines)
    return bill.id
  })
}

const ids = async (query: BillListQuery) =>
  (await core.store.read((tx) => listBillRows(tx, { dir: 'asc', ...query }))).rows.map(
    (row) => row.id,
  )

describe('billTotalCentsSql', () => {
  it('equals billing/totals.ts to the cent, rounding half up per rate', async () => {
    const cases = [
      [line('0.05', '21'), line('0.05', '10')],
      [line('-0.05', '10'), line('-0.05', '21')],
      [line('0.10', '10.5'), line('0.30', '10.5')],
      [line('12.00', '21', ['-12.00']), line('3.33', '4')],
      [line('1.00', '21'), line('-1.00', '0')],
      [line('9999999.99', '21', ['-0.01', '-0.02']), line('-0.15', '21')],
      [],
    ]
    const billIds: number[] = []
    for (const lines of cases) billIds.push(await billWith(lines))

    const rows = await core.store.read((tx) =>
      tx
        .select({ id: bills.id, cents: billTotalCentsSql(tx) })
        .from(bills)
        .orderBy(asc(bills.id)),
    )
    const expected = await core.store.read(async (tx) => {
      const totals = []
      for (const id of billIds) totals.push((await billTotalsOf(tx, id)).total.times(100))
      return totals.map(String)
    })
    expect(rows.map((row) => String(row.cents))).toEqual(expected)
    expect(expected.slice(0, 2)).toEqual(['12', '-12'])
  })
})

describe('bills:list total sign filter (spec 7.5)', () => {
  it('splits bills above, below, at and off zero, on the total with its taxes', async () => {
    const positive = await billWith([line('10.00')])
    const negative = await billWith([line('-10.00')])
    const empty = await billWith([])
    const cancelled = await billWith([line('10.00'), line('-10.00')])
    // The bases cancel out, but one of them carries 21% tax: 0.21 to pay.
    const taxOnly = await billWith([line('1.00', '21'), line('-1.00', '0')])

    expect(await ids({ totalSign: 'POSITIVE' })).toEqual([positive, taxOnly])
    expect(await ids({ totalSign: 'NEGATIVE' })).toEqual([negative])
    expect(await ids({ totalSign: 'ZERO' })).toEqual([empty, cancelled])
    expect(await ids({ totalSign: 'NONZERO' })).toEqual([positive, negative, taxOnly])
  })

  it('counts and pages the filtered bills in the database', async () => {
    for (let i = 0; i < 5; i++) await billWith([line(i % 2 ? '-1.00' : '1.00')])
    const page = await core.store.read((tx) =>
      listBillRows(tx, { totalSign: 'POSITIVE', pageSize: 2, page: 2 }),
    )
    expect(page.total).toBe(3)
    expect(page.rows.map((row) => row.total)).toEqual(['1.21'])
  })
})

describe('bills:list amended filter (spec 7.5)', () => {
  it('tells bills with closed, open, any or no amendments apart', async () => {
    const [closedAmended, openAmended, plain] = [
      await billWith([line('10.00')]),
      await billWith([line('20.00')]),
      await billWith([line('30.00')]),
    ]
    const amendments = await write(async (ctx) => {
      for (const id of [closedAmended, openAmended, plain]) {
        await closeBill(ctx, id, { today: '2026-02-11' })
      }
      const closed = await createAmendment(ctx, closedAmended, { today: '2026-02-12' })
      await closeBill(ctx, closed.id, { today: '2026-02-12' })
      const open = await createAmendment(ctx, openAmended, { today: '2026-02-12' })
      return [closed.id, open.id]
    })

    expect(await ids({ amended: 'CLOSED' })).toEqual([closedAmended])
    expect(await ids({ amended: 'OPEN' })).toEqual([openAmended])
    expect(await ids({ amended: 'ANY' })).toEqual([closedAmended, openAmended])
    expect(await ids({ amended: 'NONE' })).toEqual([plain, ...amendments])
  })
})

describe('bills:list account and order filters (spec 7.5)', () => {
  it('takes bills of active accounts, or of inactive and deleted ones', async () => {
    const cai = await addAccount(core, 'cai')
    const [anaBill, beaBill, caiBill] = [
      await billWith([line('1.00')], ana),
      await billWith([line('1.00')], bea),
      await billWith([line('1.00')], cai),
    ]
    await core.store.write((tx) =>
      tx.update(accounts).set({ isActive: false }).where(eq(accounts.id, bea)),
    )
    await core.store.write((tx) =>
      tx.update(bills).set({ accountId: null }).where(eq(bills.id, caiBill)),
    )

    expect(await ids({ accountActive: true })).toEqual([anaBill])
    expect(await ids({ accountActive: false })).toEqual([beaBill, caiBill])
  })

  it('takes the bills holding a line of the order', async () => {
    const { mailbox, domain } = await core.store.write(async (tx) => {
      const service = await addService(tx)
      return {
        mailbox: await addOrder(tx, ana, service, 1),
        domain: await addOrder(tx, ana, service, 2),
      }
    })
    const first = await billWith([billLine({ orderId: mailbox }), billLine({ orderId: domain })])
    await billWith([billLine({ orderId: domain })])
    const third = await billWith([billLine(), billLine({ orderId: mailbox })])

    expect(await ids({ orderId: mailbox })).toEqual([first, third])
    expect(await ids({ orderId: mailbox, q: 'OI20260003' })).toEqual([third])
    expect(await ids({ orderId: 9999 })).toEqual([])
  })
})
