import { eq } from 'drizzle-orm'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { osKeychain } from '../../../src-main/core/keychain'
import { createAmendment } from '../../../src-main/data/bill-amendments'
import { closeBill } from '../../../src-main/data/bill-closing'
import { updateBillLine } from '../../../src-main/data/bill-line-edits'
import { copyBillLines, moveBillLines, undoBillLines } from '../../../src-main/data/bill-line-moves'
import { mailBill } from '../../../src-main/data/bill-recipients'
import { commitBillingRun } from '../../../src-main/data/billing-run'
import {
  addBillLines,
  createBill,
  listBillLines,
  removeBill,
  removeBillLines,
  updateBill,
  type BillRecord,
} from '../../../src-main/data/bills'
import { contacts, orders, services } from '../../../src-main/db/schema'
import type { Tx } from '../../../src-main/db/store'
import type { HistoryEntry, HistoryListQuery } from '../../../src-shared/schemas/history'
import { makeCore, type TestCore } from '../../support/core'
import { startSmtpServer, type TestSmtpServer } from '../../support/smtp-server'
import { addAccount, addOrder, addService, billLine, ctxOf } from './bill-fixtures'

// Panel spec 6.1 for bills: every bill write leaves one entry per bill it touches, filed under
// the bill's account, and the entries outlive the account.

const RUN_JAN_5 = 'Billing run of 2026-01-05 up to 2026-01-05: '
const NOW = '2026-03-02T09:00:00.000Z'

let core: TestCore
let ana: number

beforeEach(async () => {
  core = await makeCore()
  ana = await addAccount(core, 'ana')
})
afterEach(() => core.dispose())

const write = <T>(work: (ctx: ReturnType<typeof ctxOf>) => Promise<T>) =>
  core.store.write((tx) => work(ctxOf(tx)))

async function history(query: HistoryListQuery): Promise<HistoryEntry[]> {
  const page = await core.dispatcher.dispatch('history:list', { pageSize: 100, ...query })
  return page.rows
}

const billHistory = (bill: Pick<BillRecord, 'id'>) =>
  history({ objectType: 'bill', objectId: bill.id, dir: 'asc' })

async function openBill(account = ana, lines = 2) {
  return write(async (ctx) => {
    const bill = await createBill(ctx, {
      type: 'INVOICE',
      accountId: account,
      createdOn: '2026-02-10',
    })
    const made = Array.from({ length: lines }, (_, i) => billLine({ description: `Mailbox ${i}` }))
    await addBillLines(ctx, bill.id, made)
    return bill
  })
}

const close = (bill: BillRecord) => write((ctx) => closeBill(ctx, bill.id, { today: '2026-03-01' }))

describe('bill history of a billing run', () => {
  async function addMailboxOrders(tx: Tx, plan: [account: number, count: number][]) {
    const [service] = await tx
      .insert(services)
      .values({
        description: 'Mailbox',
        contentType: 'mailbox',
        nominalPrice: '12.00',
        tax: '21',
        billingPeriod: 'ANUAL',
        billingPoint: 'ON_FIXED_DATE',
        ignorePeriod: '',
      })
      .returning()
    for (const [accountId, count] of plan) {
      for (let i = 0; i < count; i++) {
        await tx.insert(orders).values({
          accountId,
          serviceId: service!.id,
          contentType: 'mailbox',
          objectId: accountId * 10 + i,
          registeredOn: '2026-01-01',
          description: `Mailbox ${i}`,
        })
      }
    }
  }

  const run = (billingPoint: string) =>
    write((ctx) => commitBillingRun(ctx, { billingPoint, today: billingPoint, newOpen: false }))

  it('writes one entry per bill, not per line, with its lines and total', async () => {
    const bea = await addAccount(core, 'bea')
    await core.store.write((tx) =>
      addMailboxOrders(tx, [
        [ana, 2],
        [bea, 1],
      ]),
    )

    const { written } = await run('2026-01-05')

    const entries = await history({ objectType: 'bill', dir: 'asc' })
    expect(entries).toHaveLength(2)
    expect(entries.map((e) => [e.objectId, e.objectRepr, e.action, e.message])).toEqual([
      [written!.bills[0]!.id, 'OI20260001', 'added', RUN_JAN_5 + '2 lines, total 29.04'],
      [written!.bills[1]!.id, 'OI20260002', 'added', RUN_JAN_5 + '1 line, total 14.52'],
    ])
    expect(entries[0]).toMatchObject({ actor: 'tester', at: '2026-03-01T10:00:00.000Z' })
  })

  it('says "changed" for an open bill a later run appends to', async () => {
    const bill = await openBill(ana, 1)
    await core.store.write((tx) => addMailboxOrders(tx, [[ana, 1]]))

    await run('2026-01-05')

    const entries = await billHistory(bill)
    expect(entries.map((e) => [e.action, e.message])).toEqual([
      ['changed', RUN_JAN_5 + '1 line, total 14.52'],
    ])
  })
})

