import { and, asc, eq } from 'drizzle-orm'
import type { SearchHit } from '../../src-shared/schemas/search'
import { contactDisplayName } from '../../src-shared/schemas/contacts'
import type { Tx } from '../db/store'
import { accounts, contacts } from '../db/schema'
import { toContact } from './contacts'
import { contains, searchWords } from './sql'

/**
 * The command palette's search across object kinds. `ana!` means "the account named ana"
 * (spec: panel 11.5); other words must all appear in a hit's search text.
 */
export async function globalSearch(tx: Tx, q: string, limit: number): Promise<SearchHit[]> {
  if (q.endsWith('!')) {
    const exact = await exactAccount(tx, q.slice(0, -1).trim().toLowerCase())
    if (exact) return [exact]
  }
  const words = searchWords(q.replace(/!$/, ''))
  return [...(await searchAccounts(tx, words, limit)), ...(await searchContacts(tx, words, limit))]
}

async function exactAccount(tx: Tx, username: string): Promise<SearchHit | undefined> {
  const [row] = await tx.select().from(accounts).where(eq(accounts.username, username))
  return row && accountHit(row)
}

async function searchAccounts(tx: Tx, words: string[], limit: number): Promise<SearchHit[]> {
  const rows = await tx
    .select()
    .from(accounts)
    .where(and(...words.map((w) => contains(accounts.searchText, w))))
    .orderBy(asc(accounts.username))
    .limit(limit)
  return rows.map(accountHit)
}

function accountHit(row: typeof accounts.$inferSelect): SearchHit {
  return {
    objectType: 'account',
    id: row.id,
    title: row.username,
    subtitle: row.fullName,
    accountId: row.id,
  }
}

async function searchContacts(tx: Tx, words: string[], limit: number): Promise<SearchHit[]> {
  const rows = await tx
    .select()
    .from(contacts)
    .where(and(...words.map((w) => contains(contacts.searchText, w))))
    .orderBy(asc(contacts.shortName))
    .limit(limit)
  return rows.map((row) => {
    const contact = toContact(row)
    return {
      objectType: 'contact' as const,
      id: contact.id,
      title: contactDisplayName(contact),
      subtitle: contact.email,
      accountId: contact.accountId,
    }
  })
}
