import { eq } from 'drizzle-orm'
import { PDFDocument } from 'pdf-lib'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { ChannelName, ChannelRequest } from '../../../src-shared/contract/channels'
import { accounts, orders, services } from '../../../src-main/db/schema'
import type { Tx } from '../../../src-main/db/store'
import { makeCore, type TestCore } from '../../support/core'
import { addAccount } from './bill-fixtures'

// Spec 6.1 (the run's wizard), 6.12 and 7: the bills channels the interface calls.

let core: TestCore
let ana: number
let bea: number

const RUN = { billingPoint: '2026-01-05' }

beforeEach(async () => {
  core = await makeCore({ clock: () => new Date('2026-01-05T12:00:00Z') })
  ana = await addAccount(core, 'ana')
  bea = await addAccount(core, 'bea')
})
afterEach(() => core.dispose())

const call = <N extends ChannelName>(name: N, request: ChannelRequest<N>) =>
  core.dispatcher.dispatch(name, request)

async function addService(tx: Tx, description: string, tax = '21') {
  const [row] = await tx
    .insert(services)
    .values({
      description,
      contentType: 'mailbox',
      nominalPrice: '12.00',
      tax,
      billingPeriod: 'ANUAL',
      billingPoint: 'ON_FIXED_DATE',
      ignorePeriod: '',
    })
    .returning()
  return row!.id
}

async function addOrder(tx: Tx, accountId: number, serviceId: number, description: string) {
  const [row] = await tx
    .insert(orders)
    .values({
      accountId,
      serviceId,
      contentType: 'mailbox',
      objectId: 1,
      registeredOn: '2026-01-01',
      description,
    })
    .returning()
  return row!.id
}

/** Ana: a mailbox at 21% and a domain at 10%; Bea: a mailbox. Billed once, bills open. */
async function billRun() {
  const ids = await core.store.write(async (tx) => {
    const mailbox = await addService(tx, 'Mailbox')
    const domain = await addService(tx, 'Domain', '10')
    return {
      anaMailbox: await addOrder(tx, ana, mailbox, 'Mailbox ana'),
      anaDomain: await addOrder(tx, ana, domain, 'Domain ana.example'),
      beaMailbox: await addOrder(tx, bea, mailbox, 'Mailbox bea'),
    }
  })
  const run = await call('billingRuns:create', RUN)
  const [anaBill, beaBill] = run.billIds as [number, number]
  return { ...ids, anaBill, beaBill }
}

async function orderOf(id: number) {
  const [row] = await core.store.read((tx) => tx.select().from(orders).where(eq(orders.id, id)))
  return row!
}

describe('billingRuns:preview (spec 6.1)', () => {
  it('shows each account its lines and totals and writes no bill', async () => {
    await core.store.write(async (tx) => {
      await addOrder(tx, ana, await addService(tx, 'Mailbox'), 'Mailbox ana')
    })
    const preview = await call('billingRuns:preview', RUN)

    expect(preview.total).toBe('14.52')
    const [account] = preview.accounts
    expect(account).toMatchObject({ accountId: ana, username: 'ana', total: '14.52' })
    expect(account!.bills[0]!.lines).toEqual([
      {
        description: 'Mailbox ana',
        period: "Jan. '26 / Dec. '26",
        quantity: '1',
        rate: '12.00',
        subtotal: '12.00',
        tax: '21',
        total: '12.00',
        sublines: [],
      },
    ])
    expect((await call('bills:list', {})).total).toBe(0)
  })

  it('bills only the orders of a selection, and offers none related without rates', async () => {
    const ids = await core.store.write(async (tx) => {
      const mailbox = await addService(tx, 'Mailbox')
      return [
        await addOrder(tx, ana, mailbox, 'Mailbox ana'),
        await addOrder(tx, ana, mailbox, 'Mailbox ana2'),
      ]
    })
    const selection = { ...RUN, orderIds: [ids[1]!] }
    const preview = await call('billingRuns:preview', selection)

    const lines = preview.accounts.flatMap((account) => account.bills[0]!.lines)
    expect(lines.map((line) => line.description)).toEqual(['Mailbox ana2'])
    expect(await call('billingRuns:relatedOrders', selection)).toEqual({ orders: [] })
    await expect(call('billingRuns:relatedOrders', { ...RUN, orderIds: [] })).rejects.toThrow(
      /orderIds/,
    )
  })

  it("prints each account's periods in its language", async () => {
    await core.store.write(async (tx) => {
      await tx.update(accounts).set({ language: 'ES' }).where(eq(accounts.id, bea))
      const mailbox = await addService(tx, 'Mailbox')
      await addOrder(tx, ana, mailbox, 'Mailbox ana')
      await addOrder(tx, bea, mailbox, 'Buzón bea')
    })
    const preview = await call('billingRuns:preview', RUN)

    const periods = preview.accounts.map((account) => account.bills[0]!.lines[0]!.period)
    expect(periods).toEqual(["Jan. '26 / Dec. '26", "Ene. '26 / dic. '26"])
  })
})

