import { and, inArray, isNotNull, ne } from 'drizzle-orm'
import { AppError } from '../../src-shared/errors'
import { SEPA_CREDITOR_SETTINGS } from '../../src-shared/schemas/payment-settings'
import type { ProcessKind, SepaSequence } from '../../src-shared/schemas/payments'
import { cents, money, ZERO } from '../billing/money'
import { addDays } from '../billing/periods'
import type { IsoDate } from '../billing/types'
import type { SepaCreditor } from '../payments/sepa/common'
import { pain001, type CreditTransfer } from '../payments/sepa/pain001'
import { pain008, type DirectDebit } from '../payments/sepa/pain008'
import { assertSepaValid } from '../payments/sepa/validate'
import { transactions } from '../db/schema'
import type { Tx } from '../db/store'
import type { ProcessTransaction } from './process-transactions'
import { settingValue } from './settings'

/**
 * The bank file of a payment process (spec: billing 9.4 and 9.5), made from its transactions,
 * their bills and sources, and the provider's creditor settings; checked against the ISO
 * schema before the caller stores it.
 *
 * Every customer party is named by the holder of the debited or credited account, as the
 * source records them: the bank checks the payee's name against the account (verification of
 * payee), and the mandate was signed by the holder, who need not be the bill's buyer.
 */

export const FILE_NAMES: Record<ProcessKind, (id: number) => string> = {
  DIRECT_DEBIT: (id) => `direct-debit-${id}.xml`,
  CREDIT_TRANSFER: (id) => `credit-transfer-${id}.xml`,
}

/** The days a credit transfer's bank is given to pay the refunds (spec 9.5). */
const TRANSFER_DAYS = 10

/** The provider's party; a credit transfer needs no creditor identifier. */
async function sepaCreditor(tx: Tx, kind: ProcessKind): Promise<SepaCreditor> {
  const values: string[] = []
  for (const name of SEPA_CREDITOR_SETTINGS) values.push(await settingValue(tx, name))
  const needed =
    kind === 'DIRECT_DEBIT' ? SEPA_CREDITOR_SETTINGS : SEPA_CREDITOR_SETTINGS.slice(0, 3)
  const missing = needed.filter((_, i) => values[i]!.trim() === '')
  if (missing.length) {
    throw AppError.validation(
      missing.map((name) => ({
        field: name,
        rule: 'required',
        message: `setting ${name} is empty: fill it in before making SEPA files`,
      })),
    )
  }
  const [name, iban, bic, creditorId] = values as [string, string, string, string]
  return { name, iban, bic, creditorId }
}

const dataText = (item: ProcessTransaction, key: string): string => {
  const value = item.source?.data[key]
  return typeof value === 'string' ? value : ''
}

const holderName = (item: ProcessTransaction) => dataText(item, 'name') || item.bill.buyerName

/**
 * Sources with a debit already in a bank file that was not aborted: their mandates have had
 * a first collection, so a new debit under them is recurrent.
 */
async function sourcesCollected(tx: Tx, sourceIds: readonly number[]): Promise<Set<number>> {
  if (!sourceIds.length) return new Set()
  const rows = await tx
    .select({ sourceId: transactions.sourceId, amount: transactions.amount })
    .from(transactions)
    .where(
      and(
        inArray(transactions.sourceId, [...sourceIds]),
        isNotNull(transactions.processId),
        ne(transactions.state, 'REJECTED'),
      ),
    )
  return new Set(rows.filter((row) => money(row.amount).gt(ZERO)).map((row) => row.sourceId!))
}

/**
 * The debits of a direct debit file. A mandate's first collection is FRST and every later one
 * RCUR, also within one file; an aborted file's debits never reached the bank, so they count
 * for nothing.
 */
async function directDebits(
  tx: Tx,
  items: readonly ProcessTransaction[],
  collectionOn: IsoDate,
): Promise<DirectDebit[]> {
  const collected = await sourcesCollected(
    tx,
    items.map((item) => item.source!.id),
  )
  return items.map((item) => {
    const { transaction, bill, source } = item
    const sequence: SepaSequence = collected.has(source!.id) ? 'RCUR' : 'FRST'
    collected.add(source!.id)
    return {
      transactionId: transaction.id,
      billNumber: bill.number,
      amount: transaction.amount,
      currency: transaction.currency,
      debtorName: holderName(item),
      debtorIban: dataText(item, 'iban'),
      mandateId: dataText(item, 'mandateId'),
      mandateSignedOn: dataText(item, 'signedOn'),
      sequence,
      collectionOn,
    }
  })
}

function creditTransfers(items: readonly ProcessTransaction[]): CreditTransfer[] {
  return items.map((item) => ({
    transactionId: item.transaction.id,
    billNumber: item.bill.number,
    amount: cents(money(item.transaction.amount).abs()),
    currency: item.transaction.currency,
    creditorName: holderName(item),
    creditorIban: dataText(item, 'iban'),
  }))
}

export interface FileDates {
  /** The clerk's calendar day. */
  today: IsoDate
  /** The day the bank collects the debits. */
  collectionOn: IsoDate
  /** The unit of work's ISO time, the file's creation time. */
  now: string
}

/**
 * The file's MsgId: the process id and the creation time to the second (UTC), e.g.
 * "12-261204174501". Banks refuse a MsgId a creditor has sent before, and a process id alone
 * starts again at 1 in a new database or a copy restored from backup.
 */
export function messageIdOf(processId: number, now: string): string {
  const stamp = now.replace(/\D/g, '').slice(2, 14)
  return `${processId}-${stamp}`
}

/** The XML of process `id`, valid per its ISO schema; its transactions come in id order. */
export async function processFileText(
  tx: Tx,
  process: { id: number; kind: ProcessKind },
  items: readonly ProcessTransaction[],
  dates: FileDates,
): Promise<string> {
  const creditor = await sepaCreditor(tx, process.kind)
  const messageId = messageIdOf(process.id, dates.now)
  if (process.kind === 'DIRECT_DEBIT') {
    const debits = await directDebits(tx, items, dates.collectionOn)
    const xml = pain008({ messageId, createdAt: dates.now, creditor, debits })
    await assertSepaValid('pain008', xml)
    return xml
  }
  const executionOn = addDays(dates.today, TRANSFER_DAYS)
  const xml = pain001({
    messageId,
    createdAt: dates.now,
    debtor: creditor,
    executionOn,
    transfers: creditTransfers(items),
  })
  await assertSepaValid('pain001', xml)
  return xml
}
