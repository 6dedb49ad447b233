import { AppError, type FieldIssue } from '../../../src-shared/errors'
import { identifierProblem } from '../../../src-shared/schemas/misc-identifiers'
import {
  isBic,
  isCreditorId,
  isSepaCountryIban,
} from '../../../src-shared/schemas/sepa-identifiers'
import { sepaText } from '../../core/escape'
import { money, Money, sum, ZERO } from '../../billing/money'
import { el, type XmlElement } from './xml'

/**
 * What both SEPA files share: the provider's own party and bank, the group header, the
 * checks on every value the bank will read, and the elements of a party, an account and an
 * amount. The EPC's rules narrow the ISO schemas: names of at most 70 characters, the Latin
 * character set, euro only, and amounts of at least one cent with two decimals.
 */

/** The provider: creditor of a direct debit, debtor of a credit transfer. */
export interface SepaOwnParty {
  name: string
  iban: string
  bic: string
}

/** A direct debit's creditor also has the identifier its bank gave it (AT-02). */
export interface SepaCreditor extends SepaOwnParty {
  creditorId: string
}

/** What the EPC lets a bank keep of a party's name. */
export const NAME_LENGTH = 70
/** Identifiers (message, payment, end to end, mandate): Max35Text. */
export const ID_LENGTH = 35
/** The most one payment may carry (EPC: AT-06, AT-04); the ISO schema alone allows more. */
export const MAX_AMOUNT = '999999999.99'
/** One line of unstructured remittance information. */
export const REMITTANCE_LENGTH = 140

const ISO_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}/

/** Collects broken rules so one error names all of them. */
export class SepaChecks {
  readonly issues: FieldIssue[] = []

  add(field: string, rule: string, message: string): void {
    this.issues.push({ field, rule, message })
  }

  /** Text in the SEPA character set, cut to `length`; it must keep a letter or digit. */
  text(field: string, value: string, length: number): string {
    const text = sepaText(value, length)
    if (!/[A-Za-z0-9]/.test(text)) {
      this.add(field, 'sepaText', 'has no letter or digit a SEPA file can carry')
    }
    return text
  }

  /** An IBAN written compact in capitals, as the schema wants it. */
  iban(field: string, value: string): string {
    const compact = value.replace(/\s+/g, '').toUpperCase()
    if (identifierProblem('iban', compact) !== undefined) {
      this.add(field, 'iban', 'is not an IBAN (ISO 13616)')
    } else if (!isSepaCountryIban(compact)) {
      this.add(field, 'sepaCountry', 'is of a country outside SEPA')
    }
    return compact
  }

  bic(field: string, value: string): string {
    const compact = value.replace(/\s+/g, '').toUpperCase()
    if (!isBic(compact)) this.add(field, 'bic', 'is not a BIC (ISO 9362), e.g. BOFIIE2D')
    return compact
  }

  creditorId(field: string, value: string): string {
    const compact = value.replace(/\s+/g, '').toUpperCase()
    if (!isCreditorId(compact)) {
      this.add(field, 'creditorId', 'is not a SEPA creditor identifier, e.g. DE98ZZZ09999999999')
    }
    return compact
  }

  date(field: string, value: string): string {
    if (!ISO_DATE.test(value)) this.add(field, 'isoDate', 'must be a date YYYY-MM-DD')
    return value
  }

  /** From one cent to the EPC's ceiling, in whole cents, as decimal text "75.50". */
  amount(field: string, value: string): Money {
    const amount = money(value)
    if (amount.lessThanOrEqualTo(ZERO) || amount.gt(MAX_AMOUNT) || amount.decimalPlaces() > 2) {
      this.add(field, 'sepaAmount', `must be from 0.01 to ${MAX_AMOUNT} in whole cents`)
    }
    return amount
  }

  /** SEPA is a euro scheme: no other currency travels in these files. */
  currency(field: string, value: string): string {
    const code = value.toUpperCase()
    if (code !== 'EUR') this.add(field, 'sepaCurrency', 'must be EUR: SEPA moves euros only')
    return code
  }

