import { asc } from 'drizzle-orm'
import type { SQLiteColumn, SQLiteTable } from 'drizzle-orm/sqlite-core'
import type { ObjectType } from '../../src-shared/schemas/history'
import * as schema from '../db/schema'
import type { Tx } from '../db/store'

/** The table of each model a backend can serve; settings, keys and routes have none. */
const TABLES: Partial<Record<ObjectType, SQLiteTable & { id: SQLiteColumn }>> = {
  account: schema.accounts,
  contact: schema.contacts,
  domain: schema.domains,
  systemUser: schema.systemUsers,
  sqlDatabase: schema.sqlDatabases,
  sqlUser: schema.sqlUsers,
  mailbox: schema.mailboxes,
  mailAddress: schema.mailAddresses,
  webapp: schema.webapps,
  website: schema.websites,
  certificate: schema.certificates,
  mailingList: schema.mailingLists,
  saasTenant: schema.saasTenants,
  vps: schema.vps,
  miscellaneous: schema.miscellaneous,
}

/** Every id of a model, oldest first: what `orchestrate` sends again. */
export async function allIdsOf(tx: Tx, model: ObjectType): Promise<number[]> {
  const table = TABLES[model]
  if (!table) return []
  const rows = await tx.select({ id: table.id }).from(table).orderBy(asc(table.id))
  return rows.map((row) => row.id as number)
}
