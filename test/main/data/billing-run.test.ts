import { eq } from 'drizzle-orm'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { cents } from '../../../src-main/billing/money'
import { commitBillingRun, previewBillingRun } from '../../../src-main/data/billing-run'
import { billDocument } from '../../../src-main/data/bill-documents'
import { listBillLines } from '../../../src-main/data/bills'
import { REVERSE_CHARGE_NOTE } from '../../../src-main/billing/tax-rules'
import { accounts, billContacts, billLines, bills, orders } from '../../../src-main/db/schema'
import type { Tx } from '../../../src-main/db/store'
import { countRows, makeCore, type TestCore } from '../../support/core'
import { addAccount, ctxOf, seedService } from './bill-fixtures'

// Spec 6.1, 6.11 and 7.2: the run from the tables to bills, previewed, then committed.

let core: TestCore
let ana: number
let bea: number

beforeEach(async () => {
  core = await makeCore()
  ana = await addAccount(core, 'ana')
  bea = await addAccount(core, 'bea')
})
afterEach(() => core.dispose())

async function addOrder(tx: Tx, accountId: number, serviceId: number, registeredOn: string) {
  const [row] = await tx
    .insert(orders)
    .values({
      accountId,
      serviceId,
      contentType: 'mailbox',
      objectId: 1,
      registeredOn,
      description: `Order of ${registeredOn}`,
    })
    .returning()
  return row!.id
}

const JAN_5 = { billingPoint: '2026-01-05', today: '2026-01-05' }

async function seedMailboxes() {
  return core.store.write(async (tx) => {
    const mailbox = await seedService(tx, { description: 'Mailbox' })
    return {
      mailbox,
      anaOrder: await addOrder(tx, ana, mailbox, '2026-01-01'),
      beaOrder: await addOrder(tx, bea, mailbox, '2026-01-01'),
    }
  })
}

const commit = (request = JAN_5) => core.store.write((tx) => commitBillingRun(ctxOf(tx), request))

describe('previewBillingRun (spec 6.1)', () => {
  it('returns each account its lines and totals and writes nothing', async () => {
    const { anaOrder } = await seedMailboxes()
    const preview = await core.store.read((tx) => previewBillingRun(tx, JAN_5))

    expect(preview.accounts.map((account) => account.username)).toEqual(['ana', 'bea'])
    const [bill] = preview.accounts[0]!.bills
    expect(bill!.lines.map((line) => [line.orderId, cents(line.subtotal)])).toEqual([
      [anaOrder, '12.00'],
    ])
    expect(cents(bill!.totals.total)).toBe('14.52')
    expect(cents(preview.total)).toBe('29.04')
    expect(await countRows(core, bills)).toBe(0)
    const [order] = await core.store.read((tx) =>
      tx.select().from(orders).where(eq(orders.id, anaOrder)),
    )
    expect(order).toMatchObject({ billedOn: null, billedUntil: null })
  })
})

