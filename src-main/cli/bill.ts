import { AppError } from '../../src-shared/errors'
import type { Language } from '../../src-shared/schemas/accounts'
import type { AssembledLine } from '../billing/assemble'
import { linePeriodText } from '../billing/bill-text'
import { cents } from '../billing/money'
import { openCore, type CoreOptions } from '../core/core'
import {
  commitBillingRun,
  previewBillingRun,
  type PreviewBill,
  type RunPreview,
} from '../data/billing-run'
import { orderMoment } from '../data/order-clock'
import type { Tx } from '../db/store'

export interface BillOptions extends CoreOptions {
  date?: string
  dryRun: boolean
}

/** A real calendar date written `YYYY-MM-DD` (no 30 February). */
export function isIsoDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false
  const date = new Date(`${text}T00:00:00Z`)
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text
}

const cell = (text: string, width: number) =>
  text.length > width ? `${text.slice(0, width - 1)}…` : text.padEnd(width)

/** "1 account", "2 accounts". */
const counted = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`

function lineRow(line: AssembledLine, language: Language): string {
  const period = linePeriodText(line.startOn, line.endOn, language)
  const discounts = line.sublines.map((s) => `      ${cell(s.description, 40)} ${cents(s.total)}`)
  const main =
    `    ${cell(String(line.orderId ?? ''), 7)} ${cell(line.description, 32)} ` +
    `${cell(period, 30)} ${cell(line.verboseQuantity, 10)} ${cents(line.subtotal).padStart(10)}`
  return [main, ...discounts].join('\n')
}

function billRows(bill: PreviewBill, language: Language): string[] {
  const target = bill.existingBillId === null ? 'new' : `appended to bill ${bill.existingBillId}`
  const taxes = bill.totals.taxes.map(
    (entry) => `    tax ${entry.rate.toString()}% on ${cents(entry.base)}: ${cents(entry.tax)}`,
  )
  return [
    `  ${bill.type} (${target})`,
    ...bill.lines.map((line) => lineRow(line, language)),
    ...taxes,
    `    total ${cents(bill.totals.total)}`,
  ]
}

/** The preview as a table per account: its bills, their lines and totals. */
export function previewText(preview: RunPreview): string {
  const rows = preview.accounts.flatMap((account) => [
    `${account.username} (account ${account.accountId}): ${cents(account.total)}`,
    ...account.bills.flatMap((bill) => billRows(bill, account.language)),
  ])
  const summary =
    `${counted(preview.accounts.length, 'account')}, ${counted(preview.lines, 'line')}, ` +
    `total ${cents(preview.total)}`
  return `${[...rows, summary].join('\n')}\n`
}

/**
 * `orchestra bill --date YYYY-MM-DD [--dry-run]`: bills every pending order up to the date
 * (spec: billing 6.1), printing the preview per account first; a dry run stops there. Exit 0
 * when done or nothing was pending, 2 for a wrong date or a refusal.
 */
export async function billCommand(options: BillOptions): Promise<number> {
  const out = (text: string) => process.stdout.write(text)
  if (!options.date || !isIsoDate(options.date)) {
    process.stderr.write('bill needs --date YYYY-MM-DD, a calendar date (the billing point)\n')
    return 2
  }
  const billingPoint = options.date
  const now = new Date().toISOString()
  // The day the run happens, the orders' billed_on: in the installation's time zone.
  const request = async (tx: Tx) => ({ billingPoint, today: (await orderMoment(tx, now)).today })

  const core = await openCore({ ...options, quietLogs: true })
  try {
    if (options.dryRun) {
      const preview = await core.store.read(async (tx) => previewBillingRun(tx, await request(tx)))
      if (!preview.lines) return print('No pending billing.')
      out(previewText(preview))
      return print('Dry run: nothing was written.')
    }
    const ctx = (tx: Tx) => ({ tx, now, actor: core.info.operator, changes: [] })
    const run = await core.store.write(async (tx) => commitBillingRun(ctx(tx), await request(tx)))
    if (!run.written) return print('No pending billing.')
    out(previewText(run))
    const numbers = run.written.bills.map((bill) => bill.number).join(', ')
    return print(
      `Wrote ${run.written.bills.length} bills (${numbers}) with ${run.written.lines} lines; ` +
        `${run.written.ordersUpdated} orders marked billed.`,
    )
  } catch (error) {
    if (error instanceof AppError) {
      process.stderr.write(`orchestra: ${error.message}\n`)
      return 2
    }
    throw error
  } finally {
    await core.close()
  }
}

function print(text: string): number {
  process.stdout.write(`${text}\n`)
  return 0
}
