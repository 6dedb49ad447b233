import { AppError } from '../../src-shared/errors'
import type { Channels } from '../../src-shared/contract/channels'
import type { RunPreviewView } from '../../src-shared/schemas/bills'
import { linePeriodText } from '../billing/bill-text'
import { commitBillingRun, previewBillingRun, type RunPreview } from '../data/billing-run'
import { readRelatedOrders } from '../data/billing-run-related'
import { createAmendment } from '../data/bill-amendments'
import { closeBill } from '../data/bill-closing'
import { getBillContact, setBillContact } from '../data/bill-contacts'
import { rememberSmtpPassword } from '../data/bill-recipients'
import { billMailPlan, sendBill } from './bill-send'
import { billDocument, freezeBillDocument } from '../data/bill-documents'
import { updateBillLine } from '../data/bill-line-edits'
import { copyBillLines, moveBillLines, undoBillLines } from '../data/bill-line-moves'
import { getBillDetail, listBillRows, openBillsOfAccount } from '../data/bill-views'
import { getBill, getBillLine, removeBill, removeBillLines, updateBill } from '../data/bills'
import { mergeBillPdfs } from '../billing/pdf/merge-bill-pdfs'
import { renderBillPdf } from '../billing/pdf/render-bill-pdf'
import type { Tx } from '../db/store'
import type { HandlerTable } from './types'

type BillChannels = Extract<
  keyof Channels,
  | `bills:${string}`
  | `billLines:${string}`
  | `billingRuns:${string}`
  | `billContacts:${string}`
  | `smtp:${string}`
>

/**
 * The clerk's calendar date of a unit of work, in this workstation's zone: a bill closed at
 * 00:30 in Madrid is dated that day. Read from `now`, not the database, because closing must
 * take the numbering lock before it runs any statement (data/bill-closing.ts).
 */
export function localToday(now: string): string {
  return new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit' })
    .format(new Date(now))
    .slice(0, 10)
}

function previewView(preview: RunPreview): RunPreviewView {
  return {
    lines: preview.lines,
    total: preview.total.toFixed(2),
    accounts: preview.accounts.map((account) => ({
      accountId: account.accountId,
      username: account.username,
      total: account.total.toFixed(2),
      bills: account.bills.map((bill) => ({
        type: bill.type,
        existingBillId: bill.existingBillId,
        base: bill.totals.base.toFixed(2),
        tax: bill.totals.tax.toFixed(2),
        total: bill.totals.total.toFixed(2),
        lines: bill.lines.map((line, i) => ({
          description: line.description,
          period: linePeriodText(line.startOn, line.endOn, account.language),
          quantity: line.verboseQuantity,
          rate: line.rate === null ? null : line.rate.toFixed(2),
          subtotal: line.subtotal.toFixed(2),
          tax: line.tax.toString(),
          total: bill.totals.lines[i]!.toFixed(2),
          sublines: line.sublines.map((subline) => ({
            description: subline.description,
            total: subline.total.toFixed(2),
          })),
        })),
      })),
    })),
  }
}

async function billPdf(tx: Tx, id: number): Promise<Uint8Array> {
  return renderBillPdf(await billDocument(tx, id))
}

const base64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64')

/** The source picked for each bill being closed; a pick for a bill not closed is a mistake. */
function chosenSources(
  ids: readonly number[],
  sources: readonly { billId: number; sourceId: number | null }[],
): Map<number, number | null> {
  const stray = sources.find((choice) => !ids.includes(choice.billId))
  if (stray) {
    throw AppError.validation([
      {
        field: 'sources',
        rule: 'closed_bill',
        message: `bill ${stray.billId} has a payment source but is not among the bills to close`,
      },
    ])
  }
  return new Map(sources.map((choice) => [choice.billId, choice.sourceId]))
}

