import { asc, eq } from 'drizzle-orm'
import { AppError } from '../../src-shared/errors'
import type { BillPaymentChoice, PaymentSourceView } from '../../src-shared/schemas/payments'
import { cents, type Money } from '../billing/money'
import type { Language } from '../../src-shared/schemas/accounts'
import { billText } from '../billing/bill-texts'
import type { IsoDate } from '../billing/types'
import { dueWithoutSource, ibanGroups, PAYMENT_METHOD_SPECS } from '../payments/methods'
import { paymentSources, transactions } from '../db/schema'
import type { Tx } from '../db/store'
import { billTotalsOf, getBill, type BillRecord } from './bills'
import {
  getPaymentSource,
  listPaymentSources,
  sourcesForTotal,
  toSourceView,
} from './payment-sources'
import { settingValue } from './settings'
import { sourceProblem } from './transactions'

/**
 * How a bill is paid (spec: billing 7.4 and 8): the source it is closed with, the due date
 * that source's method gives, and the payment text its document prints.
 */

/** The sources a bill may be closed with; its account's first such source is the default. */
async function choicesOf(tx: Tx, bill: BillRecord, total: Money): Promise<PaymentSourceView[]> {
  if (bill.accountId === null) return []
  return sourcesForTotal(await listPaymentSources(tx, bill.accountId), total.isNegative())
}

/**
 * The source a bill is closed with: the one chosen (null: none, paid by hand), or when none
 * was named its account's default. A chosen source must be the account's, active, and able
 * to pay money back when the bill's total is negative.
 */
export async function closingSource(
  tx: Tx,
  bill: BillRecord,
  total: Money,
  sourceId: number | null | undefined,
): Promise<PaymentSourceView | null> {
  if (sourceId === null || bill.type === 'PROFORMA') return null
  if (sourceId === undefined) return (await choicesOf(tx, bill, total))[0] ?? null
  const source = await getPaymentSource(tx, sourceId)
  const problem = sourceProblem(bill, source, total)
  if (problem) {
    const rule = total.isNegative() && !source.refunds ? 'refunds' : 'source'
    throw AppError.validation([
      { field: 'sources', rule, message: `bill ${bill.number} (${cents(total)}): ${problem}` },
    ])
  }
  return source
}

/** Spec 7.4 step 1: the source's method's delay, or a month without a source. */
export function dueOnFor(source: PaymentSourceView | null, today: IsoDate): IsoDate {
  return source ? PAYMENT_METHOD_SPECS[source.method].dueOn(today) : dueWithoutSource(today)
}

/** `paymentSources:forBills`: per bill, the sources offered in the close dialog. */
export async function billPaymentChoices(
  tx: Tx,
  billIds: readonly number[],
): Promise<BillPaymentChoice[]> {
  const choices: BillPaymentChoice[] = []
  for (const id of billIds) {
    const bill = await getBill(tx, id)
    const total = (await billTotalsOf(tx, id)).total
    const sources = bill.type === 'PROFORMA' ? [] : await choicesOf(tx, bill, total)
    choices.push({
      billId: id,
      number: bill.number,
      total: cents(total),
      sources,
      defaultSourceId: sources[0]?.id ?? null,
    })
  }
  return choices
}

/**
 * The source a bill's document speaks of: a closed bill's, the one its first transaction
 * went through; an open bill's, the default it would be closed with.
 */
async function documentSource(tx: Tx, bill: BillRecord, total: Money) {
  if (bill.isOpen) return (await choicesOf(tx, bill, total))[0] ?? null
  const [row] = await tx
    .select({ source: paymentSources })
    .from(transactions)
    .innerJoin(paymentSources, eq(paymentSources.id, transactions.sourceId))
    .where(eq(transactions.billId, bill.id))
    .orderBy(asc(transactions.id))
    .limit(1)
  return row ? toSourceView(row.source) : null
}

/**
 * The document's payment text (spec 8.1 item 8) for a bill charged by direct debit, naming the
 * debtor's IBAN: PAYMENTS_DD_BILL_MESSAGE when the provider wrote one, else the catalogue's
 * text in the bill's language. Empty otherwise, so the document asks for a bank transfer to
 * the seller's account. A pro forma asks for no payment.
 */
export async function paymentMessageOf(
  tx: Tx,
  bill: BillRecord,
  total: Money,
  language: Language,
): Promise<string> {
  if (bill.type === 'PROFORMA' || total.isNegative()) return ''
  const source = await documentSource(tx, bill, total)
  if (source?.method !== 'SEPA_DIRECT_DEBIT') return ''
  const iban = ibanGroups(String(source.data.iban))
  const template = await settingValue(tx, 'PAYMENTS_DD_BILL_MESSAGE')
  if (template === '') return billText(language, 'pdf.directDebit', { iban })
  return template.replaceAll('{iban}', iban)
}
