import { eq } from 'drizzle-orm'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { cents } from '../../../src-main/billing/money'
import { undoBillLines } from '../../../src-main/data/bill-line-moves'
import { commitBillingRun } from '../../../src-main/data/billing-run'
import { listBillLines, type BillLineWithSublines } from '../../../src-main/data/bills'
import { orders, services } from '../../../src-main/db/schema'
import { AppError } from '../../../src-shared/errors'
import { makeCore, type TestCore } from '../../support/core'
import { addAccount, ctxOf } from './bill-fixtures'

// Spec 6.9 and 6.12 on the data: undoing a line that received a cancelled order's prepaid time
// gives that time back to the cancelled order.

let core: TestCore
let ana: number
let giver: number
let receiver: number

/** A mailbox at 60.00 a year, paid for 2025 and cancelled on 1 May; its replacement from then. */
beforeEach(async () => {
  core = await makeCore()
  ana = await addAccount(core, 'ana')
  ;[giver, receiver] = await core.store.write(async (tx) => {
    const [service] = await tx
      .insert(services)
      .values({
        contentType: 'mailbox',
        description: 'Mailbox',
        nominalPrice: '60.00',
        tax: '21',
        billingPeriod: 'ANUAL',
        billingPoint: 'ON_FIXED_DATE',
        ignorePeriod: '',
        onCancel: 'COMPENSATE',
      })
      .returning()
    const mailbox = {
      accountId: ana,
      serviceId: service!.id,
      contentType: 'mailbox',
      registeredOn: '2025-01-01',
    }
    const rows = await tx
      .insert(orders)
      .values([
        {
          ...mailbox,
          objectId: 1,
          description: 'Mailbox old@example.org',
          cancelledOn: '2025-05-01',
          billedOn: '2025-01-02',
          billedUntil: '2026-01-01',
        },
        {
          ...mailbox,
          objectId: 2,
          description: 'Mailbox new@example.org',
          registeredOn: '2025-05-01',
        },
      ])
      .returning({ id: orders.id })
    return [rows[0]!.id, rows[1]!.id]
  })
})
afterEach(() => core.dispose())

const MAY_2 = { billingPoint: '2025-05-01', today: '2025-05-02' }

async function run() {
  const committed = await core.store.write((tx) => commitBillingRun(ctxOf(tx), MAY_2))
  const billId = committed.written!.bills[0]!.id
  const lines = await core.store.read((tx) => listBillLines(tx, billId))
  return { billId, line: lines.at(-1)! }
}

const figures = (line: BillLineWithSublines) => [
  line.orderId,
  line.startOn,
  line.endOn,
  cents(line.subtotal),
  line.sublines.map((s) => [s.type, cents(s.total), s.giverOrderId, s.giverBilledUntil]),
]

async function billing(id: number) {
  const [row] = await core.store.read((tx) =>
    tx
      .select({ billedOn: orders.billedOn, billedUntil: orders.billedUntil })
      .from(orders)
      .where(eq(orders.id, id)),
  )
  return row
}

describe('undoBillLines of a compensated line (spec 6.9, 6.12)', () => {
  it('gives the cancelled order its time back, which the next run hands over again', async () => {
    const first = await run()
    expect(figures(first.line)).toEqual([
      receiver,
      '2025-05-01',
      '2026-01-01',
      '40.00',
      [['COMPENSATION', '-40.00', giver, '2026-01-01']],
    ])
    expect(await billing(giver)).toEqual({ billedOn: '2025-01-02', billedUntil: '2025-05-01' })

    const undone = await core.store.write((tx) => undoBillLines(ctxOf(tx), [first.line.id]))
    expect(undone.message).toBe('1 order and 1 line undone, 1 cancelled order given its time back')
    expect(await billing(giver)).toEqual({ billedOn: '2025-01-02', billedUntil: '2026-01-01' })
    expect(await billing(receiver)).toEqual({ billedOn: null, billedUntil: null })
    const page = await core.dispatcher.dispatch('history:list', {
      pageSize: 100,
      objectType: 'bill',
      objectId: first.billId,
      dir: 'asc',
    })
    expect(page.rows.at(-1)!.message).toBe(
      'Billing undone for 1 line, their orders set back, 1 cancelled order given its time ' +
        'back: "Mailbox new@example.org"',
    )

    const again = await run()
    expect(again.billId).toBe(first.billId)
    expect(figures(again.line)).toEqual(figures(first.line))
    expect(await billing(giver)).toEqual({ billedOn: '2025-01-02', billedUntil: '2025-05-01' })
  })

  it('refuses when the cancelled order changed since the run, and changes nothing', async () => {
    const { billId, line } = await run()
    await core.store.write((tx) =>
      tx.update(orders).set({ billedUntil: '2025-06-01' }).where(eq(orders.id, giver)),
    )

    const undoing = core.store.write((tx) => undoBillLines(ctxOf(tx), [line.id]))
    await expect(undoing).rejects.toBeInstanceOf(AppError)
    await expect(undoing).rejects.toMatchObject({
      issues: [
        {
          field: 'lineIds',
          rule: 'GIVER_CHANGED',
          message:
            `Mailbox old@example.org gave its prepaid time to line ${line.id} and was billed ` +
            'or changed since: its time cannot be given back',
        },
      ],
    })
    expect(await billing(giver)).toEqual({ billedOn: '2025-01-02', billedUntil: '2025-06-01' })
    expect(await billing(receiver)).toEqual({ billedOn: '2025-05-02', billedUntil: '2026-01-01' })
    const lines = await core.store.read((tx) => listBillLines(tx, billId))
    expect(lines.map((row) => row.id)).toEqual([line.id])
  })
})
