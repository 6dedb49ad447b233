import {
  accountElement,
  agentElement,
  amountElement,
  checkPayment,
  controlSum,
  creationDateTime,
  customerElements,
  groupHeader,
  NAME_LENGTH,
  SepaChecks,
  type CheckedPayment,
  type SepaOwnParty,
} from './common'
import { el, renderXml, type XmlElement } from './xml'

/**
 * The SEPA credit transfer file (ISO 20022 pain.001.001.03, spec: billing 9.5) that pays
 * refunds back to customers: the provider is the debtor, each customer a creditor named as
 * the holder of the account credited (the original named the account's username).
 */

export const PAIN001_NAMESPACE = 'urn:iso:std:iso:20022:tech:xsd:pain.001.001.03'

export interface CreditTransfer {
  transactionId: number
  billNumber: string
  /** What the customer gets back, positive decimal text. */
  amount: string
  currency: string
  creditorName: string
  creditorIban: string
}

export interface CreditTransferFile {
  messageId: string
  createdAt: string
  /** The provider's own account, paying. */
  debtor: SepaOwnParty
  /** The day the bank executes the transfers (ReqdExctnDt). */
  executionOn: string
  transfers: readonly CreditTransfer[]
}

function checkTransfer(checks: SepaChecks, transfer: CreditTransfer): CheckedPayment {
  return checkPayment(checks, 'Cdtr', {
    ...transfer,
    name: transfer.creditorName,
    iban: transfer.creditorIban,
    remittance: `Refund of bill ${transfer.billNumber}`,
  })
}

function transferElement(item: CheckedPayment): XmlElement {
  return el('CdtTrfTxInf', [
    el('PmtId', [el('EndToEndId', item.endToEndId)]),
    el('Amt', [amountElement('InstdAmt', item.amount, item.currency)]),
    ...customerElements('Cdtr', item),
  ])
}

/** The pain.001 text: one payment (PmtInf) from the provider's account on one day. */
export function pain001(input: CreditTransferFile): string {
  const checks = new SepaChecks()
  const messageId = checks.messageId(input.messageId)
  const createdAt = creationDateTime(checks, input.createdAt)
  const debtor: SepaOwnParty = {
    name: checks.text('debtor.name', input.debtor.name, NAME_LENGTH),
    iban: checks.iban('debtor.iban', input.debtor.iban),
    bic: checks.bic('debtor.bic', input.debtor.bic),
  }
  const executionOn = checks.date('executionOn', input.executionOn)
  if (input.transfers.length === 0) checks.add('transfers', 'min', 'must hold at least one')
  const items = input.transfers.map((transfer) => checkTransfer(checks, transfer))
  checks.done()

  const total = controlSum(items.map((item) => item.amount))
  const payment = el('PmtInf', [
    el('PmtInfId', `${messageId}-TRF`),
    el('PmtMtd', 'TRF'),
    el('NbOfTxs', String(items.length)),
    el('CtrlSum', total),
    el('PmtTpInf', [el('SvcLvl', [el('Cd', 'SEPA')])]),
    el('ReqdExctnDt', executionOn),
    el('Dbtr', [el('Nm', debtor.name)]),
    accountElement('DbtrAcct', debtor.iban),
    agentElement('DbtrAgt', debtor.bic),
    el('ChrgBr', 'SLEV'),
    ...items.map(transferElement),
  ])
  const header = groupHeader({
    messageId,
    createdAt,
    count: items.length,
    controlSum: total,
    initiator: debtor.name,
  })
  const root = el('CstmrCdtTrfInitn', [header, payment])
  return renderXml(el('Document', [root], { xmlns: PAIN001_NAMESPACE }))
}
