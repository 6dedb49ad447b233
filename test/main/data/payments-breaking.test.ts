import { eq } from 'drizzle-orm'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { AppError } from '../../../src-shared/errors'
import { SEPA_CREDITOR_SETTINGS } from '../../../src-shared/schemas/payment-settings'
import { createTransaction } from '../../../src-main/data/transactions'
import { bills, transactions } from '../../../src-main/db/schema'
import { CREDITOR, elementText, elementTexts, xmllintErrors } from '../payments/sepa/sepa-fixtures'
import {
  IBAN,
  openBill,
  paymentsWorld,
  sepaSource,
  transferSource,
  untaxed,
  type PaymentsWorld,
} from './payments-fixtures'
import { ctxOf } from './bill-fixtures'

// Hostile and edge-case input to the payments channels (spec 7.4, 7.6, 9): each test here is
// an attack that once broke, or a rule that must keep holding against one.

const PAIN008 = 'pain.008.001.02.xsd'

let world: PaymentsWorld

beforeEach(async () => {
  world = await paymentsWorld()
  const values = [CREDITOR.name, CREDITOR.iban, CREDITOR.bic, CREDITOR.creditorId]
  for (const [i, name] of SEPA_CREDITOR_SETTINGS.entries()) {
    await world.call('settings:update', { name, value: values[i] })
  }
})
afterEach(() => world.core.dispose())

const call: PaymentsWorld['call'] = (name, request) => world.call(name, request)

async function failure(promise: Promise<unknown>): Promise<AppError> {
  return promise.then(
    () => {
      throw new Error('expected the call to fail')
    },
    (error: unknown) => error as AppError,
  )
}

/** A bill of `subtotal` (untaxed) closed with `sourceId`, and its first transaction. */
async function closed(subtotal: string, sourceId: number | null, accountId = world.ana) {
  const billId = await openBill(world.core, accountId, [untaxed(subtotal)])
  await call('bills:setClosed', { ids: [billId], sources: [{ billId, sourceId }] })
  const [row] = (await call('transactions:list', { billId })).rows
  return { billId, transaction: row! }
}

const sepa = async (accountId = world.ana, iban = IBAN) =>
  (await call('paymentSources:create', sepaSource(accountId, iban))).id

const paymentState = async (billId: number) =>
  (await call('bills:get', { id: billId })).paymentState

describe('payments: money edge cases', () => {
  it.each(['1e3', '1,00', '0.005', '', ' ', '12.', '.5', 'NaN', '--1', '12345678901.00'])(
    'refuses the amount %j, naming the field',
    async (amount) => {
      const { billId } = await closed('10.00', null)
      await call('transactions:setState', {
        ids: [(await call('transactions:list', { billId })).rows[0]!.id],
        action: 'reject',
      })
      const error = await failure(call('transactions:create', { billId, amount }))
      expect(error.code).toBe('VALIDATION')
      expect(error.issues?.[0]?.field).toBe('amount')
    },
  )

  it('takes a negative zero as zero, even through a method that pays nothing back', async () => {
    const sourceId = (await call('paymentSources:create', transferSource(world.ana))).id
    const { billId, transaction } = await closed('10.00', sourceId)
    await call('transactions:setState', { ids: [transaction.id], action: 'reject' })
    const row = await call('transactions:create', { billId, sourceId, amount: '-0' })
    expect([row.amount, row.state]).toEqual(['0.00', 'SECURED'])
  })

  it('keeps the largest amount exactly on both databases, in the report too', async () => {
    const { billId, transaction } = await closed('10.00', null)
    await call('transactions:update', {
      id: transaction.id,
      version: transaction.version,
      amount: '9999999999.99',
    })
    const row = (await call('transactions:list', { billId })).rows[0]!
    expect(row.amount).toBe('9999999999.99')
    expect((await call('transactions:report', { billId })).totals).toEqual([
      { currency: 'EUR', amount: '9999999999.99' },
    ])
    expect(await paymentState(billId)).toBe('PROCESSED')
  })
})

