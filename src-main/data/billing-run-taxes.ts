import { eq, inArray } from 'drizzle-orm'
import type { AssembledRun } from '../billing/assemble'
import { ZERO } from '../billing/money'
import { lineTax, taxBuyerOf, type TaxBuyer } from '../billing/tax-rules'
import { accounts, billContacts } from '../db/schema'
import type { Tx } from '../db/store'
import type { AccountType } from '../../src-shared/schemas/accounts'
import type { CountryCode } from '../../src-shared/countries'
import { taxSettings } from './bill-recipients'
import { settingValue } from './settings'

/**
 * The tax of a run's lines by who buys (issue 7 item 9): the service's rate at home and for
 * EU consumers (their own state's rate under the One-Stop Shop), none with the reverse charge
 * for an EU business with a valid VAT number, none outside the EU.
 */

interface BuyerRow {
  id: number
  type: AccountType
  country: CountryCode | null
  vat: string | null
}

/** The tax buyer of each account; without a bill contact, a buyer at home. */
export async function taxBuyersOf(
  tx: Tx,
  accountIds: readonly number[],
): Promise<Map<number, TaxBuyer>> {
  const result = new Map<number, TaxBuyer>()
  for (let i = 0; i < accountIds.length; i += 5000) {
    const rows: BuyerRow[] = await tx
      .select({
        id: accounts.id,
        type: accounts.type,
        country: billContacts.country,
        vat: billContacts.vat,
      })
      .from(accounts)
      .leftJoin(billContacts, eq(billContacts.accountId, accounts.id))
      .where(inArray(accounts.id, accountIds.slice(i, i + 5000)))
    for (const row of rows) {
      const contact = { country: row.country ?? ('' as const), vat: row.vat ?? '' }
      result.set(row.id, await taxBuyerOf(contact, row.type))
    }
  }
  return result
}

/** The run with every line's tax rate set by its account's buyer. */
export async function taxedRun(tx: Tx, run: AssembledRun): Promise<AssembledRun> {
  if (!run.bills.length) return run
  const seller = await settingValue(tx, 'BILLS_SELLER_COUNTRY')
  const settings = await taxSettings(tx)
  const buyers = await taxBuyersOf(tx, [...new Set(run.bills.map((bill) => bill.accountId))])
  const home: TaxBuyer = { country: '', kind: 'CONSUMER', vat: 'unknown' }
  return {
    ...run,
    bills: run.bills.map((bill) => {
      const buyer = buyers.get(bill.accountId) ?? home
      return {
        ...bill,
        lines: bill.lines.map((line) => ({
          ...line,
          tax: lineTax({ seller, buyer, serviceRate: line.tax, settings }).rate,
        })),
      }
    }),
  }
}

/** The mention a bill to this buyer prints under its totals (reverse charge, outside the EU). */
export async function taxNoteFor(tx: Tx, buyer: TaxBuyer): Promise<string> {
  const seller = await settingValue(tx, 'BILLS_SELLER_COUNTRY')
  // The mention depends on who sells and buys, not on the rate: any rate gives the same one.
  return lineTax({ seller, buyer, serviceRate: ZERO, settings: await taxSettings(tx) }).note
}
