import { eq } from 'drizzle-orm'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { accounts } from '../../../src-main/db/schema'
import { billDocument } from '../../../src-main/data/bill-documents'
import { createBill } from '../../../src-main/data/bills'
import { pdfText } from '../billing/fixtures/pdf-tools'
import { ctxOf } from './bill-fixtures'
import {
  IBAN,
  openBill,
  paymentsWorld,
  sepaSource,
  transferSource,
  untaxed,
  type PaymentsWorld,
} from './payments-fixtures'

// Spec 7.4 and 9.2: closing a bill with a payment source gives its due date, its transaction
// and the payment text it prints.

const DD_MESSAGE = `Direct debit: this bill will be charged to the bank account IBAN ${IBAN}.`

let world: PaymentsWorld

beforeEach(async () => {
  world = await paymentsWorld()
})
afterEach(() => world.core.dispose())

const transactionsOf = async (billId: number) =>
  (await world.call('transactions:list', { billId, dir: 'asc' })).rows

const documentOf = (billId: number) => world.core.store.read((tx) => billDocument(tx, billId))

/** A closed bill of Ana and the credit note that gives all of it back, still open. */
async function creditNote(): Promise<number> {
  const billId = await openBill(world.core, world.ana)
  await world.call('bills:setClosed', { ids: [billId], sources: [{ billId, sourceId: null }] })
  const note = await world.call('bills:createAmendment', { id: billId })
  expect(note.total).toBe('-14.52')
  return note.id
}

describe('bills:setClosed with a payment source (spec 7.4, 9.2)', () => {
  it("charges the account's default SEPA source: waiting processing, due in 5 days", async () => {
    const source = await world.call('paymentSources:create', sepaSource(world.ana))
    const billId = await openBill(world.core, world.ana)
    const { closed } = await world.call('bills:setClosed', { ids: [billId] })

    expect(closed[0]).toMatchObject({
      number: 'I20260001',
      closedOn: '2026-01-05',
      dueOn: '2026-01-10',
      total: '14.52',
      paymentState: 'CREATED',
    })
    const [transaction] = await transactionsOf(billId)
    expect(transaction).toMatchObject({
      billNumber: 'I20260001',
      sourceId: source.id,
      method: 'SEPA_DIRECT_DEBIT',
      sourceLabel: 'Ana Puig',
      state: 'WAITING_PROCESSING',
      amount: '14.52',
      currency: 'EUR',
      actions: ['process', 'reject'],
    })
    expect((await documentOf(billId)).paymentMessage).toBe(DD_MESSAGE)
  })

  it('prints the direct debit text with the IBAN on the PDF', async () => {
    await world.call('paymentSources:create', sepaSource(world.ana))
    const billId = await openBill(world.core, world.ana)
    await world.call('bills:setClosed', { ids: [billId] })
    const file = await world.call('bills:pdf', { id: billId })
    const text = pdfText(Buffer.from(file.base64, 'base64')).replace(/\s+/g, ' ')
    expect(text).toContain(DD_MESSAGE)
  })

  it("prints the direct debit text in the account's language, or the provider's own", async () => {
    await world.core.store.write((tx) =>
      tx.update(accounts).set({ language: 'ES' }).where(eq(accounts.id, world.ana)),
    )
    await world.call('paymentSources:create', sepaSource(world.ana))
    const spanish = await openBill(world.core, world.ana)
    await world.call('bills:setClosed', { ids: [spanish] })
    expect((await documentOf(spanish)).paymentMessage).toBe(
      `Domiciliación bancaria: esta factura se cargará en la cuenta con IBAN ${IBAN}.`,
    )

    const own = 'Cargo en cuenta {iban}. Gracias.'
    await world.call('settings:update', { name: 'PAYMENTS_DD_BILL_MESSAGE', value: own })
    const next = await openBill(world.core, world.ana)
    await world.call('bills:setClosed', { ids: [next] })
    expect((await documentOf(next)).paymentMessage).toBe(`Cargo en cuenta ${IBAN}. Gracias.`)
  })

  it('without a source waits for execution, due in a month, and asks for a transfer', async () => {
    const billId = await openBill(world.core, world.ana)
    const { closed } = await world.call('bills:setClosed', { ids: [billId] })

    expect(closed[0]).toMatchObject({ dueOn: '2026-02-05', paymentState: 'PROCESSED' })
    expect(await transactionsOf(billId)).toMatchObject([
      { sourceId: null, method: null, state: 'WAITING_EXECUTION', amount: '14.52' },
    ])
    expect((await documentOf(billId)).paymentMessage).toBe('')
  })

  it('closes with no source when "none" is picked over the default SEPA one', async () => {
    await world.call('paymentSources:create', sepaSource(world.ana))
    const billId = await openBill(world.core, world.ana)
    const sources = [{ billId, sourceId: null }]
    const { closed } = await world.call('bills:setClosed', { ids: [billId], sources })
    expect(closed[0]!.dueOn).toBe('2026-02-05')
    expect(await transactionsOf(billId)).toMatchObject([{ sourceId: null }])
  })

  it('closes each bill with the source picked for it', async () => {
    await world.call('paymentSources:create', sepaSource(world.ana))
    const transfer = await world.call('paymentSources:create', transferSource(world.ana))
    const first = await openBill(world.core, world.ana)
    const second = await openBill(world.core, world.ana)
    const sources = [{ billId: second, sourceId: transfer.id }]
    const { closed } = await world.call('bills:setClosed', { ids: [first, second], sources })

    expect(closed.map((row) => [row.id, row.dueOn, row.paymentState])).toEqual([
      [first, '2026-01-10', 'CREATED'],
      [second, '2026-02-05', 'PROCESSED'],
    ])
    expect(await transactionsOf(second)).toMatchObject([
      { sourceId: transfer.id, method: 'BANK_TRANSFER', state: 'WAITING_EXECUTION' },
    ])
    expect((await documentOf(second)).paymentMessage).toBe('')
  })

  it('keeps a due date given for the close', async () => {
    await world.call('paymentSources:create', sepaSource(world.ana))
    const billId = await openBill(world.core, world.ana)
    const { closed } = await world.call('bills:setClosed', { ids: [billId], dueOn: '2026-03-31' })
    expect(closed[0]!.dueOn).toBe('2026-03-31')
  })

  it('secures a zero-total bill at once: it is PAID', async () => {
    await world.call('paymentSources:create', sepaSource(world.ana))
    const billId = await openBill(world.core, world.ana, [untaxed('0.00')])
    const { closed } = await world.call('bills:setClosed', { ids: [billId] })
    expect(closed[0]).toMatchObject({ total: '0.00', paymentState: 'PAID' })
    expect(await transactionsOf(billId)).toMatchObject([
      { state: 'SECURED', amount: '0.00', actions: [] },
    ])
  })

  it('writes no transaction for a pro forma, which stays OPEN', async () => {
    const billId = await world.core.store.write(async (tx) => {
      const input = { type: 'PROFORMA', accountId: world.ana, createdOn: '2026-01-05' } as const
      return (await createBill(ctxOf(tx), input)).id
    })
    const { closed } = await world.call('bills:setClosed', { ids: [billId] })
    expect(closed[0]).toMatchObject({ isOpen: false, paymentState: 'OPEN' })
    expect(await transactionsOf(billId)).toEqual([])
  })
})