export const billHandlers: HandlerTable<BillChannels> = {
  'bills:list': (request, { tx }) => listBillRows(tx, request),
  'bills:get': ({ id }, { tx }) => getBillDetail(tx, id),
  'bills:openOfAccount': ({ accountId }, { tx }) => openBillsOfAccount(tx, accountId),
  'bills:pdf': async ({ id }, { tx }) => {
    const bill = await getBill(tx, id)
    return { fileName: `${bill.number}.pdf`, base64: base64(await billPdf(tx, id)) }
  },
  'bills:printRun': async ({ ids }, { tx }) => {
    const closed = (await listBillRows(tx, { ids, isOpen: false, pageSize: 200, dir: 'asc' })).rows
    if (!closed.length) {
      throw AppError.validation([
        { field: 'ids', rule: 'closed', message: 'no closed bill to print' },
      ])
    }
    const pdfs = []
    for (const bill of closed) pdfs.push(await billPdf(tx, bill.id))
    const name = `bills-${closed[0]!.number}-${closed.at(-1)!.number}.pdf`
    return { fileName: name, base64: base64(await mergeBillPdfs(pdfs)), bills: closed.length }
  },
  'bills:update': async (request, scope) => {
    await updateBill(scope, request)
    return getBillDetail(scope.tx, request.id)
  },

  'bills:setClosed': async ({ ids, dueOn, sources }, scope) => {
    const today = localToday(scope.now)
    const chosen = chosenSources(ids, sources)
    // Closing comes first in the unit of work: it takes the numbering lock.
    for (const id of ids) {
      const sourceId = chosen.get(id)
      await closeBill(scope, id, { today, dueOn, sourceId, document: freezeBillDocument })
    }
    const page = await listBillRows(scope.tx, { ids, pageSize: 200, dir: 'asc' })
    return { closed: page.rows }
  },

  'bills:createAmendment': async ({ id, lines }, scope) => {
    const today = localToday(scope.now)
    const amendment = await createAmendment(scope, id, { today, corrections: lines })
    return getBillDetail(scope.tx, amendment.id)
  },
  'bills:delete': async ({ id }, scope) => {
    await removeBill(scope, id)
    return { deleted: 1 }
  },
  'bills:recipients': ({ id }, { tx }) => billMailPlan(tx, id),
  'bills:setSent': ({ id }, { core }) => sendBill(core, id, billPdf),
  'smtp:setPassword': async ({ password }, { core }) => {
    await rememberSmtpPassword(core.database.store, core.keychain, password)
    return { kept: true }
  },

  'billLines:update': async ({ lineId, ...fields }, scope) => {
    const line = await getBillLine(scope.tx, lineId)
    await updateBillLine(scope, lineId, fields)
    return getBillDetail(scope.tx, line.billId)
  },
  'billLines:delete': async ({ lineIds }, scope) => {
    await removeBillLines(scope, lineIds)
    return { removed: lineIds.length }
  },
  'billLines:deleteWithUndo': ({ lineIds }, scope) => undoBillLines(scope, lineIds),
  'billLines:updateBill': async ({ lineIds, toBillId }, scope) => ({
    moved: await moveBillLines(scope, lineIds, toBillId),
  }),
  'billLines:createCopies': async ({ lineIds, toBillId }, scope) => ({
    copied: await copyBillLines(scope, lineIds, toBillId),
  }),

  'billContacts:get': async ({ accountId }, { tx }) => ({
    contact: await getBillContact(tx, accountId),
  }),
  'billContacts:update': (request, scope) => setBillContact(scope, request),

  'billingRuns:preview': async (request, { tx }) => {
    // A read has no unit-of-work instant; the workstation's clock is the same one writes use.
    const today = localToday(new Date().toISOString())
    return previewView(await previewBillingRun(tx, { ...request, today }))
  },
  'billingRuns:relatedOrders': async (request, { tx }) => ({
    orders: await readRelatedOrders(tx, request),
  }),
  'billingRuns:create': async (request, scope) => {
    const today = localToday(scope.now)
    const run = await commitBillingRun(scope, { ...request, today })
    return {
      ...previewView(run),
      billIds: run.written?.bills.map((bill) => bill.id) ?? [],
      ordersUpdated: run.written?.ordersUpdated ?? 0,
    }
  },
}
