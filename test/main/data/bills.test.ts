import { eq } from 'drizzle-orm'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { cents, money } from '../../../src-main/billing/money'
import { closeBill, markBillSent, oneMonthAfter } from '../../../src-main/data/bill-closing'
import {
  addBillLines,
  billTotalsOf,
  ClosedBillError,
  createBill,
  getBill,
  listBillLines,
  removeBill,
  removeBillLines,
  updateBill,
  type BillRecord,
} from '../../../src-main/data/bills'
import { updateBillLine } from '../../../src-main/data/bill-line-edits'
import { billContacts, billLines, orders } from '../../../src-main/db/schema'
import type { BillType } from '../../../src-main/billing/bill-document'
import { AppError } from '../../../src-shared/errors'
import { makeCore, type TestCore } from '../../support/core'
import { addAccount, addOrder, addService, billLine, ctxOf } from './bill-fixtures'

// Spec 7.1, 7.4 and 7.5 on the data: stored lines, closing, read-only closed bills, and bills
// that outlive their account (spec 13).

let core: TestCore
let accountId: number

beforeEach(async () => {
  core = await makeCore()
  accountId = await addAccount(core, 'ana')
})
afterEach(() => core.dispose())

const write = <T>(work: (ctx: ReturnType<typeof ctxOf>) => Promise<T>) =>
  core.store.write((tx) => work(ctxOf(tx)))

async function openWithLines(type: BillType = 'INVOICE', account = accountId) {
  return write(async (ctx) => {
    const bill = await createBill(ctx, { type, accountId: account, createdOn: '2026-02-10' })
    await addBillLines(ctx, bill.id, [
      billLine({
        size: money(17).div(31),
        quantity: money(17).div(31),
        subtotal: money('6.58'),
        sublines: [{ type: 'PLAN', description: 'Discount per plan', total: money('-1.00') }],
      }),
      billLine({ description: 'Domain example.net', subtotal: money('10.00'), tax: money(10) }),
    ])
    return bill
  })
}

const close = (bill: BillRecord, today = '2026-03-01') =>
  write((ctx) => closeBill(ctx, bill.id, { today }))

async function refusal(work: Promise<unknown>): Promise<AppError> {
  const error = await work.then(
    () => undefined,
    (caught: unknown) => caught,
  )
  if (!(error instanceof AppError)) throw new Error(`expected a refusal, got ${String(error)}`)
  return error
}

describe('bill lines', () => {
  it('keeps size and metric exact and apart, money as cents, sublines under lines', async () => {
    const bill = await openWithLines()
    const [first, second] = await core.store.read((tx) => listBillLines(tx, bill.id))
    expect(money(first!.size).equals(money(17).div(31))).toBe(true)
    expect(first).toMatchObject({ metric: '1', subtotal: '6.58', tax: '21', rate: '12.00' })
    expect(first!.sublines.map((s) => [s.type, s.total])).toEqual([['PLAN', '-1.00']])
    expect(second).toMatchObject({ description: 'Domain example.net', sublines: [] })
    expect(second!.position).toBeGreaterThan(first!.position)
  })

  it('totals the stored lines per tax rate (spec 7.5)', async () => {
    const bill = await openWithLines()
    const totals = await core.store.read((tx) => billTotalsOf(tx, bill.id))
    expect(totals.taxes.map((t) => [t.rate.toString(), cents(t.base), cents(t.tax)])).toEqual([
      ['10', '10.00', '1.00'],
      ['21', '5.58', '1.17'],
    ])
    expect(cents(totals.total)).toBe('17.75')
  })

  it('keeps a line when its order is deleted, without the link', async () => {
    const serviceId = await core.store.write((tx) => addService(tx))
    const orderId = await core.store.write((tx) => addOrder(tx, accountId, serviceId))
    const bill = await write(async (ctx) => {
      const created = await createBill(ctx, { type: 'INVOICE', accountId, createdOn: '2026-02-10' })
      await addBillLines(ctx, created.id, [billLine({ orderId, serviceId })])
      return created
    })
    await core.store.write((tx) => tx.delete(orders).where(eq(orders.id, orderId)))
    const [line] = await core.store.read((tx) => listBillLines(tx, bill.id))
    expect(line).toMatchObject({ orderId: null, serviceId, subtotal: '12.00' })
  })
})