describe('billingRuns:create (spec 6.11)', () => {
  it('answers the bills written, open under provisional numbers', async () => {
    const { anaBill, beaBill } = await billRun()
    const page = await call('bills:list', { dir: 'asc' })
    expect(page.rows.map((row) => [row.id, row.number, row.accountName, row.total])).toEqual([
      [anaBill, 'OI20260001', 'ana', '27.72'],
      [beaBill, 'OI20260002', 'bea', '14.52'],
    ])
    expect(page.rows.every((row) => row.paymentState === 'OPEN')).toBe(true)
  })

  it('answers no bill when nothing is pending', async () => {
    await billRun()
    const again = await call('billingRuns:create', RUN)
    expect(again).toMatchObject({ billIds: [], lines: 0, total: '0.00' })
  })
})

describe('bills:get (spec 7.5)', () => {
  it('gives the lines and a base and tax per tax rate that add up to the total', async () => {
    const { anaBill } = await billRun()
    const bill = await call('bills:get', { id: anaBill })
    expect(bill.lines.map((line) => [line.description, line.subtotal, line.tax])).toEqual([
      ['Mailbox ana', '12.00', '21'],
      ['Domain ana.example', '12.00', '10'],
    ])
    expect(bill.lines[0]!.period).toBe("Jan. '26 / Dec. '26")
    expect(bill.taxes).toEqual([
      { rate: '10', base: '12.00', tax: '1.20' },
      { rate: '21', base: '12.00', tax: '2.52' },
    ])
    expect([bill.base, bill.tax, bill.total]).toEqual(['24.00', '3.72', '27.72'])
  })
})

describe('bills:setClosed (spec 7.3, 7.4)', () => {
  it('numbers bills in closing order in the final series and dates them', async () => {
    const { anaBill, beaBill } = await billRun()
    const { closed } = await call('bills:setClosed', { ids: [beaBill, anaBill] })
    const byId = new Map(closed.map((row) => [row.id, row]))
    expect(byId.get(beaBill)).toMatchObject({ number: 'I20260001', closedOn: '2026-01-05' })
    expect(byId.get(anaBill)).toMatchObject({ number: 'I20260002', dueOn: '2026-02-05' })
    expect(closed.every((row) => !row.isOpen && row.paymentState === 'PROCESSED')).toBe(true)
  })

  it('refuses to delete a closed bill', async () => {
    const { anaBill } = await billRun()
    await call('bills:setClosed', { ids: [anaBill] })
    await expect(call('bills:delete', { id: anaBill })).rejects.toMatchObject({
      code: 'CONFLICT',
    })
  })
})

describe('bills:list filters (spec 7.5)', () => {
  it('filters by type, open state and payment state', async () => {
    const { anaBill, beaBill } = await billRun()
    await call('bills:setClosed', { ids: [anaBill] })
    const ids = async (request: ChannelRequest<'bills:list'>) =>
      (await call('bills:list', request)).rows.map((row) => row.id)
    expect(await ids({ isOpen: true })).toEqual([beaBill])
    expect(await ids({ paymentState: 'PROCESSED' })).toEqual([anaBill])
    expect(await ids({ paymentState: 'PAID' })).toEqual([])
    expect(await ids({ type: 'FEE' })).toEqual([])
    expect(await ids({ q: 'bea' })).toEqual([beaBill])
  })
})