  /** A message id short enough to carry a payment's suffix inside Max35Text. */
  messageId(value: string): string {
    if (!/^[A-Za-z0-9-]{1,20}$/.test(value)) {
      this.add('messageId', 'sepaId', 'must be 1 to 20 letters, digits or hyphens')
    }
    return value
  }

  /** Throws one validation error naming every broken rule, if there is one. */
  done(): void {
    if (this.issues.length > 0) throw AppError.validation(this.issues)
  }
}

/** `YYYY-MM-DDThh:mm:ss` of a unit of work's `now` (ISODateTime, without zone or fraction). */
export function creationDateTime(checks: SepaChecks, now: string): string {
  if (!ISO_DATE_TIME.test(now)) checks.add('createdAt', 'isoDateTime', 'must be an ISO time')
  return now.slice(0, 19)
}

/** Σ amounts as the control sum writes it: exact, two decimals. */
export function controlSum(amounts: readonly Money[]): string {
  return sum(amounts).toFixed(2)
}

/** `<Ccy="EUR">75.50` under the element's name. */
export function amountElement(name: string, amount: Money, currency: string): XmlElement {
  return el(name, amount.toFixed(2), { Ccy: currency })
}

export function accountElement(name: string, iban: string): XmlElement {
  return el(name, [el('Id', [el('IBAN', iban)])])
}

export function agentElement(name: string, bic: string): XmlElement {
  return el(name, [el('FinInstnId', [el('BIC', bic)])])
}

/** The other side's bank when only its IBAN is known, as the EPC allows since 2016. */
export function unknownAgentElement(name: string): XmlElement {
  return el(name, [el('FinInstnId', [el('Othr', [el('Id', 'NOTPROVIDED')])])])
}

/** The customer's side of one payment: the debtor of a debit, the creditor of a transfer. */
export type CustomerRole = 'Dbtr' | 'Cdtr'

/** What every payment of a file carries, checked: amount, ids, the customer and the text. */
export interface CheckedPayment {
  amount: Money
  currency: string
  endToEndId: string
  name: string
  iban: string
  remittance: string
}

/**
 * Checks one payment's common values. Errors name `transactions.<id>.<field>`, the customer's
 * fields as `debtorName`/`debtorIban` or `creditorName`/`creditorIban` after its role.
 */
export function checkPayment(
  checks: SepaChecks,
  role: CustomerRole,
  payment: {
    transactionId: number
    billNumber: string
    amount: string
    currency: string
    name: string
    iban: string
    remittance: string
  },
): CheckedPayment {
  const field = `transactions.${payment.transactionId}`
  const party = role === 'Dbtr' ? 'debtor' : 'creditor'
  const endToEndId = `${payment.billNumber}-${payment.transactionId}`
  return {
    amount: checks.amount(`${field}.amount`, payment.amount),
    currency: checks.currency(`${field}.currency`, payment.currency),
    endToEndId: checks.text(`${field}.endToEndId`, endToEndId, ID_LENGTH),
    name: checks.text(`${field}.${party}Name`, payment.name, NAME_LENGTH),
    iban: checks.iban(`${field}.${party}Iban`, payment.iban),
    remittance: checks.text(`${field}.billNumber`, payment.remittance, REMITTANCE_LENGTH),
  }
}

/** The customer's bank (not provided), name and account, then the remittance text. */
export function customerElements(role: CustomerRole, payment: CheckedPayment): XmlElement[] {
  return [
    unknownAgentElement(`${role}Agt`),
    el(role, [el('Nm', payment.name)]),
    accountElement(`${role}Acct`, payment.iban),
    el('RmtInf', [el('Ustrd', payment.remittance)]),
  ]
}

export function groupHeader(input: {
  messageId: string
  createdAt: string
  count: number
  controlSum: string
  initiator: string
}): XmlElement {
  return el('GrpHdr', [
    el('MsgId', input.messageId),
    el('CreDtTm', input.createdAt),
    el('NbOfTxs', String(input.count)),
    el('CtrlSum', input.controlSum),
    el('InitgPty', [el('Nm', input.initiator)]),
  ])
}

/** Items grouped by a key, in the order each key first shows up after sorting. */
export function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>()
  for (const item of items) {
    const name = key(item)
    groups.set(name, [...(groups.get(name) ?? []), item])
  }
  return groups
}
