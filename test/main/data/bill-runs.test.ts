import { eq } from 'drizzle-orm'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { assembleRun } from '../../../src-main/billing/assemble'
import { cents, money } from '../../../src-main/billing/money'
import type { OrderUpdate, PendingLine } from '../../../src-main/billing/types'
import { createAmendment } from '../../../src-main/data/bill-amendments'
import { closeBill } from '../../../src-main/data/bill-closing'
import { updateBillLine } from '../../../src-main/data/bill-line-edits'
import { openBillsOf, writeBillingRun } from '../../../src-main/data/bill-runs'
import { billTotalsOf, getBill, listBillLines } from '../../../src-main/data/bills'
import { bills, orders } from '../../../src-main/db/schema'
import { AppError } from '../../../src-shared/errors'
import { makeCore, type TestCore } from '../../support/core'
import { addAccount, addOrder, addService, ctxOf } from './bill-fixtures'

// Spec 6.11, 7.2 and 7.7 on the data: a run's bills written in one transaction, amendments.

let core: TestCore
let accountId: number
let serviceId: number
let feeServiceId: number
let orderIds: number[]

beforeEach(async () => {
  core = await makeCore()
  accountId = await addAccount(core, 'ana')
  ;[serviceId, feeServiceId, orderIds] = await core.store.write(async (tx) => {
    const service = await addService(tx, 'Mailbox', '21')
    const fee = await addService(tx, 'Membership fee', '0')
    const ids = [
      await addOrder(tx, accountId, service, 1),
      await addOrder(tx, accountId, service, 2),
      await addOrder(tx, accountId, fee, 3),
    ]
    return [service, fee, ids] as const
  })
})
afterEach(() => core.dispose())

function pending(orderId: number, overrides: Partial<PendingLine> = {}): PendingLine {
  return {
    orderId,
    serviceId,
    accountId,
    description: `Order ${orderId}`,
    ini: '2026-01-01',
    end: '2027-01-01',
    size: money(1),
    metric: money(1),
    nominalPrice: money('12.00'),
    subtotal: money('12.00'),
    discounts: [],
    refund: false,
    isFee: false,
    orderBilledOn: null,
    orderBilledUntil: null,
    ...overrides,
  }
}

const update = (orderId: number): OrderUpdate => ({
  orderId,
  billedOn: '2026-01-05',
  billedUntil: '2027-01-01',
  billedMetric: null,
})

async function run(lines: PendingLine[], options = { proforma: false, newOpen: false }) {
  return core.store.write(async (tx) => {
    const taxes = new Map([
      [serviceId, money(21)],
      [feeServiceId, money(0)],
    ])
    const assembled = assembleRun(lines, taxes, await openBillsOf(tx, [accountId]), options)
    const updates = lines.map((line) => update(line.orderId))
    return writeBillingRun(ctxOf(tx), assembled, { today: '2026-01-05', orderUpdates: updates })
  })
}

const orderRow = async (id: number) =>
  (await core.store.read((tx) => tx.select().from(orders).where(eq(orders.id, id))))[0]!

describe('writeBillingRun (spec 7.2, 6.11)', () => {
  it('writes the invoice, marks the billed orders and leaves the zero-quantity one', async () => {
    const [a, b] = orderIds
    const written = await run([pending(a!), pending(b!, { metric: money(0), subtotal: money(0) })])
    expect(written).toMatchObject({ lines: 1, ordersUpdated: 1 })
    expect(written.bills.map((bill) => [bill.type, bill.number])).toEqual([
      ['INVOICE', 'OI20260001'],
    ])
    expect(await orderRow(a!)).toMatchObject({ billedOn: '2026-01-05', billedUntil: '2027-01-01' })
    expect(await orderRow(b!)).toMatchObject({ billedOn: null, billedUntil: null })
  })

  it('appends a second run to the open invoice, and opens a new one with new_open', async () => {
    const [a, b] = orderIds
    const first = await run([pending(a!)])
    const second = await run([pending(b!)])
    expect(second.bills[0]!.id).toBe(first.bills[0]!.id)
    expect(await core.store.read((tx) => listBillLines(tx, first.bills[0]!.id))).toHaveLength(2)
    const third = await run([pending(b!)], { proforma: false, newOpen: true })
    expect(third.bills[0]!.id).not.toBe(first.bills[0]!.id)
  })

  it('puts fees on a new fee bill of each run, never on the open invoice', async () => {
    const fee = orderIds[2]!
    const feeLine = pending(fee, { serviceId: feeServiceId, isFee: true })
    const first = await run([pending(orderIds[0]!), feeLine])
    const second = await run([feeLine])
    const types = (written: typeof first) => written.bills.map((bill) => bill.type)
    expect(types(first)).toEqual(['INVOICE', 'FEE'])
    expect(types(second)).toEqual(['FEE'])
    expect(second.bills[0]!.id).not.toBe(first.bills[1]!.id)
  })

  it("writes a compensation giver's shortened period although it has no line", async () => {
    const [a, giver] = orderIds
    const written = await core.store.write(async (tx) => {
      const taxes = new Map([[serviceId, money(21)]])
      const open = await openBillsOf(tx, [accountId])
      const assembled = assembleRun([pending(a!)], taxes, open, { proforma: false, newOpen: false })
      const shortened = { ...update(giver!), billedUntil: '2026-03-01' }
      const orderUpdates = [update(a!), shortened]
      return writeBillingRun(ctxOf(tx), assembled, { today: '2026-01-05', orderUpdates })
    })
    expect(written.ordersUpdated).toBe(2)
    expect(await orderRow(giver!)).toMatchObject({ billedUntil: '2026-03-01' })
  })

  it('leaves every order as it was after a pro forma run', async () => {
    const written = await run([pending(orderIds[0]!)], { proforma: true, newOpen: false })
    expect(written.bills.map((bill) => bill.number)).toEqual(['OP20260001'])
    expect(written.ordersUpdated).toBe(0)
    expect(await orderRow(orderIds[0]!)).toMatchObject({ billedOn: null })
  })
})

