import { eq } from 'drizzle-orm'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { renderBillPdf } from '../../../src-main/billing/pdf/render-bill-pdf'
import { closeBill } from '../../../src-main/data/bill-closing'
import { billDocument, freezeBillDocument } from '../../../src-main/data/bill-documents'
import { commitBillingRun } from '../../../src-main/data/billing-run'
import { billLines, bills, orders, services } from '../../../src-main/db/schema'
import { makeCore, type TestCore } from '../../support/core'
import { pdfText, qpdfCheck } from '../billing/fixtures/pdf-tools'
import { addAccount, ctxOf } from './bill-fixtures'

// The must-show, through every step: one day of 2028 of an annual service priced
// 366.00 is billed, closed and printed as 1.00, its quantity never printed as 0.

let core: TestCore
let ana: number

beforeEach(async () => {
  core = await makeCore()
  ana = await addAccount(core, 'ana')
})
afterEach(() => core.dispose())

describe('one day of 2028 at 366.00 a year, from the order to the PDF', () => {
  it('is billed 1.00, closed, and printed with quantity 0.0027 and total 1.21', async () => {
    const orderId = await core.store.write(async (tx) => {
      const [service] = await tx
        .insert(services)
        .values({
          contentType: 'mailbox',
          description: 'Mailbox',
          nominalPrice: '366.00',
          tax: '21',
          billingPeriod: 'ANUAL',
          billingPoint: 'ON_FIXED_DATE',
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
          registeredOn: '2028-12-31',
          description: 'ana@example.net',
        })
        .returning()
      return order!.id
    })
    const day = { billingPoint: '2028-12-31', today: '2028-12-31' }
    await core.store.write((tx) => commitBillingRun(ctxOf(tx), day))

    const [line] = await core.store.read((tx) =>
      tx.select().from(billLines).where(eq(billLines.orderId, orderId)),
    )
    expect([line!.startOn, line!.endOn, line!.subtotal, line!.verboseQuantity]).toEqual([
      '2028-12-31',
      '2029-01-01',
      '1.00',
      '0.0027',
    ])

    const closed = await core.store.write((tx) =>
      closeBill(ctxOf(tx), line!.billId, { today: '2029-01-02', document: freezeBillDocument }),
    )
    expect(closed.number).toBe('I20290001')
    const document = await core.store.read((tx) => billDocument(tx, closed.id))
    expect(document.total).toBe('1.21')

    const bytes = await renderBillPdf(document)
    expect(qpdfCheck(bytes).status).toBe(0)
    const text = pdfText(bytes, { layout: true })
    expect(text).toMatch(/0\.0027 +366\.00/)
    expect(text).toContain('1.21')
    const [order] = await core.store.read((tx) =>
      tx.select().from(orders).where(eq(orders.id, orderId)),
    )
    expect(order!.billedUntil).toBe('2029-01-01')
    expect(await core.store.read((tx) => tx.select().from(bills))).toHaveLength(1)
  })
})