describe('payments: sources against SEPA rules', () => {
  it('takes a valid IBAN in lower case with spaces, stored compact in capitals', async () => {
    const source = await call(
      'paymentSources:create',
      sepaSource(world.ana, ' de89 3704 0044 0532 0130 00 '),
    )
    expect(source.data.iban).toBe('DE89370400440532013000')
  })

  it.each([
    ['Saudi Arabia', 'SA03 8000 0000 6080 1016 7519'],
    ['Brazil', 'BR15 0000 0000 0000 1093 2840 814P 2'],
  ])('refuses an IBAN of %s, outside SEPA, though its check digits hold', async (_, iban) => {
    const error = await failure(call('paymentSources:create', sepaSource(world.ana, iban)))
    expect(error.issues?.map((issue) => issue.field)).toEqual(['data.iban'])
  })

  it.each(['ABC_123', 'A B', '/ABC', 'AB/', 'A//B', 'Ä1', 'M'.repeat(36), 'x<y>&z'])(
    'refuses the mandate reference %j, which SEPA forbids',
    async (mandateId) => {
      const input = sepaSource(world.ana)
      const error = await failure(
        call('paymentSources:create', { ...input, data: { ...input.data, mandateId } }),
      )
      expect(error.issues?.[0]?.field).toBe('data.mandateId')
    },
  )
})

describe('payments: transactions against the manual-add rule (spec 9.2)', () => {
  it('adds by hand up to the total past partial rejections, and reissues only once', async () => {
    const { billId, transaction } = await closed('10.00', null)
    await call('transactions:setState', { ids: [transaction.id], action: 'reject' })
    const four = await call('transactions:create', { billId, amount: '4.00' })
    await call('transactions:create', { billId, amount: '6.00' })
    const covered = await failure(call('transactions:create', { billId, amount: '0.01' }))
    expect(covered.issues?.[0]?.rule).toBe('covered')

    await call('transactions:setState', { ids: [four.id], action: 'reject' })
    await call('transactions:createReissue', { id: four.id })
    const twice = await failure(call('transactions:createReissue', { id: four.id }))
    expect(twice.issues?.[0]?.rule).toBe('covered')
    expect(await paymentState(billId)).toBe('PROCESSED')
  })

  it('refuses a transaction on a closed pro forma', async () => {
    const billId = await openBill(world.core, world.ana)
    await world.core.store.write((tx) =>
      tx.update(bills).set({ type: 'PROFORMA' }).where(eq(bills.id, billId)),
    )
    await call('bills:setClosed', { ids: [billId] })
    const error = await failure(call('transactions:create', { billId, amount: '1.00' }))
    expect(error.issues?.[0]?.rule).toBe('closed')
  })

  it('refuses a change made from a stale version', async () => {
    const { transaction } = await closed('10.00', null)
    const { id, version } = transaction
    await call('transactions:update', { id, version, amount: '9.00' })
    const error = await failure(call('transactions:update', { id, version, amount: '8.00' }))
    expect(error.code).toBe('CONFLICT')
  })
})

