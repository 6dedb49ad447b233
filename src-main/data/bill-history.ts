import type { AssembledBill } from '../billing/assemble'
import type { BillTotals } from '../billing/totals'
import type { IsoDate } from '../billing/types'
import { historyEntries } from '../db/schema'
import type { BillContext, BillRecord } from './bills'
import { insertRows } from './bulk-insert'
import { recordHistory, type HistoryRecord } from './history'

/**
 * The audit trail of bills (spec: panel 6.1): one entry per bill a write touches, filed under
 * the bill's account so that the account's history lists it. An entry names the bill by its
 * number at the time and never holds the buyer's name or address: history cannot be changed
 * afterwards, and those go from the bill when its account is deleted (bill-closing.ts).
 */

type BillRef = Pick<BillRecord, 'id' | 'number' | 'accountId'>

export type BillEvent = Pick<HistoryRecord, 'action' | 'changes' | 'message'>

export async function recordBillHistory(ctx: BillContext, bill: BillRef, event: BillEvent) {
  await recordHistory(ctx, {
    objectType: 'bill',
    objectId: bill.id,
    accountId: bill.accountId,
    objectRepr: bill.number,
    ...event,
  })
}

/** "1 line", "3 lines". */
export const linesText = (n: number) => `${n} line${n === 1 ? '' : 's'}`

/** Line descriptions quoted for a message, the first few only: a message stays one line. */
export function quotedLines(descriptions: readonly string[], shown = 3): string {
  const quoted = descriptions.slice(0, shown).map((text) => `"${text}"`)
  const more = descriptions.length - shown
  return more > 0 ? `${quoted.join(', ')} and ${more} more` : quoted.join(', ')
}

/**
 * One entry per bill of a billing run, "added" for a bill the run opened and "changed" for an
 * open bill it appended to, inserted together: a run writes thousands of bills and one
 * statement per entry would cost it more than its lines. `totals` and `written` follow the
 * order of `planned`. No change event goes to the windows per bill: the run answers with
 * what it wrote, as it does for the orders it updates.
 */
export async function recordBillingRunHistory(
  ctx: BillContext,
  run: { today: IsoDate; billingPoint: IsoDate },
  planned: readonly Pick<AssembledBill, 'existingBillId' | 'lines'>[],
  totals: readonly Pick<BillTotals, 'total'>[],
  written: readonly BillRef[],
): Promise<void> {
  const rows = planned.map(({ existingBillId, lines }, i) => {
    const bill = written[i]!
    const { total } = totals[i]!
    return {
      at: ctx.now,
      actor: ctx.actor,
      objectType: 'bill',
      objectId: bill.id,
      accountId: bill.accountId,
      objectRepr: bill.number,
      action: existingBillId === null ? 'added' : 'changed',
      changes: '[]',
      message:
        `Billing run of ${run.today} up to ${run.billingPoint}: ` +
        `${linesText(lines.length)}, total ${total.toFixed(2)}`,
    }
  })
  await insertRows(ctx.tx, historyEntries, rows, ['id'])
}
