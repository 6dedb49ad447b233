import { count, eq } from 'drizzle-orm'
import type { Channels } from '../../src-shared/contract/channels'
import { accounts, contacts, domains, mailboxes, sqlDatabases, systemUsers } from '../db/schema'
import { listHistory } from '../data/history'
import { globalSearch } from '../data/search'
import type { HandlerTable } from './types'

type AppChannels = Extract<
  keyof Channels,
  `app:${string}` | `history:${string}` | `search:${string}`
>

export const appHandlers: HandlerTable<AppChannels> = {
  'app:info': async (_request, { core }) => core.info,
  'app:dashboard': async (_request, { tx }) => {
    const [total] = await tx.select({ n: count() }).from(accounts)
    const [active] = await tx
      .select({ n: count() })
      .from(accounts)
      .where(eq(accounts.isActive, true))
    const [contactTotal] = await tx.select({ n: count() }).from(contacts)
    const rows = async (
      table: typeof domains | typeof mailboxes | typeof sqlDatabases | typeof systemUsers,
    ) => (await tx.select({ n: count() }).from(table))[0]?.n ?? 0
    const recent = await listHistory(tx, { pageSize: 10 })
    return {
      accounts: { total: total?.n ?? 0, active: active?.n ?? 0 },
      contacts: contactTotal?.n ?? 0,
      services: {
        domains: await rows(domains),
        mailboxes: await rows(mailboxes),
        databases: await rows(sqlDatabases),
        systemUsers: await rows(systemUsers),
      },
      recent: recent.rows,
    }
  },
  'history:list': (request, { tx }) => listHistory(tx, request),
  'search:global': ({ q, limit }, { tx }) => globalSearch(tx, q, limit),
}
