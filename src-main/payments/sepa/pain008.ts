import type { SepaSequence } from '../../../src-shared/schemas/payments'
import {
  accountElement,
  agentElement,
  amountElement,
  checkPayment,
  controlSum,
  creationDateTime,
  customerElements,
  groupBy,
  groupHeader,
  ID_LENGTH,
  NAME_LENGTH,
  SepaChecks,
  type CheckedPayment,
  type SepaCreditor,
} from './common'
import { el, renderXml, type XmlElement } from './xml'

/**
 * The SEPA core direct debit file (ISO 20022 pain.008.001.02, spec: billing 9.4) of one
 * process, as a pure function of what the bank must be told. Unlike the original, the
 * creditor identifier stands in CdtrSchmeId, each debit carries the mandate the customer
 * signed and its own sequence (FRST for a mandate's first collection, RCUR after), and the
 * collection date is the one the operator chose.
 */

export const PAIN008_NAMESPACE = 'urn:iso:std:iso:20022:tech:xsd:pain.008.001.02'

export interface DirectDebit {
  transactionId: number
  billNumber: string
  /** What the debtor pays, positive decimal text. */
  amount: string
  currency: string
  /** The holder of the debited account, who signed the mandate. */
  debtorName: string
  debtorIban: string
  mandateId: string
  mandateSignedOn: string
  sequence: SepaSequence
  /** The day the bank collects it (ReqdColltnDt). */
  collectionOn: string
}

export interface DirectDebitFile {
  /** MsgId (the process id and its creation time), and the start of each PmtInfId. */
  messageId: string
  /** The unit of work's ISO time. */
  createdAt: string
  creditor: SepaCreditor
  debits: readonly DirectDebit[]
}

const SEQUENCE_ORDER: readonly SepaSequence[] = ['FRST', 'RCUR', 'FNAL', 'OOFF']

interface CheckedDebit extends CheckedPayment {
  debit: DirectDebit
  mandateId: string
}

function checkDebit(checks: SepaChecks, debit: DirectDebit): CheckedDebit {
  const field = `transactions.${debit.transactionId}`
  checks.date(`${field}.collectionOn`, debit.collectionOn)
  checks.date(`${field}.mandateSignedOn`, debit.mandateSignedOn)
  if (!SEQUENCE_ORDER.includes(debit.sequence)) {
    checks.add(`${field}.sequence`, 'enum', 'must be FRST, RCUR, FNAL or OOFF')
  }
  const payment = checkPayment(checks, 'Dbtr', {
    ...debit,
    name: debit.debtorName,
    iban: debit.debtorIban,
    remittance: `Bill ${debit.billNumber}`,
  })
  return {
    ...payment,
    debit,
    mandateId: checks.text(`${field}.mandateId`, debit.mandateId, ID_LENGTH),
  }
}

function debitElement(item: CheckedDebit): XmlElement {
  return el('DrctDbtTxInf', [
    el('PmtId', [el('EndToEndId', item.endToEndId)]),
    amountElement('InstdAmt', item.amount, item.currency),
    el('DrctDbtTx', [
      el('MndtRltdInf', [
        el('MndtId', item.mandateId),
        el('DtOfSgntr', item.debit.mandateSignedOn),
      ]),
    ]),
    ...customerElements('Dbtr', item),
  ])
}

/** The creditor identifier as banks read it: a private id under the proprietary scheme SEPA. */
function creditorSchemeElement(creditorId: string): XmlElement {
  const other = el('Othr', [el('Id', creditorId), el('SchmeNm', [el('Prtry', 'SEPA')])])
  return el('CdtrSchmeId', [el('Id', [el('PrvtId', [other])])])
}

function paymentElement(
  id: string,
  items: readonly CheckedDebit[],
  creditor: SepaCreditor,
): XmlElement {
  const { sequence, collectionOn } = items[0]!.debit
  return el('PmtInf', [
    el('PmtInfId', id),
    el('PmtMtd', 'DD'),
    el('NbOfTxs', String(items.length)),
    el('CtrlSum', controlSum(items.map((item) => item.amount))),
    el('PmtTpInf', [
      el('SvcLvl', [el('Cd', 'SEPA')]),
      el('LclInstrm', [el('Cd', 'CORE')]),
      el('SeqTp', sequence),
    ]),
    el('ReqdColltnDt', collectionOn),
    el('Cdtr', [el('Nm', creditor.name)]),
    accountElement('CdtrAcct', creditor.iban),
    agentElement('CdtrAgt', creditor.bic),
    el('ChrgBr', 'SLEV'),
    creditorSchemeElement(creditor.creditorId),
    ...items.map(debitElement),
  ])
}

/**
 * The pain.008 text. One payment (PmtInf) per sequence and collection date, as the schema
 * holds both once per payment: by date, then FRST, RCUR, FNAL, OOFF. Every broken rule of
 * the input comes back in one validation error, naming the transaction and its field.
 */
export function pain008(input: DirectDebitFile): string {
  const checks = new SepaChecks()
  const messageId = checks.messageId(input.messageId)
  const createdAt = creationDateTime(checks, input.createdAt)
  const creditor: SepaCreditor = {
    name: checks.text('creditor.name', input.creditor.name, NAME_LENGTH),
    iban: checks.iban('creditor.iban', input.creditor.iban),
    bic: checks.bic('creditor.bic', input.creditor.bic),
    creditorId: checks.creditorId('creditor.creditorId', input.creditor.creditorId),
  }
  if (input.debits.length === 0) checks.add('debits', 'min', 'must hold at least one debit')
  const items = input.debits.map((debit) => checkDebit(checks, debit))
  checks.done()

  const sorted = [...items].sort(
    (a, b) =>
      a.debit.collectionOn.localeCompare(b.debit.collectionOn) ||
      SEQUENCE_ORDER.indexOf(a.debit.sequence) - SEQUENCE_ORDER.indexOf(b.debit.sequence),
  )
  const groups = groupBy(sorted, (item) => `${item.debit.sequence} ${item.debit.collectionOn}`)
  const payments = [...groups.values()].map((group) => {
    const { sequence, collectionOn } = group[0]!.debit
    const id = `${messageId}-${sequence}-${collectionOn.replaceAll('-', '')}`
    return paymentElement(id, group, creditor)
  })

  const header = groupHeader({
    messageId,
    createdAt,
    count: items.length,
    controlSum: controlSum(items.map((item) => item.amount)),
    initiator: creditor.name,
  })
  const root = el('CstmrDrctDbtInitn', [header, ...payments])
  return renderXml(el('Document', [root], { xmlns: PAIN008_NAMESPACE }))
}
