import { AppError } from '../../src-shared/errors'
import type { AssembledLine } from './assemble'
import type { Language } from '../../src-shared/schemas/accounts'
import type { BillType } from './bill-document'
import { longDateText } from './bill-text'
import { billText } from './bill-texts'
import { money, ONE, sum, ZERO, type Money, type MoneyLike } from './money'
import { billTotals, lineTotalOf } from './totals'
import type { IsoDate } from './types'

/**
 * Amendments: credit notes for a closed invoice or fee (spec: billing 7.7), in series of their
 * own (A and B). Their lines are NEGATED, so closing an amendment cancels what it corrects; the
 * original copied the amounts with their sign and could not correct part of a bill. A whole
 * bill is corrected by one line per tax rate; a part, by one line per corrected line, each
 * for all that line still holds or for a smaller amount.
 */

export const AMENDMENT_TYPE = {
  INVOICE: 'AMENDMENTINVOICE',
  FEE: 'AMENDMENTFEE',
} as const satisfies Partial<Record<BillType, BillType>>

/** The bill type's name in the refusals, which speak to the operator in English. */
const typeName = (type: BillType) => billText('EN', `billType.${type}`).toLowerCase()

export interface AmendableBill {
  id: number
  type: BillType
  number: string
  isOpen: boolean
  createdOn: IsoDate
  accountId: number | null
  /** The account's language, which comments and line texts are written in; English if absent. */
  language?: Language
}

export interface AmendableLine {
  id: number
  description: string
  subtotal: MoneyLike
  tax: MoneyLike
  sublines: readonly MoneyLike[]
  startOn: IsoDate
  endOn: IsoDate | null
  serviceId: number | null
}

/** One line to correct: all it still holds, or `amount` of it (positive, before tax). */
export interface LineCorrection {
  lineId: number
  amount?: MoneyLike
}

/** What earlier amendments (open or closed) already corrected of the bill. */
export interface PreviousAmendments {
  /** Some amendment corrected the whole bill. */
  wholeBill: boolean
  /** The amount already corrected of each line, positive. */
  byLine: ReadonlyMap<number, Money>
}

export interface AmendmentPlan {
  type: BillType
  amendOfId: number
  accountId: number
  comments: string
  lines: AssembledLine[]
}

const NOTHING_BEFORE: PreviousAmendments = { wholeBill: false, byLine: new Map() }

const refuse = (field: string, rule: string, message: string) =>
  AppError.validation([{ field, rule, message }])

function correctionLine(fields: {
  description: string
  amount: Money
  tax: Money
  startOn: IsoDate
  endOn: IsoDate | null
  serviceId: number | null
  amendedLineId: number | null
}): AssembledLine {
  return {
    ...fields,
    rate: null,
    size: ONE,
    metric: ONE,
    quantity: ONE,
    verboseQuantity: '1',
    subtotal: fields.amount.negated(),
    orderId: null,
    orderBilledOn: null,
    orderBilledUntil: null,
    sublines: [],
  }
}

function checkAmendable(bill: AmendableBill): { type: 'INVOICE' | 'FEE'; accountId: number } {
  if (bill.type !== 'INVOICE' && bill.type !== 'FEE') {
    throw refuse('type', 'amendable', `${bill.number} is a ${typeName(bill.type)}`)
  }
  if (bill.isOpen) throw refuse('isOpen', 'closed', `${bill.number} is still open`)
  if (bill.accountId === null)
    throw refuse('accountId', 'required', `${bill.number} has no account`)
  return { type: bill.type, accountId: bill.accountId }
}

/**
 * The amendment of `bill`: of all of it when `corrections` is absent, else of those lines.
 * Nothing is corrected twice: a line can give back at most what earlier amendments left it.
 */
export function planAmendment(
  bill: AmendableBill,
  lines: readonly AmendableLine[],
  corrections?: readonly LineCorrection[],
  previous: PreviousAmendments = NOTHING_BEFORE,
): AmendmentPlan {
  const { type: amended, accountId } = checkAmendable(bill)
  const type = AMENDMENT_TYPE[amended]
  const language = bill.language ?? 'EN'
  const number = bill.number
  const comments = billText(language, `amendment.comments.${amended}`, {
    number,
    date: longDateText(bill.createdOn, language),
  })
  if (previous.wholeBill) throw refuse('amendOf', 'once', `${bill.number} is already amended`)

  if (corrections === undefined) {
    if (previous.byLine.size) {
      throw refuse('lines', 'once', `${bill.number} is partly amended: correct its lines instead`)
    }
    const { taxes } = billTotals(lines)
    const perRate = taxes.map(({ rate, base }) =>
      correctionLine({
        description: billText(language, `amendment.taxLine.${amended}`, {
          number,
          rate: rate.toString(),
        }),
        amount: base,
        tax: rate,
        startOn: bill.createdOn,
        endOn: null,
        serviceId: null,
        amendedLineId: null,
      }),
    )
    return { type, amendOfId: bill.id, accountId, comments, lines: perRate }
  }

  if (!corrections.length) throw refuse('lines', 'required', 'no line to correct')
  const byId = new Map(lines.map((line) => [line.id, line]))
  const corrected = corrections.map((correction, i) => {
    const line = byId.get(correction.lineId)
    if (!line) {
      throw refuse(`lines.${i}`, 'of_bill', `line ${correction.lineId} is not on ${bill.number}`)
    }
    const left = lineTotalOf(line).minus(previous.byLine.get(line.id) ?? ZERO)
    const amount = correction.amount === undefined ? left : money(correction.amount)
    if (!amount.isPositive() || amount.isZero() || amount.greaterThan(left)) {
      throw refuse(
        `lines.${i}.amount`,
        'range',
        `must be more than 0 and at most ${left.toFixed(2)}, what the line still holds`,
      )
    }
    return correctionLine({
      description: billText(language, `amendment.line.${amended}`, {
        number,
        description: line.description,
      }),
      amount,
      tax: money(line.tax),
      startOn: line.startOn,
      endOn: line.endOn,
      serviceId: line.serviceId,
      amendedLineId: line.id,
    })
  })
  if (new Set(corrections.map((c) => c.lineId)).size !== corrections.length) {
    throw refuse('lines', 'unique', 'a line is corrected twice')
  }
  return { type, amendOfId: bill.id, accountId, comments, lines: corrected }
}

/** How much of each line the given amendment lines corrected, positive. */
export function correctedByLine(
  lines: readonly { amendedLineId: number | null; subtotal: MoneyLike }[],
): Map<number, Money> {
  const result = new Map<number, Money>()
  for (const line of lines) {
    if (line.amendedLineId === null) continue
    const before = result.get(line.amendedLineId) ?? ZERO
    result.set(line.amendedLineId, sum([before, money(line.subtotal).negated()]))
  }
  return result
}