describe('bill history of edits and closing', () => {
  it('records the comment and due date changes, and nothing for an unchanged save', async () => {
    const bill = await openBill()
    await write((ctx) => updateBill(ctx, { id: bill.id, version: 1, comments: 'Thanks' }))
    await write((ctx) => updateBill(ctx, { id: bill.id, version: 2, comments: 'Thanks' }))
    await write((ctx) => updateBill(ctx, { id: bill.id, version: 3, dueOn: '2026-04-30' }))

    const entries = await billHistory(bill)
    expect(entries.map((e) => e.changes)).toEqual([
      [{ field: 'comments', from: '', to: 'Thanks' }],
      [{ field: 'dueOn', from: null, to: '2026-04-30' }],
    ])
  })

  it('records the close: the number from provisional to final, closed on, due on', async () => {
    const bill = await close(await openBill())

    const [entry] = await billHistory(bill)
    expect(entry).toMatchObject({
      objectRepr: 'I20260001',
      action: 'changed',
      message: 'Closed on 2026-03-01, due on 2026-04-01',
      changes: [
        { field: 'number', from: 'OI20260001', to: 'I20260001' },
        { field: 'closedOn', from: null, to: '2026-03-01' },
        { field: 'dueOn', from: null, to: '2026-04-01' },
      ],
    })
  })

  it('records an edited line with what changed, and removed lines once per bill', async () => {
    const bill = await openBill(ana, 3)
    const [first, second, third] = await core.store.read((tx) => listBillLines(tx, bill.id))
    await write((ctx) => updateBillLine(ctx, first!.id, { subtotal: '10.5' }))
    await write((ctx) => removeBillLines(ctx, [second!.id, third!.id]))

    const entries = await billHistory(bill)
    expect(entries.map((e) => [e.message, e.changes])).toEqual([
      ['Line "Mailbox 0" edited', [{ field: 'subtotal', from: '12.00', to: '10.50' }]],
      ['Removed 2 lines: "Mailbox 1", "Mailbox 2"', []],
    ])
  })

  it('records a move on both bills and a copy on the bill that takes it', async () => {
    const from = await openBill(ana, 2)
    const to = await openBill(ana, 0)
    const [first, second] = await core.store.read((tx) => listBillLines(tx, from.id))
    await write((ctx) => moveBillLines(ctx, [first!.id], to.id))
    await write((ctx) => copyBillLines(ctx, [second!.id], to.id))

    expect((await billHistory(from)).map((e) => e.message)).toEqual([
      'Moved 1 line to OI20260002: "Mailbox 0"',
    ])
    expect((await billHistory(to)).map((e) => e.message)).toEqual([
      '1 line moved here from OI20260001: "Mailbox 0"',
      '1 line copied here from OI20260001: "Mailbox 1"',
    ])
  })

  it('records an undone billing on its bill and a deleted open bill', async () => {
    const bill = await write(async (ctx) => {
      const order = await addOrder(ctx.tx, ana, await addService(ctx.tx))
      const billed = { billedOn: '2026-02-10', billedUntil: '2027-01-01' }
      await ctx.tx.update(orders).set(billed).where(eq(orders.id, order))
      const made = await createBill(ctx, {
        type: 'INVOICE',
        accountId: ana,
        createdOn: '2026-02-10',
      })
      const lines = [billLine({ description: 'Mailbox 0', orderId: order }), billLine()]
      await addBillLines(ctx, made.id, lines)
      return made
    })
    const [first] = await core.store.read((tx) => listBillLines(tx, bill.id))
    await write((ctx) => undoBillLines(ctx, [first!.id]))
    await write((ctx) => removeBill(ctx, bill.id))

    const entries = await billHistory(bill)
    expect(entries.map((e) => [e.action, e.message])).toEqual([
      ['changed', 'Billing undone for 1 line, their orders set back: "Mailbox 0"'],
      ['deleted', 'Deleted while open, with 1 line'],
    ])
  })

  it('records an amendment on itself and on the bill it amends', async () => {
    const bill = await close(await openBill())
    const amendment = await write((ctx) => createAmendment(ctx, bill.id, { today: '2026-03-02' }))

    expect((await billHistory(amendment)).map((e) => [e.action, e.message])).toEqual([
      ['added', 'Amendment of I20260001 with 1 line'],
    ])
    expect((await billHistory(bill)).at(-1)!.message).toBe('Amended by OA20260001')
  })

  it('leaves no entry when a closed bill refuses the edit', async () => {
    const bill = await close(await openBill())
    await write((ctx) => updateBill(ctx, { id: bill.id, version: 2, comments: 'x' })).catch(
      () => undefined,
    )
    expect(await billHistory(bill)).toHaveLength(1)
  })
})