describe('commitBillingRun (spec 6.11, 7.2)', () => {
  it('gives each account its own invoice', async () => {
    await seedMailboxes()
    const run = await commit()
    const written = run.written!.bills.map((bill) => [bill.accountId, bill.type])
    expect(written).toEqual([
      [ana, 'INVOICE'],
      [bea, 'INVOICE'],
    ])
    expect(run.written!.ordersUpdated).toBe(2)
  })

  it('bills nothing when run again the same day', async () => {
    const { anaOrder } = await seedMailboxes()
    await commit()
    const again = await commit()
    expect(again.written).toBeNull()
    expect(again.lines).toBe(0)
    expect(await countRows(core, billLines)).toBe(2)
    const [order] = await core.store.read((tx) =>
      tx.select().from(orders).where(eq(orders.id, anaOrder)),
    )
    expect(order).toMatchObject({ billedOn: '2026-01-05', billedUntil: '2027-01-01' })
  })

  it('puts fee lines on a fee bill and the others on the invoice', async () => {
    await core.store.write(async (tx) => {
      const mailbox = await seedService(tx, { description: 'Mailbox' })
      const fee = await seedService(tx, { description: 'Fee', nominalPrice: '60', isFee: true })
      await addOrder(tx, ana, mailbox, '2026-01-01')
      await addOrder(tx, ana, fee, '2026-01-01')
    })
    const run = await commit()
    const written = run.written!.bills
    expect(written.map((bill) => bill.type)).toEqual(['INVOICE', 'FEE'])
    const feeLines = await core.store.read((tx) => listBillLines(tx, written[1]!.id))
    expect(feeLines.map((line) => [line.description, line.subtotal])).toEqual([
      ['Order of 2026-01-01', '60.00'],
    ])
  })

  it('bills one day of 2028 of an annual 366.00 service as 1.00', async () => {
    const orderId = await core.store.write(async (tx) => {
      const service = await seedService(tx, { description: 'Hosting', nominalPrice: '366.00' })
      return addOrder(tx, ana, service, '2028-03-10')
    })
    const run = await core.store.write((tx) =>
      commitBillingRun(ctxOf(tx), {
        billingPoint: '2028-03-11',
        today: '2028-03-11',
        fixedPoint: true,
      }),
    )
    const lines = await core.store.read((tx) => listBillLines(tx, run.written!.bills[0]!.id))
    expect(lines.map((line) => [line.orderId, line.size, line.subtotal])).toEqual([
      // The size is stored exact, 1/366, never rounded to 0.00 before pricing.
      [orderId, expect.stringMatching(/^0\.00273224043715846994/), '1.00'],
    ])
    expect(cents(run.accounts[0]!.total)).toBe('1.21')
    expect(lines[0]).toMatchObject({ startOn: '2028-03-10', endOn: '2028-03-11' })
  })

  it('refunds the prepaid time of an order cancelled after its billing', async () => {
    const orderId = await core.store.write(async (tx) => {
      const service = await seedService(tx, { description: 'Hosting', onCancel: 'REFUND' })
      return addOrder(tx, ana, service, '2026-01-01')
    })
    await commit()
    await core.store.write((tx) =>
      tx.update(orders).set({ cancelledOn: '2026-07-02' }).where(eq(orders.id, orderId)),
    )
    const refund = await commit({ billingPoint: '2026-07-10', today: '2026-07-10' })
    const lines = await core.store.read((tx) => listBillLines(tx, refund.written!.bills[0]!.id))
    // 2 July 2026 to 1 January 2027: 5 months and 30 days of 2026, 5/12 + 30/365 of a year.
    expect(lines.slice(1).map((line) => [line.orderId, line.startOn, line.subtotal])).toEqual([
      [orderId, '2026-07-02', '-5.99'],
    ])
  })

  it('leaves an ignored order out unless the run includes ignored orders', async () => {
    const { anaOrder } = await seedMailboxes()
    await core.store.write((tx) =>
      tx.update(orders).set({ ignore: true }).where(eq(orders.id, anaOrder)),
    )
    const plain = await core.store.read((tx) => previewBillingRun(tx, JAN_5))
    expect(plain.accounts.map((account) => account.username)).toEqual(['bea'])
    const all = await core.store.read((tx) =>
      previewBillingRun(tx, { ...JAN_5, includeIgnored: true }),
    )
    expect(all.accounts.map((account) => account.username)).toEqual(['ana', 'bea'])
  })

  it('bills an EU business with a valid VAT number at 0%, under the reverse charge', async () => {
    await seedMailboxes()
    await core.store.write(async (tx) => {
      await tx.update(accounts).set({ type: 'COMPANY' }).where(eq(accounts.id, ana))
      await tx
        .update(billContacts)
        .set({ country: 'FR', vat: 'FR40303265045' })
        .where(eq(billContacts.accountId, ana))
    })
    const run = await commit()
    expect(run.accounts.map((account) => [account.username, cents(account.total)])).toEqual([
      ['ana', '12.00'],
      ['bea', '14.52'],
    ])
    const [anaBill, beaBill] = run.written!.bills
    const documents = await core.store.read(async (tx) => [
      await billDocument(tx, anaBill!.id),
      await billDocument(tx, beaBill!.id),
    ])
    expect(documents.map((doc) => doc.taxNote)).toEqual([REVERSE_CHARGE_NOTE, ''])
    expect(documents[0]!.taxes).toEqual([{ rate: '0', base: '12.00', tax: '0.00' }])
  })
})