describe('payments: SEPA files from hostile selections (spec 9.3, 9.4)', () => {
  const processOf = async (...transactionIds: number[]) =>
    (await call('paymentProcesses:create', { transactionIds })).processes
  const fileOf = async (id: number) => (await call('paymentProcesses:file', { id })).content

  it('refuses to put euros and dollars in one file, and makes no file at all', async () => {
    const sourceId = await sepa()
    const euros = (await closed('10.00', sourceId)).transaction
    const dollars = (await closed('20.00', sourceId)).transaction
    // The panel refuses a dollar transaction on a euro bill; one kept from before still is not
    // filed.
    await world.core.store.write((tx) =>
      tx.update(transactions).set({ currency: 'USD' }).where(eq(transactions.id, dollars.id)),
    )
    const error = await failure(processOf(euros.id, dollars.id))
    expect(error.issues?.map((issue) => issue.rule)).toEqual(['sepaCurrency'])
    expect((await call('paymentProcesses:list', {})).total).toBe(0)
  })

  it('refuses an amount over the most a SEPA payment may carry', async () => {
    const sourceId = await sepa()
    const { transaction } = await closed('10.00', sourceId)
    const { id, version } = transaction
    await call('transactions:update', { id, version, amount: '1000000000.00' })
    const error = await failure(processOf(transaction.id))
    expect(error.issues?.map((issue) => issue.rule)).toEqual(['sepaAmount'])
  })

  it('sums 1,000 debits of 0.01, and 0.10 with 0.20, exactly', async () => {
    const sourceId = await sepa()
    const { billId, transaction } = await closed('10.00', sourceId)
    const { id, version } = transaction
    await call('transactions:update', { id, version, amount: '0.01' })
    const ids = await world.core.store.write(async (tx) => {
      const made: number[] = [transaction.id]
      for (let i = 1; i < 1000; i++) {
        const row = await createTransaction(ctxOf(tx), { billId, sourceId, amount: '0.01' })
        made.push(row.id)
      }
      return made
    })
    const [big] = await processOf(...ids)
    const xml = await fileOf(big!.id)
    expect([elementText(xml, 'NbOfTxs'), elementText(xml, 'CtrlSum')]).toEqual(['1000', '10.00'])
    expect(xmllintErrors(PAIN008, xml)).toBe('')

    const tenth = (await closed('0.10', sourceId)).transaction
    const fifth = (await closed('0.20', sourceId)).transaction
    const [small] = await processOf(tenth.id, fifth.id)
    expect(elementTexts(await fileOf(small!.id), 'CtrlSum')).toEqual(['0.30', '0.30'])
    // A thousand transactions, each through the manual-add rule: slow on a busy PostgreSQL.
  }, 60_000)

  it('stays valid for a holder named with markup, RTL marks, emoji and 70 characters', async () => {
    const name = `\u202eعلي <b>&amp;</b> 😀 \u200f${'Ä'.repeat(70)}`.slice(0, 70)
    const input = sepaSource(world.ana)
    const { id } = await call('paymentSources:create', { ...input, data: { ...input.data, name } })
    const { transaction } = await closed('10.00', id)
    const [process] = await processOf(transaction.id)
    const xml = await fileOf(process!.id)
    expect(xmllintErrors(PAIN008, xml)).toBe('')
    expect(elementTexts(xml, 'Nm')[2]).toMatch(/^[A-Za-z0-9/\-?:().,'+ ]{1,70}$/)
  })

  it('keeps a process whose debit was rejected, and commits no aborted one', async () => {
    const sourceId = await sepa()
    const first = (await closed('10.00', sourceId)).transaction
    const second = (await closed('20.00', sourceId)).transaction
    const [process] = await processOf(first.id, second.id)
    await call('transactions:setState', { ids: [first.id], action: 'reject' })
    const get = () => call('paymentProcesses:get', { id: process!.id })
    const { id, version } = process!
    expect((await failure(call('paymentProcesses:delete', { id, version }))).code).toBe(
      'VALIDATION',
    )
    const setState = async (action: 'abort' | 'commit') =>
      call('paymentProcesses:setState', { id: process!.id, version: (await get()).version, action })
    await setState('abort')
    const commit = setState('commit')
    expect((await failure(commit)).issues?.[0]?.rule).toBe('state')
    expect((await get()).lines.map((line) => line.state)).toEqual(['REJECTED', 'REJECTED'])
  })
})

describe('payments: one currency per bill (spec 7.6, 9.2)', () => {
  const dollarsSetting = () => call('settings:update', { name: 'PAYMENT_CURRENCY', value: 'USD' })

  it('refuses a transaction or an edit in another currency than the bill', async () => {
    const { billId, transaction } = await closed('14.52', null)
    await call('transactions:setState', { ids: [transaction.id], action: 'reject' })
    const added = await failure(
      call('transactions:create', { billId, amount: '14.52', currency: 'usd' }),
    )
    expect(added.issues?.map((issue) => [issue.field, issue.rule])).toEqual([
      ['currency', 'billCurrency'],
    ])
    const row = await call('transactions:create', { billId, amount: '14.52' })
    const update = { id: row.id, version: row.version, currency: 'GBP' }
    const edited = await failure(call('transactions:update', update))
    expect(edited.issues?.map((issue) => issue.field)).toEqual(['currency'])
  })

  it('keeps a closed bill in its currency when PAYMENT_CURRENCY changes', async () => {
    const euros = await closed('10.00', null)
    await dollarsSetting()
    const dollars = await closed('20.00', null)
    expect(dollars.transaction.currency).toBe('USD')

    await call('transactions:setState', { ids: [euros.transaction.id], action: 'reject' })
    const again = await call('transactions:create', { billId: euros.billId, amount: '10.00' })
    expect(again.currency).toBe('EUR')
  })

  it('reports the totals per currency and never adds two currencies', async () => {
    await closed('10.00', null)
    await dollarsSetting()
    await closed('20.00', null)
    expect(await call('transactions:report', {})).toEqual({
      states: [
        { state: 'WAITING_EXECUTION', currency: 'EUR', count: 1, amount: '10.00' },
        { state: 'WAITING_EXECUTION', currency: 'USD', count: 1, amount: '20.00' },
      ],
      totals: [
        { currency: 'EUR', amount: '10.00' },
        { currency: 'USD', amount: '20.00' },
      ],
    })
  })

  it('lets no money of another currency pay a bill or cover its total', async () => {
    const { billId, transaction } = await closed('14.52', null)
    await call('transactions:setState', { ids: [transaction.id], action: 'reject' })
    // Dollars secured on the euro bill, as data kept from before the rule could hold them.
    await world.core.store.write((tx) =>
      tx.insert(transactions).values({
        billId,
        state: 'SECURED',
        amount: '14.52',
        currency: 'USD',
        createdAt: transaction.createdAt,
        modifiedAt: transaction.createdAt,
      }),
    )
    expect(await paymentState(billId)).toBe('BAD_DEBT')
    await call('transactions:create', { billId, amount: '14.52' })
    expect(await paymentState(billId)).toBe('PROCESSED')
  })

  it('refuses to close with a direct debit a bill that would not be in euros', async () => {
    const sourceId = await sepa()
    await dollarsSetting()
    const billId = await openBill(world.core, world.ana, [untaxed('10.00')])
    const closing = call('bills:setClosed', { ids: [billId], sources: [{ billId, sourceId }] })
    const error = await failure(closing)
    expect(error.issues?.map((issue) => [issue.field, issue.rule])).toEqual([
      ['sources', 'fileCurrency'],
    ])
  })
})

describe('payments: edits a bank file could never carry (spec 9.2, 9.4)', () => {
  it('refuses a zero amount or another currency on a debit waiting for its file', async () => {
    const { transaction } = await closed('10.00', await sepa())
    const { id, version } = transaction
    const zero = await failure(call('transactions:update', { id, version, amount: '0.00' }))
    expect(zero.issues?.map((issue) => [issue.field, issue.rule])).toEqual([['amount', 'zero']])
    const dollars = await failure(call('transactions:update', { id, version, currency: 'USD' }))
    expect(dollars.issues?.map((issue) => issue.field)).toEqual(['currency', 'currency'])
    expect(dollars.issues?.map((issue) => issue.rule)).toContain('fileCurrency')
  })

  it('still takes a zero on a transaction paid by hand, which a clerk marks secured', async () => {
    const { transaction } = await closed('10.00', null)
    const { id, version } = transaction
    const row = await call('transactions:update', { id, version, amount: '0.00' })
    expect([row.amount, row.state]).toEqual(['0.00', 'WAITING_EXECUTION'])
  })
})