describe('bill history of sending', () => {
  let server: TestSmtpServer | undefined
  afterEach(async () => {
    await server?.close()
    server = undefined
  })

  it('records the recipients the mail server took', async () => {
    server = await startSmtpServer()
    await core.dispatcher.dispatch('settings:update', {
      name: 'BILLS_SMTP_HOST',
      value: server.host,
    })
    await core.dispatcher.dispatch('settings:update', {
      name: 'BILLS_SMTP_PORT',
      value: String(server.port),
    })
    await core.store.write((tx) =>
      tx.insert(contacts).values({
        accountId: ana,
        shortName: 'Books',
        email: 'books@example.net',
        emailUsage: 'BILLING',
      }),
    )
    const bill = await close(await openBill())
    const deps = { store: core.store, keychain: osKeychain, now: () => NOW, actor: 'clerk' }
    const pdf = new TextEncoder().encode('%PDF-1.7\n')

    expect((await mailBill(deps, bill.id, pdf)).ok).toBe(true)
    expect((await mailBill(deps, bill.id, pdf)).ok).toBe(true)

    const sent = (await billHistory(bill)).slice(1)
    expect(sent.map((e) => [e.actor, e.message])).toEqual([
      ['clerk', 'Sent to ana@example.net, books@example.net'],
      ['clerk', 'Sent again to ana@example.net, books@example.net'],
    ])
  })
})

describe('bill history under the account', () => {
  it("lists the bills' entries in the account's history", async () => {
    const bea = await addAccount(core, 'bea')
    const own = await close(await openBill(ana))
    await close(await openBill(bea))

    const entries = await history({ accountId: ana, objectType: 'bill' })
    expect(entries.map((e) => [e.objectId, e.objectRepr])).toEqual([[own.id, 'I20260001']])
  })

  it("keeps the entries when the account goes, without the buyer's name or address", async () => {
    const bill = await close(await openBill())

    await core.dispatcher.dispatch('accounts:delete', { id: ana })

    const entries = await billHistory(bill)
    expect(entries.map((e) => e.message)).toEqual([
      'Closed on 2026-03-01, due on 2026-04-01',
      "Buyer's name and address removed with the account's deletion",
    ])
    const stored = JSON.stringify(await history({ accountId: ana, objectType: 'bill' }))
    expect(stored).toContain('I20260001')
    expect(stored).not.toContain('Serveis SL')
    expect(stored).not.toContain('Carrer Major')
  })
})
