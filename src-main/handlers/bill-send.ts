import type { BillMailPlan, BillSendResult } from '../../src-shared/contract/services/bills'
import { readOnlyRefusal } from '../db/read-only-store'
import { billRecipients, mailBill, smtpSettings } from '../data/bill-recipients'
import { getBill } from '../data/bills'
import type { Tx } from '../db/store'
import type { CoreServices } from './types'

/** Sending a closed bill from its page (spec: billing 7.4): who gets it, then the send. */

export async function billMailPlan(tx: Tx, billId: number): Promise<BillMailPlan> {
  const bill = await getBill(tx, billId)
  const smtp = await smtpSettings(tx)
  return {
    recipients: bill.accountId ? await billRecipients(tx, bill.accountId) : [],
    server: `${smtp.host}:${smtp.port}`,
    login: smtp.user,
  }
}

/**
 * Renders the bill's PDF (a closed bill's frozen document) and mails it. An audited database
 * is refused before any mail goes: the bill could not be marked sent afterwards, and a second
 * try would mail the customer again.
 */
export async function sendBill(
  core: CoreServices,
  billId: number,
  render: (tx: Tx, billId: number) => Promise<Uint8Array>,
): Promise<BillSendResult> {
  const store = core.database.store
  if (core.info.database.readOnly) throw readOnlyRefusal()
  const pdf = await store.read((tx) => render(tx, billId))
  return mailBill({ store, keychain: core.keychain, now: core.now, actor: core.actor }, billId, pdf)
}
