import { asc } from 'drizzle-orm'
import type { ObjectType } from '../../src-shared/schemas/history'
import { accounts, contacts, domains } from '../db/schema'
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
    default:
      return []
  }
}
