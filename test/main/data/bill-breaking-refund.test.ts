import { eq } from 'drizzle-orm'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { cents, money } from '../../../src-main/billing/money'
import { createAmendment } from '../../../src-main/data/bill-amendments'
import { closeBill } from '../../../src-main/data/bill-closing'
import { commitBillingRun } from '../../../src-main/data/billing-run'
import { billLines, orders, services } from '../../../src-main/db/schema'
import { makeCore, type TestCore } from '../../support/core'
import { addAccount, ctxOf } from './bill-fixtures'

// Spec 6.7, REFUND, from the tables: time given back at the price it was billed at.

let core: TestCore
let ana: number

beforeEach(async () => {
  core = await makeCore()
  ana = await addAccount(core, 'ana')
})
afterEach(() => core.dispose())

const run = (day: string, more: { proforma?: boolean; fixedPoint?: boolean } = {}) =>
  core.store.write((tx) => commitBillingRun(ctxOf(tx), { billingPoint: day, today: day, ...more }))

async function seedPaidYear() {
  const ids = await core.store.write(async (tx) => {
    const [service] = await tx
      .insert(services)
      .values({
        contentType: 'mailbox',
        description: 'Mailbox',
        nominalPrice: '12.00',
        tax: '21',
        billingPeriod: 'ANUAL',
        billingPoint: 'ON_FIXED_DATE',
        onCancel: 'REFUND',
        ignorePeriod: '',
      })
      .returning()
    const [order] = await tx
      .insert(orders)
      .values({
        accountId: ana,
        serviceId: service!.id,
        contentType: 'mailbox',
        objectId: 1,
        registeredOn: '2026-01-01',
        description: 'ana@example.net',
      })
      .returning()
    return { serviceId: service!.id, orderId: order!.id }
  })
  await run('2026-01-05')
  return ids
}

const linesOf = (orderId: number) =>
  core.store.read((tx) =>
    tx.select().from(billLines).where(eq(billLines.orderId, orderId)).orderBy(billLines.id),
  )

describe('a refund after the price was raised (spec 6.7)', () => {
  it('gives back half of the 12.00 paid for the year, not half of the new 24.00', async () => {
    const { serviceId, orderId } = await seedPaidYear()

    await core.store.write(async (tx) => {
      await tx.update(services).set({ nominalPrice: '24.00' }).where(eq(services.id, serviceId))
      await tx.update(orders).set({ cancelledOn: '2026-07-01' }).where(eq(orders.id, orderId))
    })
    await run('2026-07-02')

    const lines = await linesOf(orderId)
    expect(lines.map((line) => [line.startOn, line.endOn, line.rate, line.subtotal])).toEqual([
      ['2026-01-01', '2027-01-01', '12.00', '12.00'],
      ['2026-07-01', '2027-01-01', '12.00', '-6.00'],
    ])
    expect(cents(money(lines[1]!.size))).toBe('0.50')
    const [order] = await core.store.read((tx) =>
      tx.select().from(orders).where(eq(orders.id, orderId)),
    )
    expect(order!.billedUntil).toBe('2026-07-01')
  })

  it('takes the price from the invoiced line, not from a later pro forma', async () => {
    const { serviceId, orderId } = await seedPaidYear()
    await core.store.write((tx) =>
      tx.update(services).set({ nominalPrice: '24.00' }).where(eq(services.id, serviceId)),
    )
    // A quote for 2027 at the new price: a pro forma line of the order, billing nothing.
    await run('2028-01-01', { proforma: true, fixedPoint: true })
    await core.store.write((tx) =>
      tx.update(orders).set({ cancelledOn: '2026-07-01' }).where(eq(orders.id, orderId)),
    )
    await run('2026-07-02')

    const lines = await linesOf(orderId)
    expect(lines.map((line) => [line.startOn, line.rate, line.subtotal])).toEqual([
      ['2026-01-01', '12.00', '12.00'],
      ['2027-01-01', '24.00', '24.00'],
      ['2026-07-01', '12.00', '-6.00'],
    ])
  })

  it('gives back only what a credit note left charged of the line', async () => {
    const { orderId } = await seedPaidYear()
    const [line] = await linesOf(orderId)
    const close = (id: number, today: string) =>
      core.store.write((tx) => closeBill(ctxOf(tx), id, { today }))
    await close(line!.billId, '2026-01-06')
    // A credit note of 4.00 of the 12.00: 8.00 was paid for the year in the end.
    const credit = await core.store.write((tx) =>
      createAmendment(ctxOf(tx), line!.billId, {
        today: '2026-02-01',
        corrections: [{ lineId: line!.id, amount: '4.00' }],
      }),
    )
    await close(credit.id, '2026-02-01')
    await core.store.write((tx) =>
      tx.update(orders).set({ cancelledOn: '2026-07-01' }).where(eq(orders.id, orderId)),
    )
    await run('2026-07-02')

    const lines = await linesOf(orderId)
    expect(lines.map((entry) => [entry.startOn, entry.subtotal])).toEqual([
      ['2026-01-01', '12.00'],
      ['2026-07-01', '-4.00'],
    ])
  })

  it('gives nothing back of a line a credit note cancelled whole', async () => {
    const { orderId } = await seedPaidYear()
    const [line] = await linesOf(orderId)
    await core.store.write((tx) => closeBill(ctxOf(tx), line!.billId, { today: '2026-01-06' }))
    await core.store.write((tx) =>
      createAmendment(ctxOf(tx), line!.billId, {
        today: '2026-02-01',
        corrections: [{ lineId: line!.id }],
      }),
    )
    await core.store.write((tx) =>
      tx.update(orders).set({ cancelledOn: '2026-07-01' }).where(eq(orders.id, orderId)),
    )
    await run('2026-07-02')

    // The credit note, open still, already gives back all 12.00: the refund adds nothing.
    const lines = await linesOf(orderId)
    expect(lines.map((entry) => [entry.startOn, entry.subtotal])).toEqual([
      ['2026-01-01', '12.00'],
      ['2026-07-01', '0.00'],
    ])
  })
})
