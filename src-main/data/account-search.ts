import { eq } from 'drizzle-orm'
import type { Tx } from '../db/store'
import { accounts, contacts } from '../db/schema'
import { searchText } from './sql'

/**
 * Account search matches the username, names, email and the contacts' names (spec: panel
 * 2.11). They are folded into one stored column so that a search reads one table.
 */
export async function refreshAccountSearch(tx: Tx, accountId: number): Promise<void> {
  const [account] = await tx.select().from(accounts).where(eq(accounts.id, accountId))
  if (!account) return
  const names = await tx
    .select({ shortName: contacts.shortName, fullName: contacts.fullName })
    .from(contacts)
    .where(eq(contacts.accountId, accountId))
  const text = searchText([
    account.username,
    account.shortName,
    account.fullName,
    account.email,
    ...names.flatMap((n) => [n.shortName, n.fullName]),
  ])
  await tx.update(accounts).set({ searchText: text }).where(eq(accounts.id, accountId))
}
