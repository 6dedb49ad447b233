import { sql } from 'drizzle-orm'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { closeBill } from '../../../src-main/data/bill-closing'
import { createBill, type BillRecord } from '../../../src-main/data/bills'
import { updateSetting } from '../../../src-main/data/settings'
import { billSequences } from '../../../src-main/db/schema'
import type { BillType } from '../../../src-main/billing/bill-document'
import { makeCore, type TestCore } from '../../support/core'
import { addAccount, ctxOf } from './bill-fixtures'

// Spec 7.3 with the product rule: one numeric series per prefix and year, taken on close.

let core: TestCore
let accountId: number

beforeEach(async () => {
  core = await makeCore()
  accountId = await addAccount(core, 'ana')
})
afterEach(() => core.dispose())

const open = (type: BillType = 'INVOICE', createdOn = '2026-02-10') =>
  core.store.write((tx) => createBill(ctxOf(tx), { type, accountId, createdOn }))

const close = (bill: BillRecord, today = '2026-03-01') =>
  core.store.write((tx) => closeBill(ctxOf(tx), bill.id, { today }))

describe('bill numbers (spec 7.3)', () => {
  it('gives open bills a provisional number from their own O series', async () => {
    const numbers = [(await open()).number, (await open()).number, (await open('FEE')).number]
    expect(numbers).toEqual(['OI20260001', 'OI20260002', 'OF20260001'])
  })

  it('gives the final number at close, in closing order, not opening order', async () => {
    const [first, second] = [await open(), await open()]
    expect((await close(second)).number).toBe('I20260001')
    expect((await close(first)).number).toBe('I20260002')
  })

  it('keeps one series per type: invoice, fee, amendment, pro forma never mix', async () => {
    const types: BillType[] = ['INVOICE', 'FEE', 'AMENDMENTINVOICE', 'AMENDMENTFEE', 'PROFORMA']
    const numbers = []
    for (const type of [...types, 'INVOICE' as const])
      numbers.push((await close(await open(type))).number)
    expect(numbers).toEqual([
      'I20260001',
      'F20260001',
      'A20260001',
      'B20260001',
      'P20260001',
      'I20260002',
    ])
  })

  it('takes the year of the closing day, starting a new series each year', async () => {
    const bill = await open('INVOICE', '2026-12-30')
    await close(await open())
    expect((await close(bill, '2027-01-02')).number).toBe('I20270001')
  })

  it('goes past 9999 with more digits, never reusing a number as text ordering did', async () => {
    await close(await open())
    await core.store.write((tx) =>
      tx
        .update(billSequences)
        .set({ lastNumber: 9998 })
        .where(sql`prefix = 'I'`),
    )
    const numbers = []
    for (let i = 0; i < 3; i++) numbers.push((await close(await open())).number)
    expect(numbers).toEqual(['I20269999', 'I202610000', 'I202610001'])
  })

  it('follows the prefix and length settings', async () => {
    await core.store.write(async (tx) => {
      const ctx = { tx, actor: 'tester', now: '2026-03-01T10:00:00.000Z', changes: [] }
      await updateSetting(ctx, 'BILLS_INVOICE_NUMBER_PREFIX', 'FA')
      await updateSetting(ctx, 'BILLS_NUMBER_LENGTH', 6)
    })
    expect((await open()).number).toBe('OFA2026000001')
    expect((await close(await open())).number).toBe('FA2026000001')
  })

  it('gives a number back when its closing is rolled back: no gap', async () => {
    const bill = await open()
    const failing = core.store.write(async (tx) => {
      await closeBill(ctxOf(tx), bill.id, { today: '2026-03-01' })
      throw new Error('the document could not be rendered')
    })
    await expect(failing).rejects.toThrow('could not be rendered')
    expect((await close(bill)).number).toBe('I20260001')
  })
})