describe('bills:createAmendment (spec 7.7)', () => {
  it('credits part of one line in the amendment series, negated', async () => {
    const { anaBill } = await billRun()
    await call('bills:setClosed', { ids: [anaBill] })
    const line = (await call('bills:get', { id: anaBill })).lines[0]!
    const amendment = await call('bills:createAmendment', {
      id: anaBill,
      lines: [{ lineId: line.id, amount: '5.00' }],
    })
    expect(amendment).toMatchObject({
      type: 'AMENDMENTINVOICE',
      number: 'OA20260001',
      total: '-6.05',
      amendOf: { id: anaBill, number: 'I20260001' },
    })
    expect(amendment.lines.map((entry) => [entry.amendedLineId, entry.subtotal])).toEqual([
      [line.id, '-5.00'],
    ])

    const { closed } = await call('bills:setClosed', { ids: [amendment.id] })
    expect(closed[0]).toMatchObject({ number: 'A20260001', total: '-6.05' })
    const amended = await call('bills:get', { id: anaBill })
    expect(amended.amendedBy).toBe(1)
    expect(amended.amendments).toEqual([
      {
        id: amendment.id,
        number: 'A20260001',
        type: 'AMENDMENTINVOICE',
        total: '-6.05',
        isOpen: false,
        paymentState: 'PROCESSED',
      },
    ])
  })

  it('refuses to give back more than the line holds', async () => {
    const { anaBill } = await billRun()
    await call('bills:setClosed', { ids: [anaBill] })
    const line = (await call('bills:get', { id: anaBill })).lines[0]!
    const amend = call('bills:createAmendment', {
      id: anaBill,
      lines: [{ lineId: line.id, amount: '12.01' }],
    })
    await expect(amend).rejects.toMatchObject({ code: 'VALIDATION' })
  })
})

describe('billLines:deleteWithUndo (spec 6.12)', () => {
  it('removes the lines and gives the orders back their state before the run', async () => {
    const { anaBill, anaMailbox } = await billRun()
    const line = (await call('bills:get', { id: anaBill })).lines[0]!
    const undone = await call('billLines:deleteWithUndo', { lineIds: [line.id] })
    expect(undone).toMatchObject({ removed: 1, ordersRestored: 1 })
    expect(await orderOf(anaMailbox)).toMatchObject({ billedOn: null, billedUntil: null })
    expect((await call('bills:get', { id: anaBill })).lines).toHaveLength(1)
  })

  it('refuses a line of a closed bill, keeping the order billed', async () => {
    const { anaBill, anaMailbox } = await billRun()
    await call('bills:setClosed', { ids: [anaBill] })
    const line = (await call('bills:get', { id: anaBill })).lines[0]!
    await expect(call('billLines:deleteWithUndo', { lineIds: [line.id] })).rejects.toMatchObject({
      code: 'VALIDATION',
    })
    expect(await orderOf(anaMailbox)).toMatchObject({ billedUntil: '2027-01-01' })
  })
})

describe('billLines:updateBill and billLines:createCopies (spec 13, line management)', () => {
  async function secondOpenBill() {
    const run = await billRun()
    await core.store.write(async (tx) => {
      await addOrder(tx, ana, await addService(tx, 'Backup'), 'Backup ana')
    })
    const next = await call('billingRuns:create', { ...RUN, newOpen: true })
    return { ...run, otherBill: next.billIds[0]! }
  }

  it('moves a line to another open bill of the account', async () => {
    const { anaBill, otherBill } = await secondOpenBill()
    const line = (await call('bills:get', { id: anaBill })).lines[1]!
    expect(await call('billLines:updateBill', { lineIds: [line.id], toBillId: otherBill })).toEqual(
      {
        moved: 1,
      },
    )
    const target = await call('bills:get', { id: otherBill })
    expect(target.lines.map((entry) => entry.description)).toEqual([
      'Backup ana',
      'Domain ana.example',
    ])
    expect((await call('bills:get', { id: anaBill })).total).toBe('14.52')
  })

  it("refuses to move a line to another account's bill", async () => {
    const { anaBill, beaBill } = await billRun()
    const line = (await call('bills:get', { id: anaBill })).lines[0]!
    const move = call('billLines:updateBill', { lineIds: [line.id], toBillId: beaBill })
    await expect(move).rejects.toMatchObject({ code: 'VALIDATION' })
  })

  it('copies a line of a closed bill without its order link', async () => {
    const { anaBill, otherBill } = await secondOpenBill()
    await call('bills:setClosed', { ids: [anaBill] })
    const line = (await call('bills:get', { id: anaBill })).lines[0]!
    await call('billLines:createCopies', { lineIds: [line.id], toBillId: otherBill })
    const copy = (await call('bills:get', { id: otherBill })).lines.at(-1)!
    expect(copy).toMatchObject({ description: 'Mailbox ana', subtotal: '12.00', orderId: null })
    expect((await call('bills:get', { id: anaBill })).lines).toHaveLength(2)
  })
})