describe('createAmendment (spec 7.7)', () => {
  async function closedInvoice() {
    const [a, b] = orderIds
    const written = await run([pending(a!), pending(b!, { subtotal: money('30.00') })])
    return core.store.write((tx) =>
      closeBill(ctxOf(tx), written.bills[0]!.id, { today: '2026-01-20' }),
    )
  }

  it('opens a negated amendment in its own series that cancels the whole invoice', async () => {
    const invoice = await closedInvoice()
    const amendment = await core.store.write((tx) =>
      createAmendment(ctxOf(tx), invoice.id, { today: '2026-02-02' }),
    )
    expect(amendment).toMatchObject({
      type: 'AMENDMENTINVOICE',
      number: 'OA20260001',
      amendOfId: invoice.id,
      comments: 'Amendment invoice of invoice I20260001, created on January 5, 2026',
    })
    const closed = await core.store.write((tx) =>
      closeBill(ctxOf(tx), amendment.id, { today: '2026-02-02' }),
    )
    expect(closed.number).toBe('A20260001')
    const [original, credit] = await core.store.read(async (tx) => [
      await billTotalsOf(tx, invoice.id),
      await billTotalsOf(tx, amendment.id),
    ])
    expect([cents(original!.total), cents(credit!.total)]).toEqual(['50.82', '-50.82'])
  })

  it('corrects one line in part, then refuses more than the line has left', async () => {
    const invoice = await closedInvoice()
    const [, second] = await core.store.read((tx) => listBillLines(tx, invoice.id))
    const partial = await core.store.write((tx) =>
      createAmendment(ctxOf(tx), invoice.id, {
        today: '2026-02-02',
        corrections: [{ lineId: second!.id, amount: '20.00' }],
      }),
    )
    const [line] = await core.store.read((tx) => listBillLines(tx, partial.id))
    expect(line).toMatchObject({ subtotal: '-20.00', tax: '21', amendedLineId: second!.id })

    const tooMuch = core.store.write((tx) =>
      createAmendment(ctxOf(tx), invoice.id, {
        today: '2026-02-03',
        corrections: [{ lineId: second!.id, amount: '10.01' }],
      }),
    )
    await expect(tooMuch).rejects.toThrow(/at most 10\.00/)
    const amendments = await core.store.read((tx) =>
      tx.select().from(bills).where(eq(bills.amendOfId, invoice.id)),
    )
    expect(amendments).toHaveLength(1)
  })

  it('lets an amendment line be lowered, never past what it corrects or above 0', async () => {
    const invoice = await closedInvoice()
    const [first] = await core.store.read((tx) => listBillLines(tx, invoice.id))
    const partial = await core.store.write((tx) =>
      createAmendment(ctxOf(tx), invoice.id, {
        today: '2026-02-02',
        corrections: [{ lineId: first!.id, amount: '5.00' }],
      }),
    )
    const [line] = await core.store.read((tx) => listBillLines(tx, partial.id))
    const edit = (subtotal: string) =>
      core.store.write((tx) => updateBillLine(ctxOf(tx), line!.id, { subtotal }))
    expect((await edit('-12')).subtotal).toBe('-12.00')
    await expect(edit('-12.01')).rejects.toThrow('must be between -12.00 and 0.00')
    await expect(edit('1.00')).rejects.toThrow('must be between -12.00 and 0.00')
    await expect(edit('-1.005')).rejects.toThrow('more than 2 decimals')
  })

  it('limits a whole-bill amendment line to the base of its tax rate', async () => {
    const invoice = await closedInvoice()
    const whole = await core.store.write((tx) =>
      createAmendment(ctxOf(tx), invoice.id, { today: '2026-02-02' }),
    )
    const [line] = await core.store.read((tx) => listBillLines(tx, whole.id))
    expect(line).toMatchObject({ subtotal: '-42.00', amendedLineId: null })
    const edit = (subtotal: string) =>
      core.store.write((tx) => updateBillLine(ctxOf(tx), line!.id, { subtotal }))
    expect((await edit('-40.00')).subtotal).toBe('-40.00')
    await expect(edit('-42.01')).rejects.toThrow('must be between -42.00 and 0.00')
  })

  it('refuses to amend an open invoice', async () => {
    const written = await run([pending(orderIds[0]!)])
    const attempt = core.store.write((tx) =>
      createAmendment(ctxOf(tx), written.bills[0]!.id, { today: '2026-02-02' }),
    )
    await expect(attempt).rejects.toBeInstanceOf(AppError)
    expect((await core.store.read((tx) => getBill(tx, written.bills[0]!.id))).isOpen).toBe(true)
  })
})
