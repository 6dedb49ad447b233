import { inArray } from 'drizzle-orm'
import { assembleRun, type AssembledLine, type AssembledRun } from '../billing/assemble'
import type { BillType } from '../billing/bill-document'
import { billOrders } from '../billing/engine'
import { sum, ZERO, type Money } from '../billing/money'
import { totalsOfLines, type BillTotals } from '../billing/totals'
import type { IsoDate, OrderUpdate } from '../billing/types'
import type { Language } from '../../src-shared/schemas/accounts'
import { accounts } from '../db/schema'
import type { Tx } from '../db/store'
import { recordBillingRunHistory } from './bill-history'
import { readRunInput } from './billing-run-input'
import { taxedRun } from './billing-run-taxes'
import { openBillsOf, writeBillingRun, type RunWritten } from './bill-runs'
import type { BillContext } from './bills'

/**
 * The billing run end to end (spec: billing 6.1, 6.11 and 7.2): the tables' orders priced by
 * the engine, placed on bills, and, on commit, written with the order updates. Both steps run
 * inside the caller's one transaction; a preview writes nothing.
 */

export interface BillingRunRequest {
  billingPoint: IsoDate
  /** The local date of the run: the orders' billed_on, and what "today" means to pricing. */
  today: IsoDate
  fixedPoint?: boolean
  proforma?: boolean
  newOpen?: boolean
  includeIgnored?: boolean
  /** Only these accounts' orders; every account's when absent. */
  accountIds?: readonly number[]
  /** Only these orders, a selection (spec 4.4); every pending order of the accounts when absent. */
  orderIds?: readonly number[]
}

export interface PreviewBill {
  type: BillType
  /** The open bill the lines are appended to; null when the run opens a new one. */
  existingBillId: number | null
  lines: AssembledLine[]
  /** The totals of the run's lines on this bill (an open bill's earlier lines not included). */
  totals: BillTotals
}

export interface AccountPreview {
  accountId: number
  username: string
  /** The account's language, which its bills' texts are written in. */
  language: Language
  bills: PreviewBill[]
  total: Money
}

export interface RunPreview {
  accounts: AccountPreview[]
  lines: number
  total: Money
}

export interface RunCommitted extends RunPreview {
  /** Null when there was nothing to bill: "no pending billing". */
  written: RunWritten | null
}

interface PricedRun {
  assembled: AssembledRun
  /** Each bill's totals, in the order of `assembled.bills`. */
  totals: BillTotals[]
  orderUpdates: OrderUpdate[]
  preview: RunPreview
}

async function priceRun(tx: Tx, request: BillingRunRequest): Promise<PricedRun> {
  const { taxes, ...input } = await readRunInput(tx, request)
  const priced = billOrders({
    ...input,
    options: {
      billingPoint: request.billingPoint,
      fixedPoint: request.fixedPoint ?? false,
      today: request.today,
    },
    proforma: request.proforma ?? false,
    includeIgnored: request.includeIgnored ?? false,
  })

  const accountIds = [...new Set(priced.lines.map((line) => line.accountId))]
  const named = await namesOf(tx, accountIds)
  const languages = new Map([...named].map(([id, account]) => [id, account.language]))
  const placed = assembleRun(priced.lines, taxes, await openBillsOf(tx, accountIds), {
    proforma: request.proforma ?? false,
    newOpen: request.newOpen ?? false,
    languages,
  })
  const assembled = await taxedRun(tx, placed)
  const totals = assembled.bills.map((bill) => totalsOfLines(bill.lines))
  return {
    assembled,
    totals,
    orderUpdates: priced.orderUpdates,
    preview: previewOf(named, assembled, totals),
  }
}

interface NamedAccount {
  username: string
  language: Language
}

/** The billed accounts' usernames and languages, a few thousand ids per query. */
export async function namesOf(tx: Tx, accountIds: readonly number[]) {
  const named = new Map<number, NamedAccount>()
  for (let i = 0; i < accountIds.length; i += 5000) {
    const rows = await tx
      .select({ id: accounts.id, username: accounts.username, language: accounts.language })
      .from(accounts)
      .where(inArray(accounts.id, accountIds.slice(i, i + 5000)))
    for (const { id, ...account } of rows) named.set(id, account)
  }
  return named
}

function previewOf(
  named: ReadonlyMap<number, NamedAccount>,
  run: AssembledRun,
  billTotals: readonly BillTotals[],
): RunPreview {
  const byAccount = new Map<number, AccountPreview>()
  for (const [i, bill] of run.bills.entries()) {
    const totals = billTotals[i]!
    const account = byAccount.get(bill.accountId) ?? {
      accountId: bill.accountId,
      username: named.get(bill.accountId)?.username ?? `#${bill.accountId}`,
      language: named.get(bill.accountId)?.language ?? 'EN',
      bills: [],
      total: ZERO,
    }
    account.bills.push({ ...bill, totals })
    account.total = account.total.plus(totals.total)
    byAccount.set(bill.accountId, account)
  }
  const previews = [...byAccount.values()]
  return {
    accounts: previews,
    lines: run.bills.reduce((n, bill) => n + bill.lines.length, 0),
    total: sum(previews.map((account) => account.total)),
  }
}

/** What the run would bill, per account: lines and totals. Writes nothing. */
export async function previewBillingRun(tx: Tx, request: BillingRunRequest): Promise<RunPreview> {
  return (await priceRun(tx, request)).preview
}

/**
 * Prices and writes the run in the caller's transaction: bills, lines, and the order updates
 * of the orders that got a line. Nothing to bill writes nothing and says so (`written: null`).
 */
export async function commitBillingRun(
  ctx: BillContext,
  request: BillingRunRequest,
): Promise<RunCommitted> {
  const { assembled, totals, orderUpdates, preview } = await priceRun(ctx.tx, request)
  if (!assembled.bills.length) return { ...preview, written: null }
  const written = await writeBillingRun(ctx, assembled, { today: request.today, orderUpdates })
  await recordBillingRunHistory(ctx, request, assembled.bills, totals, written.bills)
  return { ...preview, written }
}