describe('bills:pdf and bills:printRun (spec 7.4, 8)', () => {
  const pdfOf = (base64: string) => PDFDocument.load(Buffer.from(base64, 'base64'))

  it('gives the bill as a PDF named by its number', async () => {
    const { anaBill } = await billRun()
    await call('bills:setClosed', { ids: [anaBill] })
    const file = await call('bills:pdf', { id: anaBill })
    expect(file.fileName).toBe('I20260001.pdf')
    expect(Buffer.from(file.base64, 'base64').subarray(0, 5).toString()).toBe('%PDF-')
    expect((await pdfOf(file.base64)).getPageCount()).toBe(1)
  })

  it("prints a run's closed bills into one PDF and leaves the open ones out", async () => {
    const { anaBill, beaBill } = await billRun()
    await call('bills:setClosed', { ids: [anaBill] })
    const file = await call('bills:printRun', { ids: [anaBill, beaBill] })
    expect(file).toMatchObject({ bills: 1, fileName: 'bills-I20260001-I20260001.pdf' })
    expect((await pdfOf(file.base64)).getPageCount()).toBe(1)

    await call('bills:setClosed', { ids: [beaBill] })
    const both = await call('bills:printRun', { ids: [anaBill, beaBill] })
    expect(both.bills).toBe(2)
    expect((await pdfOf(both.base64)).getPageCount()).toBe(2)
  })

  it('refuses to print a run with no closed bill', async () => {
    const { anaBill } = await billRun()
    await expect(call('bills:printRun', { ids: [anaBill] })).rejects.toMatchObject({
      code: 'VALIDATION',
    })
  })
})

describe('billContacts:update (spec 7.4, 10)', () => {
  it('gives an account without one the bill contact its bills need to close', async () => {
    const carla = await addAccount(core, 'carla', false)
    await core.store.write(async (tx) => {
      await addOrder(tx, carla, await addService(tx, 'Mailbox'), 'Mailbox carla')
    })
    const [billId] = (await call('billingRuns:create', RUN)).billIds as [number]
    expect((await call('bills:get', { id: billId })).needsContact).toBe(true)
    await expect(call('bills:setClosed', { ids: [billId] })).rejects.toMatchObject({
      code: 'VALIDATION',
    })

    const contact = { accountId: carla, name: 'Carla SL', vat: 'B76543210', country: 'ES' as const }
    await call('billContacts:update', { ...contact, city: 'Girona' })
    expect(await call('billContacts:get', { accountId: carla })).toEqual({
      contact: { ...contact, address: '', zipcode: '', city: 'Girona' },
    })
    expect((await call('bills:get', { id: billId })).needsContact).toBe(false)
    const { closed } = await call('bills:setClosed', { ids: [billId] })
    expect(closed[0]!.number).toBe('I20260001')
    expect((await call('bills:get', { id: billId })).buyer).toMatchObject({ name: 'Carla SL' })
  })
})

describe('bills:update, billLines:update and billLines:delete (spec 7.1, 7.7)', () => {
  it("changes an open bill's comments and refuses a closed one's", async () => {
    const { anaBill } = await billRun()
    const { version } = await call('bills:get', { id: anaBill })
    const updated = await call('bills:update', { id: anaBill, version, comments: 'PO 2291' })
    expect(updated.comments).toBe('PO 2291')
    await call('bills:setClosed', { ids: [anaBill] })
    const closed = await call('bills:get', { id: anaBill })
    const late = call('bills:update', { id: anaBill, version: closed.version, comments: 'late' })
    await expect(late).rejects.toMatchObject({ code: 'CONFLICT', message: /is closed/ })
  })

  it('removes a line and leaves its order billed', async () => {
    const { anaBill, anaMailbox } = await billRun()
    const line = (await call('bills:get', { id: anaBill })).lines[0]!
    expect(await call('billLines:delete', { lineIds: [line.id] })).toEqual({ removed: 1 })
    expect((await call('bills:get', { id: anaBill })).total).toBe('13.20')
    expect(await orderOf(anaMailbox)).toMatchObject({ billedUntil: '2027-01-01' })
  })

  it("edits a credit note's line only within what the corrected line holds", async () => {
    const { anaBill } = await billRun()
    await call('bills:setClosed', { ids: [anaBill] })
    const line = (await call('bills:get', { id: anaBill })).lines[0]!
    const note = await call('bills:createAmendment', { id: anaBill, lines: [{ lineId: line.id }] })
    const noteLine = note.lines[0]!.id
    const edited = await call('billLines:update', { lineId: noteLine, subtotal: '-3.00' })
    expect([edited.lines[0]!.subtotal, edited.total]).toEqual(['-3.00', '-3.63'])
    const tooMuch = call('billLines:update', { lineId: noteLine, subtotal: '-12.01' })
    await expect(tooMuch).rejects.toMatchObject({ code: 'VALIDATION' })
  })
})
