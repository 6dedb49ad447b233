import { eq } from 'drizzle-orm'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { closeBill } from '../../../src-main/data/bill-closing'
import {
  billDocument,
  freezeBillDocument,
  getBillByNumber,
} from '../../../src-main/data/bill-documents'
import { addBillLines, createBill } from '../../../src-main/data/bills'
import { billContacts, settings } from '../../../src-main/db/schema'
import { AppError } from '../../../src-shared/errors'
import { makeCore, type TestCore } from '../../support/core'
import { addAccount, billLine, ctxOf, NOW } from './bill-fixtures'
import { money } from '../../../src-main/billing/money'

// Spec 8: a stored bill as its printed document.

/** A PNG signature and nothing more: enough for the document, which only carries the bytes. */
const LOGO = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3])

const SELLER = {
  BILLS_SELLER_NAME: 'Orchestra Hosting SCCL',
  BILLS_SELLER_VAT: 'ESB58378431',
  BILLS_SELLER_BANK_ACCOUNT: 'ES91 2100 0418 4502 0005 1332',
  BILLS_SELLER_LOGO: `data:image/png;base64,${Buffer.from(LOGO).toString('base64')}`,
}

let core: TestCore
let buyer: number
let billId: number

beforeEach(async () => {
  core = await makeCore()
  await core.store.write((tx) =>
    tx.insert(settings).values(
      Object.entries(SELLER).map(([name, value]) => ({
        name,
        value: JSON.stringify(value),
        updatedAt: NOW,
      })),
    ),
  )
  buyer = await addAccount(core, 'ana')
  billId = await core.store.write(async (tx) => {
    const bill = await createBill(ctxOf(tx), {
      type: 'INVOICE',
      accountId: buyer,
      createdOn: '2026-01-05',
    })
    await addBillLines(ctxOf(tx), bill.id, [
      billLine({ startOn: '2026-01-01', endOn: '2027-01-01' }),
      billLine({
        description: 'Disk space',
        rate: money('2.00'),
        metric: money(10),
        size: money('0.5'),
        quantity: money(5),
        verboseQuantity: '10×0.5',
        subtotal: money('10.00'),
        tax: money('10.5'),
        startOn: '2026-03-15',
        endOn: '2026-09-15',
        sublines: [{ type: 'PLAN', description: 'Discount per plan', total: money('-2.50') }],
      }),
    ])
    return bill.id
  })
})
afterEach(() => core.dispose())

const documentOf = () => core.store.read((tx) => billDocument(tx, billId))

describe('billDocument (spec 8)', () => {
  it('prints an open invoice as a draft with its lines, periods and quantities', async () => {
    const doc = await documentOf()
    expect(doc).toMatchObject({ type: 'INVOICE', number: 'OI20260001', draft: true })
    expect(doc.lines).toEqual([
      {
        id: expect.stringMatching(/^L\d+$/),
        description: 'Mailbox ana@example.net',
        period: "Jan. '26 / Dec. '26",
        quantity: '1',
        rate: '12.00',
        subtotal: '12.00',
        sublines: [],
      },
      {
        id: expect.stringMatching(/^L\d+$/),
        description: 'Disk space',
        period: "March 15, '26 / Sept. 15, '26",
        quantity: '10×0.5',
        rate: '2.00',
        subtotal: '10.00',
        sublines: [{ description: 'Discount per plan', total: '-2.50' }],
      },
    ])
  })

  it('gives the totals per tax rate, adding up to the total', async () => {
    const doc = await documentOf()
    expect(doc.taxes).toEqual([
      { rate: '10.5', base: '7.50', tax: '0.79' },
      { rate: '21', base: '12.00', tax: '2.52' },
    ])
    expect(doc.total).toBe('22.81')
  })

  it('names the provider settings as seller and the account contact as buyer', async () => {
    const doc = await documentOf()
    expect(doc.seller).toMatchObject({
      name: 'Orchestra Hosting SCCL',
      vat: 'ESB58378431',
      country: 'Spain',
      bankAccount: 'ES91 2100 0418 4502 0005 1332',
      logo: LOGO,
    })
    expect(doc.buyer).toEqual({
      name: 'ana Serveis SL',
      vat: 'B12345678',
      address: 'Carrer Major 1',
      zipcode: '08001',
      city: 'Barcelona',
      country: 'Spain',
    })
  })

  it('dates the document by the bill, so two prints are the same', async () => {
    const first = await documentOf()
    const second = await documentOf()
    expect(first.createdAt.toISOString()).toBe('2026-01-05T00:00:00.000Z')
    expect(first).toMatchObject({ billDate: '2026-01-05', dueOn: '2026-02-05' })
    expect(second).toEqual(first)
  })

  it('prints a closed bill as frozen at close, the buyer changed since included', async () => {
    await core.store.write((tx) =>
      closeBill(ctxOf(tx), billId, { today: '2026-01-31', document: freezeBillDocument }),
    )
    await core.store.write((tx) =>
      tx.update(billContacts).set({ name: 'Renamed SL' }).where(eq(billContacts.accountId, buyer)),
    )
    const doc = await documentOf()
    expect(doc).toMatchObject({ number: 'I20260001', draft: false, billDate: '2026-01-31' })
    expect(doc.buyer.name).toBe('ana Serveis SL')
    expect(doc.createdAt).toEqual(new Date('2026-01-31T00:00:00Z'))
    expect(doc.seller.logo).toEqual(LOGO)
  })
})

describe('getBillByNumber', () => {
  it('refuses an unknown number, naming it', async () => {
    const lookup = core.store.read((tx) => getBillByNumber(tx, 'I20269999'))
    await expect(lookup).rejects.toThrow(AppError)
    await expect(lookup).rejects.toThrow('Bill I20269999 does not exist')
  })
})