describe('closeBill (spec 7.4)', () => {
  it('freezes the buyer on the bill: a later change of the contact leaves it', async () => {
    const closed = await close(await openWithLines())
    await core.store.write((tx) =>
      tx
        .update(billContacts)
        .set({ name: 'Other SL' })
        .where(eq(billContacts.accountId, accountId)),
    )
    const bill = await core.store.read((tx) => getBill(tx, closed.id))
    expect(bill).toMatchObject({
      isOpen: false,
      closedOn: '2026-03-01',
      buyerName: 'ana Serveis SL',
      buyerVat: 'B12345678',
      buyerCity: 'Barcelona',
      buyerCountry: 'ES',
    })
  })

  it('sets the due date a month on, clamped to the month’s end', async () => {
    expect((await close(await openWithLines(), '2026-01-31')).dueOn).toBe('2026-02-28')
    expect(oneMonthAfter('2028-01-30')).toBe('2028-02-29')
    expect(oneMonthAfter('2026-12-15')).toBe('2027-01-15')
  })

  it('refuses an account without a bill contact, naming it, but closes its pro forma', async () => {
    const bob = await addAccount(core, 'bob', false)
    const error = await refusal(close(await openWithLines('INVOICE', bob)))
    expect(error).toMatchObject({ code: 'VALIDATION', field: 'billContact' })
    expect(error.message).toBe('Account bob has no bill contact')
    const proforma = await close(await openWithLines('PROFORMA', bob))
    expect(proforma).toMatchObject({ number: 'P20260001', buyerName: 'bob Puig' })
  })

  it('marks a closed bill sent, and refuses to for an open one', async () => {
    const bill = await openWithLines()
    expect((await refusal(write((ctx) => markBillSent(ctx, bill.id, [])))).field).toBe('isOpen')
    const closed = await close(bill)
    expect(closed.isSent).toBe(false)
    expect((await write((ctx) => markBillSent(ctx, closed.id, ['ana@example.net']))).isSent).toBe(
      true,
    )
  })

  it('refuses to close a closed bill again', async () => {
    const closed = await close(await openWithLines())
    const error = await refusal(close(closed))
    expect(error).toBeInstanceOf(ClosedBillError)
  })
})

describe('closed bills are read-only (spec 7.1)', () => {
  it('refuses every edit and delete of a closed bill and its lines, naming the bill', async () => {
    const closed = await close(await openWithLines())
    const [line] = await core.store.read((tx) => listBillLines(tx, closed.id))
    const attempts = [
      () => write((ctx) => addBillLines(ctx, closed.id, [billLine()])),
      () =>
        write((ctx) => updateBill(ctx, { id: closed.id, version: closed.version, comments: 'x' })),
      () => write((ctx) => updateBillLine(ctx, line!.id, { subtotal: '0.00' })),
      () => write((ctx) => removeBillLines(ctx, [line!.id])),
      () => write((ctx) => removeBill(ctx, closed.id)),
    ]
    for (const attempt of attempts) {
      const error = await refusal(attempt())
      expect(error).toBeInstanceOf(ClosedBillError)
      expect(error).toMatchObject({ code: 'CONFLICT', details: { number: 'I20260001' } })
      expect(error.message).toContain('Bill I20260001 is closed')
    }
    const lines = await core.store.read((tx) => listBillLines(tx, closed.id))
    expect(lines.map((l) => [l.subtotal, l.sublines.length])).toEqual([
      ['6.58', 1],
      ['10.00', 0],
    ])
  })

  it('lets an open bill be edited and deleted with its lines', async () => {
    const bill = await openWithLines()
    const [line] = await core.store.read((tx) => listBillLines(tx, bill.id))
    await write((ctx) => updateBillLine(ctx, line!.id, { subtotal: '5.00' }))
    await write((ctx) => removeBill(ctx, bill.id))
    const left = await core.store.read((tx) => tx.select().from(billLines))
    expect(left).toEqual([])
  })
})

describe('bills of a deleted account (spec 13)', () => {
  it('keeps the bills and their lines, anonymised, with the tax id', async () => {
    const bill = await openWithLines()
    const closed = await write((ctx) =>
      closeBill(ctx, bill.id, {
        today: '2026-03-01',
        document: (_tx, frozen) =>
          Promise.resolve(
            JSON.stringify({
              number: frozen.number,
              buyer: { name: frozen.buyerName, city: frozen.buyerCity, vat: frozen.buyerVat },
            }),
          ),
      }),
    )
    expect(JSON.parse(closed.document!)).toMatchObject({
      number: 'I20260001',
      buyer: { name: 'ana Serveis SL' },
    })
    const open = await openWithLines()
    await core.dispatcher.dispatch('accounts:delete', { id: accountId })

    const kept = await core.store.read((tx) => getBill(tx, closed.id))
    expect(kept).toMatchObject({
      accountId: null,
      number: 'I20260001',
      buyerName: `Deleted account #${accountId}`,
      buyerAddress: '',
      buyerCity: '',
      buyerZipcode: '',
      buyerVat: 'B12345678',
    })
    expect(JSON.parse(kept.document!).buyer).toEqual({
      name: `Deleted account #${accountId}`,
      address: '',
      zipcode: '',
      city: '',
      vat: 'B12345678',
    })
    expect(await core.store.read((tx) => listBillLines(tx, closed.id))).toHaveLength(2)
    const stillOpen = await core.store.read((tx) => getBill(tx, open.id))
    expect(stillOpen.buyerName).toBe(`Deleted account #${accountId}`)
  })

  it('refuses to close a bill whose account is gone', async () => {
    const open = await openWithLines()
    await core.dispatcher.dispatch('accounts:delete', { id: accountId })
    expect((await refusal(close(open))).field).toBe('accountId')
  })
})
