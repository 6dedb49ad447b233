import { eq } from 'drizzle-orm'
import { AppError } from '../../src-shared/errors'
import type { IsoDate } from '../billing/types'
import { accounts, billContacts, bills } from '../db/schema'
import type { Tx } from '../db/store'
import type { AccountServiceProvider } from './account-services'
import { recordBillHistory } from './bill-history'
import { lockBillNumbering, takeBillNumber } from './bill-numbering'
import { closingSource, dueOnFor } from './bill-payment'
import { billTotalsOf, getBill, getOpenBill, type BillContext, type BillRecord } from './bills'
import { createBillTransaction } from './transactions'
import { diffFields } from './history'

/**
 * Closing a bill (spec: billing 7.4): it takes its final number, in closing order, and the
 * buyer's details are frozen on it; from then on it is read-only (data/bills.ts).
 */

export interface CloseOptions {
  today: IsoDate
  /** Unless the bill has one: none gives today + the source's method's delay (spec 7.4). */
  dueOn?: IsoDate
  /** The payment source (null: none, paid by hand); absent: the account's default source. */
  sourceId?: number | null
  /** The printed bill's data, frozen on the closed bill (the final number is on `bill`). */
  document?: (tx: Tx, bill: BillRecord) => Promise<string>
}

interface Buyer {
  buyerName: string
  buyerVat: string
  buyerAddress: string
  buyerZipcode: string
  buyerCity: string
  buyerCountry: string
}

/** One calendar month on, clamped to the month's end (31 January + 1 month = 28 February). */
export function oneMonthAfter(date: IsoDate): IsoDate {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number]
  const next = month === 12 ? { year: year + 1, month: 1 } : { year, month: month + 1 }
  const lastDay = new Date(Date.UTC(next.year, next.month, 0)).getUTCDate()
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${next.year}-${pad(next.month)}-${pad(Math.min(day, lastDay))}`
}

async function buyerOf(tx: Tx, bill: BillRecord): Promise<Buyer> {
  if (bill.accountId === null) {
    throw AppError.validation([
      { field: 'accountId', rule: 'required', message: `bill ${bill.number} has no account` },
    ])
  }
  const [row] = await tx
    .select({ account: accounts, contact: billContacts })
    .from(accounts)
    .leftJoin(billContacts, eq(billContacts.accountId, accounts.id))
    .where(eq(accounts.id, bill.accountId))
  const contact = row?.contact
  // A pro forma is a quote: it may go out before the customer gave fiscal details.
  if (!contact && bill.type !== 'PROFORMA') {
    throw new AppError({
      code: 'VALIDATION',
      field: 'billContact',
      message: `Account ${row?.account.username ?? bill.accountId} has no bill contact`,
      details: { accountId: bill.accountId },
    })
  }
  return {
    buyerName: contact?.name || row!.account.fullName,
    buyerVat: contact?.vat ?? '',
    buyerAddress: contact?.address ?? '',
    buyerZipcode: contact?.zipcode ?? '',
    buyerCity: contact?.city ?? '',
    buyerCountry: contact?.country ?? '',
  }
}

/**
 * Closes an open bill in the caller's unit of work, which this must START: it first locks the
 * numbering (see lockBillNumbering), so two workstations closing at once get consecutive
 * numbers in the order their closings commit, with no gap and no clash.
 */
export async function closeBill(
  ctx: BillContext,
  id: number,
  options: CloseOptions,
): Promise<BillRecord> {
  await lockBillNumbering(ctx.tx)
  const bill = await getOpenBill(ctx.tx, id)
  const buyer = await buyerOf(ctx.tx, bill)
  const year = Number(options.today.slice(0, 4))
  const number = await takeBillNumber(ctx.tx, { type: bill.type, year, provisional: false })

  const total = (await billTotalsOf(ctx.tx, id)).total
  const source = await closingSource(ctx.tx, bill, total, options.sourceId)
  const dueOn = bill.dueOn ?? options.dueOn ?? dueOnFor(source, options.today)
  const [closed] = await ctx.tx
    .update(bills)
    .set({
      ...buyer,
      number,
      dueOn,
      isOpen: false,
      isSent: false,
      closedOn: options.today,
      version: bill.version + 1,
      updatedAt: ctx.now,
    })
    .where(eq(bills.id, id))
    .returning()
  await recordBillHistory(ctx, closed!, {
    action: 'changed',
    message: `Closed on ${options.today}, due on ${dueOn}`,
    changes: diffFields(bill, closed!, ['number', 'closedOn', 'dueOn']),
  })
  // Before the document: a direct debit's bill prints the account it is charged to.
  if (bill.type !== 'PROFORMA') await createBillTransaction(ctx, closed!, source, total)
  if (!options.document) return closed!
  const document = await options.document(ctx.tx, closed!)
  await ctx.tx.update(bills).set({ document }).where(eq(bills.id, id))
  return { ...closed!, document }
}

/**
 * Records that a closed bill was e-mailed, and to whom. The one change a closed bill takes:
 * it says what happened to the document, not what it bills.
 */
export async function markBillSent(
  ctx: BillContext,
  id: number,
  recipients: readonly string[],
): Promise<BillRecord> {
  const bill = await getBill(ctx.tx, id)
  if (bill.isOpen) {
    throw AppError.validation([
      { field: 'isOpen', rule: 'closed', message: `bill ${bill.number} must be closed to be sent` },
    ])
  }
  const [sent] = await ctx.tx
    .update(bills)
    .set({ isSent: true, version: bill.version + 1, updatedAt: ctx.now })
    .where(eq(bills.id, id))
    .returning()
  const message = `${bill.isSent ? 'Sent again' : 'Sent'} to ${recipients.join(', ')}`
  await recordBillHistory(ctx, sent!, { action: 'changed', message })
  return sent!
}

export const deletedAccountName = (accountId: number) => `Deleted account #${accountId}`

/**
 * Before an account goes, its bills lose the buyer's name and address, on the bill and in the
 * frozen document. They keep the tax id and country: the bill stays a record the tax office
 * can match, which it could not be without them.
 */
export async function anonymiseAccountBills(ctx: BillContext, accountId: number) {
  const anonymous = {
    buyerName: deletedAccountName(accountId),
    buyerAddress: '',
    buyerZipcode: '',
    buyerCity: '',
  }
  const rows = await ctx.tx.select().from(bills).where(eq(bills.accountId, accountId))
  for (const bill of rows) {
    await ctx.tx
      .update(bills)
      .set({ ...anonymous, document: anonymisedDocument(bill.document, anonymous.buyerName) })
      .where(eq(bills.id, bill.id))
    // What the buyer's details were stays out of the entry: they are what goes.
    const message = "Buyer's name and address removed with the account's deletion"
    await recordBillHistory(ctx, bill, { action: 'changed', message })
  }
}

function anonymisedDocument(document: string | null, name: string): string | null {
  if (document === null) return null
  const data = JSON.parse(document) as { buyer?: Record<string, unknown> }
  if (data.buyer) data.buyer = { ...data.buyer, name, address: '', zipcode: '', city: '' }
  return JSON.stringify(data)
}

/** Bills are no service of the account; it only anonymises them when the account is deleted. */
export const billAccountHooks: AccountServiceProvider = {
  kind: 'bill',
  listForAccount: () => Promise.resolve([]),
  onAccountDeleting: (ctx, account) => anonymiseAccountBills(ctx, account.id),
}
