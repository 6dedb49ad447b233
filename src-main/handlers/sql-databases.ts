import type { Channels } from '../../src-shared/contract/channels'
import * as reads from '../data/sql-databases'
import * as writes from '../data/sql-writes'
import type { HandlerTable } from './types'

type SqlChannels = Extract<keyof Channels, `sqlDatabases:${string}` | `sqlUsers:${string}`>

export const sqlDatabaseHandlers: HandlerTable<SqlChannels> = {
  'sqlDatabases:list': (request, { tx }) => reads.listSqlDatabases(tx, request),
  'sqlDatabases:get': ({ id }, { tx }) => reads.getSqlDatabaseDetail(tx, id),
  'sqlDatabases:create': (request, scope) => writes.createSqlDatabase(scope, request),
  'sqlDatabases:update': (request, scope) => writes.updateSqlDatabase(scope, request),
  'sqlDatabases:delete': async ({ ids }, scope) => ({
    deleted: await writes.deleteSqlDatabases(scope, ids),
  }),

  'sqlUsers:list': (request, { tx }) => reads.listSqlUsers(tx, request),
  'sqlUsers:get': ({ id }, { tx }) => reads.getSqlUserDetail(tx, id),
  'sqlUsers:create': (request, scope) => writes.createSqlUser(scope, request),
  'sqlUsers:update': (request, scope) => writes.updateSqlUser(scope, request),
  'sqlUsers:delete': async ({ ids }, scope) => ({
    deleted: await writes.deleteSqlUsers(scope, ids),
  }),
}
