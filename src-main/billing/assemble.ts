import { LANGUAGES, type Language } from '../../src-shared/schemas/accounts'
import type { BillType } from './bill-document'
import { verboseQuantity } from './bill-text'
import { billText } from './bill-texts'
import type { SublineType } from '../db/schema/bills'
import { Money } from './money'
import type { CompensationGiver, DiscountType, IsoDate, PendingLine } from './types'

/**
 * From pending lines to bills (spec: billing 7.2), as a pure function: it says which bills
 * get which lines, and data/bill-runs.ts writes that in one transaction.
 */

export interface AssembledSubline {
  type: SublineType
  description: string
  total: Money
  /** On a compensation: the cancelled order whose time it is, to give it back on undo. */
  giver?: CompensationGiver
}

/** A bill line as it will be stored. */
export interface AssembledLine {
  description: string
  /** The nominal unit price. */
  rate: Money | null
  size: Money
  metric: Money
  /** metric × size, exact. */
  quantity: Money
  verboseQuantity: string
  subtotal: Money
  tax: Money
  startOn: IsoDate
  endOn: IsoDate | null
  orderId: number | null
  serviceId: number | null
  orderBilledOn: IsoDate | null
  orderBilledUntil: IsoDate | null
  amendedLineId: number | null
  sublines: AssembledSubline[]
}

export interface AssembledBill {
  accountId: number
  type: BillType
  /** An open bill the lines are appended to; null opens a new one. */
  existingBillId: number | null
  lines: AssembledLine[]
}

export interface AssembledRun {
  bills: AssembledBill[]
  /** Orders that got at least one line: only these take the run's order updates. */
  billedOrderIds: number[]
  /** Orders whose every line had zero quantity: they stay as they were, to be billed later. */
  skippedOrderIds: number[]
}

export interface AssembleOptions {
  /** Everything goes to one pro forma per account, and no order counts as billed. */
  proforma: boolean
  /** Always open new bills rather than append to the account's last open one. */
  newOpen: boolean
  /** Each account's language, for the sublines' texts; English for an account not in it. */
  languages?: ReadonlyMap<number, Language>
}

/** The account's most recent open bills of each kind a run may append to. */
export interface OpenBills {
  invoiceId: number | null
  proformaId: number | null
}

const NO_OPEN_BILLS: OpenBills = { invoiceId: null, proformaId: null }

const DISCOUNT_TYPES: readonly DiscountType[] = ['PLAN', 'COMPENSATION', 'PREPAY']

/**
 * "Discount per <type>" in each language, looked up once: a run writes a subline for most of
 * its lines. Stored on the subline as text, so a bill keeps the language it was billed in.
 */
const DISCOUNT_TEXTS = Object.fromEntries(
  LANGUAGES.map((language) => [
    language,
    Object.fromEntries(
      DISCOUNT_TYPES.map((type) => [type, billText(language, `discount.${type}`)]),
    ) as Record<DiscountType, string>,
  ]),
) as Record<Language, Record<DiscountType, string>>

/**
 * The quantity texts of counted lines (metric 1) by their size. Sizes are shared values (see
 * periods.ts `size`), so thousands of lines of a run print a few hundred distinct quantities.
 */
const countedQuantityTexts = new WeakMap<Money, string>()

function quantityOf(line: PendingLine): { quantity: Money; verboseQuantity: string } {
  // 1 × size is the size itself when it has no more digits than the precision keeps.
  if (!line.metric.equals(1) || line.size.precision() > Money.precision) {
    const quantity = line.metric.times(line.size)
    return { quantity, verboseQuantity: verboseQuantity(line.metric, line.size) }
  }
  let text = countedQuantityTexts.get(line.size)
  if (text === undefined) {
    text = verboseQuantity(line.metric, line.size)
    countedQuantityTexts.set(line.size, text)
  }
  return { quantity: line.size, verboseQuantity: text }
}

export function assembledLine(
  line: PendingLine,
  tax: Money,
  language: Language = 'EN',
): AssembledLine {
  const discountTexts = DISCOUNT_TEXTS[language] ?? DISCOUNT_TEXTS.EN
  return {
    description: line.description,
    rate: line.nominalPrice,
    size: line.size,
    metric: line.metric,
    ...quantityOf(line),
    subtotal: line.subtotal,
    tax,
    startOn: line.ini,
    endOn: line.end,
    orderId: line.orderId,
    serviceId: line.serviceId,
    orderBilledOn: line.orderBilledOn,
    orderBilledUntil: line.orderBilledUntil,
    amendedLineId: null,
    sublines: line.discounts.map((discount) => ({
      type: discount.type,
      description: discountTexts[discount.type],
      total: discount.amount,
      ...(discount.giver && { giver: discount.giver }),
    })),
  }
}

/**
 * Places the lines of a run. A zero quantity (metric × size = 0) is dropped, and its order is
 * not counted as billed for it: the original marked such orders billed and so never billed,
 * for instance, a last day whose size had been rounded to zero. (A zero PRICE is kept: a line
 * whose plan makes it free documents the allowance.)
 *
 * Per account: a pro forma run puts every line on one pro forma; otherwise the run's invoice
 * lines go to one invoice (the last open one, unless `newOpen`), and its fee lines to ONE new
 * fee bill. Fee bills are never appended to, so a fee is charged by a document of its own run;
 * but one per run rather than the original's one per line, which gave a customer as many
 * bills (and direct debits) as fee lines in a single run.
 */
export function assembleRun(
  lines: readonly PendingLine[],
  taxes: ReadonlyMap<number, Money>,
  openBills: ReadonlyMap<number, OpenBills>,
  options: AssembleOptions,
): AssembledRun {
  const bills = new Map<string, AssembledBill>()
  const seen = new Set<number>()
  const withLines = new Set<number>()

  for (const line of lines) {
    seen.add(line.orderId)
    if (line.metric.isZero() || line.size.isZero()) continue
    withLines.add(line.orderId)
    const tax = taxes.get(line.serviceId)
    if (tax === undefined) throw new Error(`No tax rate given for service ${line.serviceId}`)

    const type: BillType = options.proforma ? 'PROFORMA' : line.isFee ? 'FEE' : 'INVOICE'
    const key = `${line.accountId}:${type}`
    let bill = bills.get(key)
    if (!bill) {
      const open = openBills.get(line.accountId) ?? NO_OPEN_BILLS
      const reusable =
        type === 'PROFORMA' ? open.proformaId : type === 'INVOICE' ? open.invoiceId : null
      bill = {
        accountId: line.accountId,
        type,
        existingBillId: options.newOpen ? null : reusable,
        lines: [],
      }
      bills.set(key, bill)
    }
    bill.lines.push(assembledLine(line, tax, options.languages?.get(line.accountId)))
  }

  return {
    bills: [...bills.values()],
    // A pro forma bills nothing: the orders stay as they were (spec 6.1).
    billedOrderIds: options.proforma ? [] : [...withLines],
    skippedOrderIds: [...seen].filter((id) => !withLines.has(id)),
  }
}
