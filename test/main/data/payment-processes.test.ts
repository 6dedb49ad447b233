import { eq } from 'drizzle-orm'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { ChannelName, ChannelRequest } from '../../../src-shared/contract/channels'
import type { AppError } from '../../../src-shared/errors'
import { SEPA_CREDITOR_SETTINGS } from '../../../src-shared/schemas/payment-settings'
import type { SepaSourceData } from '../../../src-shared/schemas/payments'
import { money } from '../../../src-main/billing/money'
import { closeBill } from '../../../src-main/data/bill-closing'
import { addBillLines, createBill } from '../../../src-main/data/bills'
import { createPaymentSource, updatePaymentSource } from '../../../src-main/data/payment-sources'
import { setTransactionState } from '../../../src-main/data/transactions'
import { paymentProcesses, transactions } from '../../../src-main/db/schema'
import { makeCore, type TestCore } from '../../support/core'
import {
  CREDITOR,
  elementText,
  elementTexts,
  IBANS,
  xmllintErrors,
} from '../payments/sepa/sepa-fixtures'
import { addAccount, billLine, ctxOf } from './bill-fixtures'

// Spec 9.3 to 9.5: transactions processed into SEPA files, and the steps of a process.

const PAIN008 = 'pain.008.001.02.xsd'
const PAIN001 = 'pain.001.001.03.xsd'
/** The clerk's day in the pinned clock below. */
const TODAY = '2026-03-02'

let core: TestCore

beforeEach(async () => {
  // The clerk processes on 2 March: debits are collected 5 days on, refunds paid 10 days on.
  core = await makeCore({ clock: () => new Date(`${TODAY}T09:00:00Z`) })
  const values = [CREDITOR.name, CREDITOR.iban, CREDITOR.bic, CREDITOR.creditorId]
  for (const [i, name] of SEPA_CREDITOR_SETTINGS.entries()) {
    await call('settings:update', { name, value: values[i] })
  }
})
afterEach(() => core.dispose())

const call = <N extends ChannelName>(name: N, request: ChannelRequest<N>) =>
  core.dispatcher.dispatch(name, request)

const write = <T>(work: (ctx: ReturnType<typeof ctxOf>) => Promise<T>) =>
  core.store.write((tx) => work(ctxOf(tx)))

/** An account paying by SEPA direct debit from the account of `data`. */
async function customer(username: string, data: Partial<SepaSourceData> = {}) {
  const accountId = await addAccount(core, username)
  const source = await write((ctx) =>
    createPaymentSource(
      ctx,
      {
        accountId,
        method: 'SEPA_DIRECT_DEBIT',
        data: { name: `${username} Holder`, iban: IBANS.de, ...data },
      },
      TODAY,
    ),
  )
  return { accountId, sourceId: source.id }
}

/** A bill of one line at 21%, closed with the account's SEPA source, and its transaction. */
async function closedBill(accountId: number, subtotal: string) {
  return write(async (ctx) => {
    const open = await createBill(ctx, { type: 'INVOICE', accountId, createdOn: '2026-02-10' })
    const amount = money(subtotal)
    await addBillLines(ctx, open.id, [billLine({ rate: amount, subtotal: amount })])
    const bill = await closeBill(ctx, open.id, { today: '2026-03-01' })
    const [row] = await ctx.tx.select().from(transactions).where(eq(transactions.billId, bill.id))
    return { billId: bill.id, number: bill.number, transactionId: row!.id }
  })
}

/** Ana and Bea owe 60.50 and 14.52; Cai is owed 12.10 back. */
async function threeBills() {
  const ana = await customer('ana', { name: 'Ana Puig', iban: IBANS.de })
  const bea = await customer('bea', { name: 'Bea Roca', iban: IBANS.nl })
  const cai = await customer('cai', { name: 'Cai Vidal', iban: IBANS.gb })
  return {
    ana: { ...ana, ...(await closedBill(ana.accountId, '50.00')) },
    bea: { ...bea, ...(await closedBill(bea.accountId, '12.00')) },
    cai: { ...cai, ...(await closedBill(cai.accountId, '-10.00')) },
  }
}

