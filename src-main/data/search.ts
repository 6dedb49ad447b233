import { and, asc, eq, sql, type SQL } from 'drizzle-orm'
import type { SQLiteColumn, SQLiteTable } from 'drizzle-orm/sqlite-core'
import type { SearchHit } from '../../src-shared/schemas/search'
import { contactDisplayName } from '../../src-shared/schemas/contacts'
import type { ObjectType } from '../../src-shared/schemas/history'
import type { Tx } from '../db/store'
import {
  accounts,
  contacts,
  domains,
  mailAddresses,
  mailboxes,
  mailingLists,
  miscellaneous,
  miscServices,
  sqlDatabases,
  sqlUsers,
  systemUsers,
  vps,
  webapps,
  websites,
} from '../db/schema'
import { toContact } from './contacts'
import { contains, containsName, searchWords } from './sql'

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
  // One after another: a transaction is one connection, which runs one query at a time.
  const services: SearchHit[][] = []
  for (const kind of SERVICES) services.push(await searchService(tx, kind, words, limit))
  return [
    ...(await searchAccounts(tx, words, limit)),
    ...(await searchContacts(tx, words, limit)),
    ...services.flat(),
  ]
}

/** A kind of service object the palette finds by name, shown with its account's username. */
interface ServiceKind {
  objectType: ObjectType
  table: SQLiteTable
  id: SQLiteColumn
  accountId: SQLiteColumn
  /** What is shown and searched: the name, or an expression over the row and its joins. */
  title: SQLiteColumn | SQL
  /** Searched besides the title, e.g. a domain's name as typed. */
  alsoSearched?: SQL
  join?: { table: SQLiteTable; on: SQL }
}

/** An item without an identifier is named by its service and id, as everywhere else. */
const MISCELLANEOUS_TITLE = sql<string>`COALESCE(${miscellaneous.identifier},
  ${miscServices.name} || ' #' || ${miscellaneous.id})`

const SERVICES: readonly ServiceKind[] = [
  {
    objectType: 'domain',
    table: domains,
    id: domains.id,
    accountId: domains.accountId,
    title: domains.name,
    alsoSearched: sql`${domains.displayName}`,
  },
  {
    objectType: 'systemUser',
    table: systemUsers,
    id: systemUsers.id,
    accountId: systemUsers.accountId,
    title: systemUsers.username,
  },
  {
    objectType: 'mailbox',
    table: mailboxes,
    id: mailboxes.id,
    accountId: mailboxes.accountId,
    title: mailboxes.name,
  },
  {
    objectType: 'mailAddress',
    table: mailAddresses,
    id: mailAddresses.id,
    accountId: mailAddresses.accountId,
    title: sql<string>`${mailAddresses.name} || '@' || ${domains.name}`,
    join: { table: domains, on: eq(domains.id, mailAddresses.domainId) },
  },
  {
    objectType: 'mailingList',
    table: mailingLists,
    id: mailingLists.id,
    accountId: mailingLists.accountId,
    title: mailingLists.name,
    // `news` finds the list answering at news@example.org.
    alsoSearched: sql`${mailingLists.addressName}`,
  },
  {
    objectType: 'sqlDatabase',
    table: sqlDatabases,
    id: sqlDatabases.id,
    accountId: sqlDatabases.accountId,
    title: sqlDatabases.name,
  },
  {
    objectType: 'sqlUser',
    table: sqlUsers,
    id: sqlUsers.id,
    accountId: sqlUsers.accountId,
    title: sqlUsers.username,
  },
  {
    objectType: 'webapp',
    table: webapps,
    id: webapps.id,
    accountId: webapps.accountId,
    title: webapps.name,
  },
  {
    objectType: 'website',
    table: websites,
    id: websites.id,
    accountId: websites.accountId,
    title: websites.name,
  },
  {
    objectType: 'vps',
    table: vps,
    id: vps.id,
    accountId: vps.accountId,
    title: vps.hostname,
  },
  {
    objectType: 'miscellaneous',
    table: miscellaneous,
    id: miscellaneous.id,
    accountId: miscellaneous.accountId,
    title: MISCELLANEOUS_TITLE,
    join: { table: miscServices, on: eq(miscServices.id, miscellaneous.serviceId) },
  },
]

async function searchService(
  tx: Tx,
  kind: ServiceKind,
  words: string[],
  limit: number,
): Promise<SearchHit[]> {
  // Service names are stored in lower case, so the lower-cased words match them on both
  // dialects; the account's username is searched too, so `ana` finds ana's mailboxes.
  const extra = kind.alsoSearched ? sql` || ' ' || ${kind.alsoSearched}` : sql``
  const haystack = sql`(${kind.title}${extra} || ' ' || ${accounts.username})`
  let query = tx
    .select({
      id: kind.id,
      title: sql<string>`${kind.title}`,
      accountId: kind.accountId,
      username: accounts.username,
    })
    .from(kind.table)
    .innerJoin(accounts, eq(accounts.id, kind.accountId))
    .$dynamic()
  if (kind.join) query = query.innerJoin(kind.join.table, kind.join.on)
  const rows = await query
    .where(and(...words.map((word) => containsName(haystack, word))))
    .orderBy(asc(sql`${kind.title}`))
    .limit(limit)
  return rows.map((row) => ({
    objectType: kind.objectType,
    id: Number(row.id),
    title: String(row.title),
    subtitle: String(row.username),
    accountId: Number(row.accountId),
  }))
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