describe('bills:setClosed refusals (spec 7.4)', () => {
  it("refuses another account's source, naming the field, and closes nothing", async () => {
    const beas = await world.call('paymentSources:create', sepaSource(world.bea))
    const billId = await openBill(world.core, world.ana)
    const sources = [{ billId, sourceId: beas.id }]
    const error = await world.call('bills:setClosed', { ids: [billId], sources }).catch((e) => e)
    expect(error).toMatchObject({ code: 'VALIDATION', field: 'sources' })
    expect((error as Error).message).toContain(`payment source ${beas.id} is not of the account`)
    expect((await world.call('bills:get', { id: billId })).isOpen).toBe(true)
    expect(await transactionsOf(billId)).toEqual([])
  })

  it('refuses an inactive source', async () => {
    const source = await world.call('paymentSources:create', sepaSource(world.ana))
    await world.call('paymentSources:update', { id: source.id, version: 1, isActive: false })
    const billId = await openBill(world.core, world.ana)
    const sources = [{ billId, sourceId: source.id }]
    await expect(world.call('bills:setClosed', { ids: [billId], sources })).rejects.toMatchObject({
      code: 'VALIDATION',
      field: 'sources',
    })
  })

  it('refuses a source picked for a bill that is not being closed', async () => {
    const source = await world.call('paymentSources:create', sepaSource(world.ana))
    const billId = await openBill(world.core, world.ana)
    const other = await openBill(world.core, world.ana)
    const sources = [{ billId: other, sourceId: source.id }]
    await expect(world.call('bills:setClosed', { ids: [billId], sources })).rejects.toMatchObject({
      code: 'VALIDATION',
      field: 'sources',
    })
    expect((await world.call('bills:get', { id: billId })).isOpen).toBe(true)
  })
})

describe('closing a credit note (spec 7.4: negative totals)', () => {
  it('refuses a source whose method cannot pay money back, naming the field', async () => {
    const transfer = await world.call('paymentSources:create', transferSource(world.ana))
    const noteId = await creditNote()
    const sources = [{ billId: noteId, sourceId: transfer.id }]
    const error = await world.call('bills:setClosed', { ids: [noteId], sources }).catch((e) => e)
    expect(error).toMatchObject({ code: 'VALIDATION', field: 'sources' })
    expect((error as { issues: unknown[] }).issues).toMatchObject([{ rule: 'refunds' }])
    expect((error as Error).message).toContain('cannot pay money back')
    expect(await transactionsOf(noteId)).toEqual([])
  })

  it('offers only refunding sources, and by default closes with none of the others', async () => {
    await world.call('paymentSources:create', transferSource(world.ana))
    const noteId = await creditNote()
    const [choice] = await world.call('paymentSources:forBills', { ids: [noteId] })
    expect(choice).toMatchObject({ total: '-14.52', sources: [], defaultSourceId: null })

    const { closed } = await world.call('bills:setClosed', { ids: [noteId] })
    expect(closed[0]).toMatchObject({ total: '-14.52', paymentState: 'PROCESSED' })
    expect(await transactionsOf(noteId)).toMatchObject([
      { sourceId: null, state: 'WAITING_EXECUTION', amount: '-14.52' },
    ])
  })

  it('pays a refund back through a SEPA source, without a debit text on the note', async () => {
    const source = await world.call('paymentSources:create', sepaSource(world.ana))
    const noteId = await creditNote()
    const sources = [{ billId: noteId, sourceId: source.id }]
    const { closed } = await world.call('bills:setClosed', { ids: [noteId], sources })
    expect(closed[0]).toMatchObject({ dueOn: '2026-01-10', paymentState: 'CREATED' })
    expect(await transactionsOf(noteId)).toMatchObject([
      { sourceId: source.id, state: 'WAITING_PROCESSING', amount: '-14.52' },
    ])
    expect((await documentOf(noteId)).paymentMessage).toBe('')
  })
})