const processOf = async (...transactionIds: number[]) =>
  (await call('paymentProcesses:create', { transactionIds })).processes

const fileOf = async (id: number) => (await call('paymentProcesses:file', { id })).content

type ProcessStep = ChannelRequest<'paymentProcesses:setState'>['action']

async function step(id: number, action: ProcessStep) {
  const { version } = await call('paymentProcesses:get', { id })
  return call('paymentProcesses:setState', { id, version, action })
}

async function transactionStates(processId: number) {
  const detail = await call('paymentProcesses:get', { id: processId })
  return detail.lines.map((line) => [line.id, line.state, line.processId])
}

const paymentState = async (billId: number) =>
  (await call('bills:get', { id: billId })).paymentState

/** The error a call fails with, for its code and issues. */
async function failure(promise: Promise<unknown>): Promise<AppError> {
  return promise.then(
    () => {
      throw new Error('expected the call to fail')
    },
    (error: unknown) => error as AppError,
  )
}

describe('paymentProcesses:create (spec 9.3 to 9.5)', () => {
  it('splits debts into a direct debit and refunds into a credit transfer process', async () => {
    const { ana, bea, cai } = await threeBills()

    const processes = await processOf(ana.transactionId, bea.transactionId, cai.transactionId)

    expect(processes).toMatchObject([
      {
        id: 1,
        kind: 'DIRECT_DEBIT',
        state: 'CREATED',
        transactions: 2,
        amount: '75.02',
        fileName: 'direct-debit-1.xml',
        actions: ['markExecuted', 'abort', 'commit', 'delete'],
      },
      {
        id: 2,
        kind: 'CREDIT_TRANSFER',
        state: 'CREATED',
        transactions: 1,
        amount: '12.10',
        fileName: 'credit-transfer-2.xml',
      },
    ])
    expect(await transactionStates(1)).toEqual([
      [ana.transactionId, 'WAITING_EXECUTION', 1],
      [bea.transactionId, 'WAITING_EXECUTION', 1],
    ])
    expect(await transactionStates(2)).toEqual([[cai.transactionId, 'WAITING_EXECUTION', 2]])
  })

  it('writes the debts into a pain.008 the schema accepts', async () => {
    const { ana, bea, cai } = await threeBills()
    await processOf(ana.transactionId, bea.transactionId, cai.transactionId)

    const xml = await fileOf(1)
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<Document')).toBe(true)
    expect(elementText(xml, 'MsgId')).toBe('1-260302090000')
    expect(elementText(xml, 'CreDtTm')).toBe('2026-03-02T09:00:00')
    expect(elementTexts(xml, 'NbOfTxs')).toEqual(['2', '2'])
    expect(elementTexts(xml, 'CtrlSum')).toEqual(['75.02', '75.02'])
    expect(elementText(xml, 'ReqdColltnDt')).toBe('2026-03-07')
    expect(elementTexts(xml, 'SeqTp')).toEqual(['FRST'])
    expect(elementTexts(xml, 'IBAN')).toEqual([
      'ES9121000418450200051332',
      'DE89370400440532013000',
      'NL91ABNA0417164300',
    ])
    expect(elementTexts(xml, 'EndToEndId')).toEqual(['I20260001-1', 'I20260002-2'])
    expect([ana.number, bea.number]).toEqual(['I20260001', 'I20260002'])
    expect(elementTexts(xml, 'InstdAmt')).toEqual(['60.50', '14.52'])
    expect(elementTexts(xml, 'MndtId')).toEqual([
      `${ana.accountId}-${ana.sourceId}`,
      `${bea.accountId}-${bea.sourceId}`,
    ])
    expect(elementTexts(xml, 'Nm')).toEqual([CREDITOR.name, CREDITOR.name, 'Ana Puig', 'Bea Roca'])
    // The creditor identifier (CdtrSchmeId), then each debtor's unknown bank.
    expect(elementTexts(xml, 'Id')).toEqual(['ES97ZZZB12345678', 'NOTPROVIDED', 'NOTPROVIDED'])
    expect(xmllintErrors(PAIN008, xml)).toBe('')
  })

  it('writes the refunds into a pain.001 the schema accepts', async () => {
    const { ana, cai } = await threeBills()
    await processOf(ana.transactionId, cai.transactionId)

    const xml = await fileOf(2)
    expect(elementText(xml, 'MsgId')).toBe('2-260302090000')
    expect(elementTexts(xml, 'NbOfTxs')).toEqual(['1', '1'])
    expect(elementTexts(xml, 'CtrlSum')).toEqual(['12.10', '12.10'])
    expect(elementText(xml, 'PmtMtd')).toBe('TRF')
    expect(elementText(xml, 'ReqdExctnDt')).toBe('2026-03-12')
    expect(elementTexts(xml, 'IBAN')).toEqual([
      'ES9121000418450200051332',
      'GB82WEST12345698765432',
    ])
    expect(elementTexts(xml, 'EndToEndId')).toEqual([`${cai.number}-${cai.transactionId}`])
    expect(elementTexts(xml, 'EndToEndId')).toEqual(['I20260003-3'])
    expect(xml).toContain('<InstdAmt Ccy="EUR">12.10</InstdAmt>')
    expect(elementTexts(xml, 'Nm')).toEqual([CREDITOR.name, CREDITOR.name, 'Cai Vidal'])
    expect(xmllintErrors(PAIN001, xml)).toBe('')
  })

  it('collects on the day the clerk chose, and refuses a day not after today', async () => {
    const { ana, bea } = await threeBills()
    await processOf(ana.transactionId)
    const refused = await failure(
      call('paymentProcesses:create', {
        transactionIds: [bea.transactionId],
        collectionOn: '2026-03-02',
      }),
    )
    expect(refused.issues).toEqual([expect.objectContaining({ field: 'collectionOn' })])

    await call('paymentProcesses:create', {
      transactionIds: [bea.transactionId],
      collectionOn: '2026-03-20',
    })
    expect(elementText(await fileOf(2), 'ReqdColltnDt')).toBe('2026-03-20')
  })

  it('refuses the whole selection when one is not waiting for processing, naming it', async () => {
    const { ana, bea, cai } = await threeBills()
    await processOf(bea.transactionId)

    const refused = await failure(
      processOf(ana.transactionId, bea.transactionId, cai.transactionId),
    )

    expect(refused.code).toBe('VALIDATION')
    expect(refused.issues).toEqual([
      {
        field: 'transactionIds',
        rule: 'state',
        message:
          `transaction ${bea.transactionId} is WAITING_EXECUTION: ` +
          'only one waiting for processing is processed',
      },
    ])
    expect((await call('paymentProcesses:list', {})).total).toBe(1)
    expect(await paymentState(ana.billId)).toBe('CREATED')
  })

  it('refuses a transaction of an inactive source and one that does not exist', async () => {
    const { ana, bea } = await threeBills()
    await write((ctx) =>
      updatePaymentSource(ctx, { id: ana.sourceId, version: 1, isActive: false }, TODAY),
    )
    const inactive = await failure(processOf(ana.transactionId, bea.transactionId))
    expect(inactive.issues?.map((issue) => issue.message)).toEqual([
      `transaction ${ana.transactionId} has payment source ${ana.sourceId}, which is not active`,
    ])
    expect((await failure(processOf(bea.transactionId, 99))).code).toBe('NOT_FOUND')
  })

  it('refuses while a creditor setting is empty, naming each', async () => {
    const { ana, cai } = await threeBills()
    await call('settings:update', { name: 'PAYMENTS_DD_CREDITOR_ID', value: null })
    await call('settings:update', { name: 'PAYMENTS_DD_CREDITOR_BIC', value: null })

    const refused = await failure(processOf(ana.transactionId))
    expect(refused.issues?.map((issue) => issue.field)).toEqual([
      'PAYMENTS_DD_CREDITOR_BIC',
      'PAYMENTS_DD_CREDITOR_ID',
    ])
    // A credit transfer names no creditor identifier.
    const transfer = await failure(processOf(cai.transactionId))
    expect(transfer.issues?.map((issue) => issue.field)).toEqual(['PAYMENTS_DD_CREDITOR_BIC'])
  })

  it('writes nothing when a file cannot be made', async () => {
    const { ana } = await threeBills()
    const emoji = await customer('dan', { name: '😀👍', iban: IBANS.fr })
    const dan = await closedBill(emoji.accountId, '20.00')

    const refused = await failure(processOf(ana.transactionId, dan.transactionId))

    expect(refused.issues).toEqual([
      expect.objectContaining({ field: `transactions.${dan.transactionId}.debtorName` }),
    ])
    expect((await call('paymentProcesses:list', {})).total).toBe(0)
    expect(await paymentState(ana.billId)).toBe('CREATED')
    expect(await paymentState(dan.billId)).toBe('CREATED')
  })

  it("sends a mandate's first debit as FRST and the later ones as RCUR", async () => {
    const ana = await customer('ana')
    const first = await closedBill(ana.accountId, '10.00')
    const second = await closedBill(ana.accountId, '20.00')
    const third = await closedBill(ana.accountId, '30.00')
    const fourth = await closedBill(ana.accountId, '40.00')

    await processOf(first.transactionId, second.transactionId)
    expect(elementTexts(await fileOf(1), 'SeqTp')).toEqual(['FRST', 'RCUR'])
    await processOf(third.transactionId)
    expect(elementTexts(await fileOf(2), 'SeqTp')).toEqual(['RCUR'])

    // The bank refused both files: the mandate has still had no collection.
    await step(1, 'abort')
    await step(2, 'abort')
    await processOf(fourth.transactionId)
    const xml = await fileOf(3)
    expect(elementTexts(xml, 'SeqTp')).toEqual(['FRST'])
    expect(xmllintErrors(PAIN008, xml)).toBe('')
  })

  it('carries hostile names only as SEPA text, and the files stay valid', async () => {
    const names = [
      ['<script>alert(1)</script>', 'script alert(1) /script'],
      ['Smith & Sons <Ltd>', 'Smith + Sons Ltd'],
      ['"Quoted" \'name\'', '&apos;Quoted&apos; &apos;name&apos;'],
      ['😀 Emoji 👍 family', 'Emoji family'],
      ['Дмитрий Щукин', 'Dmitrii Shchukin'],
      [']]> <![CDATA[ x', 'CDATA x'],
      ['&amp; &#38; &lt;', '+amp + 38 +lt'],
    ] as const
    const debts: number[] = []
    const credits: number[] = []
    for (const [i, [name]] of names.entries()) {
      const { accountId } = await customer(`user${i}`, { name, iban: IBANS.fr })
      debts.push((await closedBill(accountId, '10.00')).transactionId)
      credits.push((await closedBill(accountId, '-5.00')).transactionId)
    }

    await processOf(...debts, ...credits)

    const debit = await fileOf(1)
    const transfer = await fileOf(2)
    const expected = names.map(([, text]) => text)
    expect(elementTexts(debit, 'Nm').slice(2)).toEqual(expected)
    expect(elementTexts(transfer, 'Nm').slice(2)).toEqual(expected)
    for (const xml of [debit, transfer]) {
      // No markup but ours, no entity but the apostrophe's, nothing outside the SEPA set.
      expect(xml).not.toMatch(/<script|CDATA\[|&(?!apos;)|[^\x20-\x7e\n]/)
    }
    expect(xmllintErrors(PAIN008, debit)).toBe('')
    expect(xmllintErrors(PAIN001, transfer)).toBe('')
  })
})

describe('paymentProcesses:setState (spec 9.3)', () => {
  it('takes the bills from created through processed and executed to paid', async () => {
    const { ana, bea } = await threeBills()
    expect(await paymentState(ana.billId)).toBe('CREATED')
    await processOf(ana.transactionId, bea.transactionId)
    expect(await paymentState(ana.billId)).toBe('PROCESSED')

    const executed = await step(1, 'markExecuted')
    expect(executed).toMatchObject({ state: 'EXECUTED', version: 2, actions: ['abort', 'commit'] })
    expect(await transactionStates(1)).toEqual([
      [ana.transactionId, 'EXECUTED', 1],
      [bea.transactionId, 'EXECUTED', 1],
    ])
    expect(await paymentState(ana.billId)).toBe('EXECUTED')

    const committed = await step(1, 'commit')
    expect(committed).toMatchObject({ state: 'COMMITTED', version: 3, actions: [] })
    expect(committed.lines.map((line) => line.state)).toEqual(['SECURED', 'SECURED'])
    expect(await paymentState(ana.billId)).toBe('PAID')
    expect(await paymentState(bea.billId)).toBe('PAID')
  })

  it('commits a process the bank has not reported on, securing its transactions', async () => {
    const { ana, cai } = await threeBills()
    await processOf(ana.transactionId, cai.transactionId)

    await step(2, 'commit')

    expect(await transactionStates(2)).toEqual([[cai.transactionId, 'SECURED', 2]])
    expect(await paymentState(cai.billId)).toBe('PAID')
    expect(await paymentState(ana.billId)).toBe('PROCESSED')
  })

  it('aborts a process: its transactions rejected, its bills bad debts', async () => {
    const { ana, bea, cai } = await threeBills()
    await processOf(ana.transactionId, bea.transactionId, cai.transactionId)
    await step(1, 'markExecuted')

    const aborted = await step(1, 'abort')
    await step(2, 'abort')

    expect(aborted).toMatchObject({ state: 'ABORTED', actions: [] })
    expect(aborted.lines.map((line) => line.state)).toEqual(['REJECTED', 'REJECTED'])
    expect(await paymentState(ana.billId)).toBe('BAD_DEBT')
    expect(await paymentState(bea.billId)).toBe('BAD_DEBT')
    expect(await paymentState(cai.billId)).toBe('BAD_DEBT')
  })

  it('allows each state only its own steps', async () => {
    const allowed = {
      CREATED: ['markExecuted', 'abort', 'commit'],
      EXECUTED: ['abort', 'commit'],
      COMMITTED: [],
      ABORTED: [],
    }
    const ana = await customer('ana')
    const reach = {
      CREATED: [],
      EXECUTED: ['markExecuted'],
      COMMITTED: ['commit'],
      ABORTED: ['abort'],
    }
    for (const [state, path] of Object.entries(reach) as [keyof typeof allowed, ProcessStep[]][]) {
      for (const action of ['markExecuted', 'abort', 'commit'] as const) {
        const { transactionId } = await closedBill(ana.accountId, '10.00')
        const [process] = await processOf(transactionId)
        for (const earlier of path) await step(process!.id, earlier)
        const attempt = step(process!.id, action)
        if ((allowed[state] as string[]).includes(action)) {
          await expect(attempt).resolves.toMatchObject({ id: process!.id })
        } else {
          const refused = await failure(attempt)
          expect(refused.issues).toEqual([
            {
              field: 'action',
              rule: 'state',
              message: `process ${process!.id} cannot take "${action}": it is ${state}`,
            },
          ])
        }
      }
    }
  })

  it('refuses a step taken from an older version', async () => {
    const { ana } = await threeBills()
    await processOf(ana.transactionId)
    await step(1, 'markExecuted')

    const stale = await failure(
      call('paymentProcesses:setState', { id: 1, version: 1, action: 'commit' }),
    )
    expect(stale.code).toBe('CONFLICT')
    expect((await call('paymentProcesses:get', { id: 1 })).state).toBe('EXECUTED')
  })

  it('leaves a debit returned by the bank rejected when its file is marked executed', async () => {
    const { ana, bea } = await threeBills()
    await processOf(ana.transactionId, bea.transactionId)
    await write((ctx) => setTransactionState(ctx, [bea.transactionId], 'reject'))

    const executed = await step(1, 'markExecuted')

    expect(executed.lines.map((line) => [line.id, line.state])).toEqual([
      [ana.transactionId, 'EXECUTED'],
      [bea.transactionId, 'REJECTED'],
    ])
    expect(await paymentState(bea.billId)).toBe('BAD_DEBT')
  })
})

describe('paymentProcesses:delete (spec 9.3)', () => {
  it('sends its transactions back to waiting for processing, out of any process', async () => {
    const { ana, bea } = await threeBills()
    await processOf(ana.transactionId, bea.transactionId)

    expect(await call('paymentProcesses:delete', { id: 1, version: 1 })).toEqual({ deleted: 1 })

    expect((await call('paymentProcesses:list', {})).total).toBe(0)
    expect(await paymentState(ana.billId)).toBe('CREATED')
    const [again] = await processOf(ana.transactionId, bea.transactionId)
    expect(again).toMatchObject({ id: 2, transactions: 2, amount: '75.02' })
    expect(xmllintErrors(PAIN008, await fileOf(2))).toBe('')
  })

  it('refuses to delete from a version the clerk no longer sees', async () => {
    const { ana } = await threeBills()
    await processOf(ana.transactionId)
    await core.store.write((tx) =>
      tx.update(paymentProcesses).set({ version: 2 }).where(eq(paymentProcesses.id, 1)),
    )
    const stale = await failure(call('paymentProcesses:delete', { id: 1, version: 1 }))
    expect([stale.code, stale.field]).toEqual(['CONFLICT', 'version'])
    expect((await call('paymentProcesses:list', {})).total).toBe(1)
  })

  it('refuses once the bank has acted on any of its transactions', async () => {
    const { ana, bea, cai } = await threeBills()
    await processOf(ana.transactionId, bea.transactionId, cai.transactionId)
    await write((ctx) => setTransactionState(ctx, [bea.transactionId], 'markExecuted'))
    await step(2, 'markExecuted')

    expect((await call('paymentProcesses:get', { id: 1 })).actions).toEqual([
      'markExecuted',
      'abort',
      'commit',
    ])
    const partly = await failure(call('paymentProcesses:delete', { id: 1, version: 1 }))
    expect(partly.issues?.[0]?.message).toBe(
      'process 1 cannot take "delete": some of its transactions no longer wait for execution',
    )
    const executed = await failure(call('paymentProcesses:delete', { id: 2, version: 2 }))
    expect(executed.issues?.[0]?.message).toBe('process 2 cannot take "delete": it is EXECUTED')
    expect(await transactionStates(1)).toEqual([
      [ana.transactionId, 'WAITING_EXECUTION', 1],
      [bea.transactionId, 'EXECUTED', 1],
    ])
  })
})

describe('paymentProcesses:list', () => {
  it('pages the processes newest first and filters them by state', async () => {
    const { ana, bea, cai } = await threeBills()
    await processOf(ana.transactionId, cai.transactionId)
    await processOf(bea.transactionId)
    await step(1, 'markExecuted')

    const all = await call('paymentProcesses:list', { pageSize: 2 })
    expect(all.total).toBe(3)
    expect(all.rows.map((row) => [row.id, row.state, row.transactions, row.amount])).toEqual([
      [3, 'CREATED', 1, '14.52'],
      [2, 'CREATED', 1, '12.10'],
    ])
    const executed = await call('paymentProcesses:list', { state: 'EXECUTED' })
    expect(executed.rows.map((row) => [row.id, row.fileName])).toEqual([[1, 'direct-debit-1.xml']])
  })

  it('records each process in the history', async () => {
    const { ana } = await threeBills()
    await processOf(ana.transactionId)
    await step(1, 'commit')

    const page = await call('history:list', { objectType: 'paymentProcess', dir: 'asc' })
    expect(page.rows.map((entry) => [entry.objectRepr, entry.action, entry.message])).toEqual([
      ['Direct debit process 1', 'added', 'direct-debit-1.xml: 1 transactions, 60.50'],
      ['Direct debit process 1', 'changed', '1 transactions SECURED'],
    ])
  })
})
