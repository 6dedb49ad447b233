import { eq } from 'drizzle-orm'
import { AppError } from '../../src-shared/errors'
import type { CountryCode } from '../../src-shared/countries'
import type { Language } from '../../src-shared/schemas/accounts'
import type { BillDocument, BillDocumentLine, BillParty } from '../billing/bill-document'
import { linePeriodText, quantityText } from '../billing/bill-text'
import { cents, money } from '../billing/money'
import { taxBuyerOf, type TaxBuyer } from '../billing/tax-rules'
import { totalsOfLines } from '../billing/totals'
import { accounts, billContacts, bills } from '../db/schema'
import type { Tx } from '../db/store'
import { oneMonthAfter } from './bill-closing'
import { paymentMessageOf } from './bill-payment'
import { sellerDetails } from './bill-recipients'
import { taxNoteFor } from './billing-run-taxes'
import { getBill, listBillLines, type BillLineWithSublines, type BillRecord } from './bills'
import { settingValue } from './settings'

/**
 * A stored bill as its printed document (spec: billing 8): every amount and text computed
 * here, so the PDF renderer only lays them out; the seller is the provider's settings. A
 * closed bill prints the document frozen at its close; an open one is built from its lines
 * now, with a draft watermark.
 */

function countryName(code: string, language: string): string {
  if (!code) return ''
  try {
    return new Intl.DisplayNames([language], { type: 'region' }).of(code) ?? code
  } catch {
    // A code Intl does not know (a stored value from an older list) prints as it is.
    return code
  }
}

type PartyRow = {
  account: typeof accounts.$inferSelect
  contact: typeof billContacts.$inferSelect | null
}

async function partyRowOf(tx: Tx, accountId: number | null): Promise<PartyRow | undefined> {
  if (accountId === null) return undefined
  const [row] = await tx
    .select({ account: accounts, contact: billContacts })
    .from(accounts)
    .leftJoin(billContacts, eq(billContacts.accountId, accounts.id))
    .where(eq(accounts.id, accountId))
  return row
}

const NO_PARTY: BillParty = { name: '', vat: '', address: '', zipcode: '', city: '', country: '' }

/** An account's bill contact, or its full name alone when it has none (a pro forma's quote). */
function partyOf(row: PartyRow | undefined, language: string): BillParty {
  if (!row) return NO_PARTY
  const contact = row.contact
  return {
    name: contact?.name || row.account.fullName,
    vat: contact?.vat ?? '',
    address: contact?.address ?? '',
    zipcode: contact?.zipcode ?? '',
    city: contact?.city ?? '',
    country: countryName(contact?.country ?? '', language),
  }
}

/** The buyer as frozen at close; an open bill shows the account's contact as it is now. */
function frozenBuyer(bill: BillRecord, language: string): BillParty | undefined {
  if (bill.isOpen || bill.buyerName === null) return undefined
  return {
    name: bill.buyerName,
    vat: bill.buyerVat ?? '',
    address: bill.buyerAddress ?? '',
    zipcode: bill.buyerZipcode ?? '',
    city: bill.buyerCity ?? '',
    country: countryName(bill.buyerCountry ?? '', language),
  }
}

/** Who buys, for the tax mention: the buyer frozen at close, else the contact as it is now. */
function taxBuyerFor(bill: BillRecord, row: PartyRow | undefined): Promise<TaxBuyer> {
  const frozen = !bill.isOpen && bill.buyerName !== null
  const contact = frozen
    ? { country: (bill.buyerCountry ?? '') as CountryCode | '', vat: bill.buyerVat ?? '' }
    : { country: row?.contact?.country ?? ('' as const), vat: row?.contact?.vat ?? '' }
  return taxBuyerOf(contact, row?.account.type ?? 'INDIVIDUAL')
}

function documentLine(line: BillLineWithSublines, language: Language): BillDocumentLine {
  const rate = line.rate === null || money(line.rate).isZero() ? '' : cents(line.rate)
  return {
    id: line.orderId === null ? `L${line.id}` : String(line.orderId),
    description: line.description,
    period: linePeriodText(line.startOn, line.endOn, language),
    quantity: line.verboseQuantity || quantityText(line.quantity),
    rate,
    subtotal: cents(line.subtotal),
    sublines: line.sublines.map((subline) => ({
      description: subline.description,
      total: cents(subline.total),
    })),
  }
}

/** The document of a bill as it stands now (a closed bill's frozen one is `billDocument`). */
export async function buildBillDocument(tx: Tx, bill: BillRecord): Promise<BillDocument> {
  const buyer = await partyRowOf(tx, bill.accountId)
  const language: Language = buyer?.account.language ?? 'EN'
  const tag = language.toLowerCase()
  const lines = await listBillLines(tx, bill.id)
  const totals = totalsOfLines(lines)
  // The bill's own dates, never the clock: the same bill always gives the same bytes.
  const billDate = bill.closedOn ?? bill.createdOn

  return {
    type: bill.type,
    number: bill.number,
    draft: bill.isOpen || bill.type === 'PROFORMA',
    language: tag,
    dueOn: bill.dueOn ?? oneMonthAfter(billDate),
    billDate,
    seller: await sellerDetails(tx, language),
    buyer: frozenBuyer(bill, tag) ?? partyOf(buyer, tag),
    lines: lines.map((line) => documentLine(line, language)),
    taxes: totals.taxes.map((entry) => ({
      rate: entry.rate.toString(),
      base: cents(entry.base),
      tax: cents(entry.tax),
    })),
    total: cents(totals.total),
    currency: await settingValue(tx, 'BILLS_CURRENCY'),
    comments: bill.comments,
    paymentMessage: await paymentMessageOf(tx, bill, totals.total, language),
    taxNote: lines.length ? await taxNoteFor(tx, await taxBuyerFor(bill, buyer)) : '',
    createdAt: new Date(`${billDate}T00:00:00Z`),
  }
}

/**
 * The frozen form stored on a closed bill (closeBill's `document`): JSON, with the logo's
 * bytes as base64 and the date as ISO text.
 */
export async function freezeBillDocument(tx: Tx, bill: BillRecord): Promise<string> {
  const document = await buildBillDocument(tx, bill)
  const { logo, ...seller } = document.seller
  return JSON.stringify({
    ...document,
    seller: { ...seller, ...(logo && { logo: Buffer.from(logo).toString('base64') }) },
  })
}

interface FrozenDocument extends Omit<BillDocument, 'createdAt' | 'seller'> {
  createdAt: string
  seller: Omit<BillDocument['seller'], 'logo'> & { logo?: string }
}

function thawed(document: string): BillDocument {
  const data = JSON.parse(document) as FrozenDocument
  const { logo, ...seller } = data.seller
  return {
    ...data,
    seller: { ...seller, ...(logo && { logo: new Uint8Array(Buffer.from(logo, 'base64')) }) },
    createdAt: new Date(data.createdAt),
  }
}

/** The document a bill prints: the frozen one of a closed bill, else built now. */
export async function billDocument(tx: Tx, billId: number): Promise<BillDocument> {
  const bill = await getBill(tx, billId)
  if (!bill.isOpen && bill.document !== null) return thawed(bill.document)
  return buildBillDocument(tx, bill)
}

/** The bill of a printed number, provisional or final. */
export async function getBillByNumber(tx: Tx, number: string): Promise<BillRecord> {
  const [row] = await tx.select().from(bills).where(eq(bills.number, number))
  if (!row) throw AppError.notFound('Bill', number)
  return row
}
