import type { AssembledLine } from '../../../src-main/billing/assemble'
import { money } from '../../../src-main/billing/money'
import { addBillLines, createBill } from '../../../src-main/data/bills'
import type { Tx } from '../../../src-main/db/store'
import type { ChannelName, ChannelRequest } from '../../../src-shared/contract/channels'
import { makeCore, type TestCore } from '../../support/core'
import { addAccount, billLine, ctxOf } from './bill-fixtures'

/** Shared set-up of the payments data tests: a pinned clock, two accounts, sources, bills. */

/** Closing today gives due dates of 2026-01-10 (direct debit) and 2026-02-05 (others). */
export const TODAY = '2026-01-05'

export const IBAN = 'ES91 2100 0418 4502 0005 1332'
export const IBAN_COMPACT = 'ES9121000418450200051332'
export const OTHER_IBAN = 'DE89 3704 0044 0532 0130 00'

export type PaymentsWorld = Awaited<ReturnType<typeof paymentsWorld>>

export async function paymentsWorld() {
  const core = await makeCore({ clock: () => new Date(`${TODAY}T12:00:00Z`) })
  const call = <N extends ChannelName>(name: N, request: ChannelRequest<N>) =>
    core.dispatcher.dispatch(name, request)
  return { core, call, ana: await addAccount(core, 'ana'), bea: await addAccount(core, 'bea') }
}

/** An open invoice of the account; by default one line of 12.00 at 21%: 14.52. */
export async function openBill(
  core: TestCore,
  accountId: number,
  lines: Partial<AssembledLine>[] = [{}],
): Promise<number> {
  return core.store.write(async (tx) => {
    const ctx = ctxOf(tx)
    const bill = await createBill(ctx, { type: 'INVOICE', accountId, createdOn: TODAY })
    const made = lines.map((line) => billLine(line))
    await addBillLines(ctx, bill.id, made)
    return bill.id
  })
}

/** A line of `subtotal` without tax, so that the bill's total is the subtotal. */
export const untaxed = (subtotal: string): Partial<AssembledLine> => ({
  subtotal: money(subtotal),
  rate: money(subtotal),
  tax: money(0),
})

export const sepaSource = (accountId: number, iban = IBAN) =>
  ({
    accountId,
    method: 'SEPA_DIRECT_DEBIT',
    data: { name: 'Ana Puig', iban },
  }) as const

export const transferSource = (accountId: number, label = 'Transfer') =>
  ({ accountId, method: 'BANK_TRANSFER', data: { label } }) as const

/**
 * `tx`, except that its first update runs only after `meanwhile` has: another workstation's
 * change committed between what a write read and its own update, deterministically.
 */
export function withChangeBeforeUpdate(tx: Tx, meanwhile: () => Promise<unknown>): Tx {
  let armed = true
  return new Proxy(tx, {
    get(target, key) {
      const value: unknown = Reflect.get(target, key, target)
      if (typeof value !== 'function') return value
      if (key !== 'update' || !armed) return value.bind(target)
      return (...args: unknown[]) => {
        armed = false
        return deferred(value.apply(target, args) as object, meanwhile)
      }
    },
  })
}

/** A query builder whose query waits for `first` once it is awaited. */
function deferred(builder: object, first: () => Promise<unknown>): object {
  return new Proxy(builder, {
    get(target, key) {
      const value: unknown = Reflect.get(target, key, target)
      if (key === 'then') {
        return (resolve: (v: unknown) => void, reject: (e: unknown) => void) =>
          first()
            .then(() => (target as PromiseLike<unknown>).then((v) => v))
            .then(resolve, reject)
      }
      if (typeof value !== 'function') return value
      return (...args: unknown[]) => deferred(value.apply(target, args) as object, first)
    },
  })
}
