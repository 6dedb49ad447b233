import { asc } from 'drizzle-orm'
import type { ObjectType } from '../../src-shared/schemas/history'
import {
  accounts,
  contacts,
  domains,
  mailAddresses,
  mailboxes,
  sqlDatabases,
  sqlUsers,
  systemUsers,
} from '../db/schema'
import type { Tx } from '../db/store'

/** Every id of a model, oldest first: what `orchestrate` sends again. */
export async function allIdsOf(tx: Tx, model: ObjectType): Promise<number[]> {
  switch (model) {
    case 'account':
      return (await tx.select({ id: accounts.id }).from(accounts).orderBy(asc(accounts.id))).map(
        (r) => r.id,
      )
    case 'contact':
      return (await tx.select({ id: contacts.id }).from(contacts).orderBy(asc(contacts.id))).map(
        (r) => r.id,
      )
    case 'domain':
      return (await tx.select({ id: domains.id }).from(domains).orderBy(asc(domains.id))).map(
        (r) => r.id,
      )
    case 'systemUser':
      return (
        await tx.select({ id: systemUsers.id }).from(systemUsers).orderBy(asc(systemUsers.id))
      ).map((r) => r.id)
    case 'sqlDatabase':
      return (
        await tx.select({ id: sqlDatabases.id }).from(sqlDatabases).orderBy(asc(sqlDatabases.id))
      ).map((r) => r.id)
    case 'sqlUser':
      return (await tx.select({ id: sqlUsers.id }).from(sqlUsers).orderBy(asc(sqlUsers.id))).map(
        (r) => r.id,
      )
    case 'mailbox':
      return (await tx.select({ id: mailboxes.id }).from(mailboxes).orderBy(asc(mailboxes.id))).map(
        (r) => r.id,
      )
    case 'mailAddress':
      return (
        await tx.select({ id: mailAddresses.id }).from(mailAddresses).orderBy(asc(mailAddresses.id))
      ).map((r) => r.id)
    default:
      return []
  }
}
