import type { Page } from '../../schemas/common'
import {
  sqlDatabaseCreateSchema,
  sqlDatabaseListSchema,
  sqlDatabaseUpdateSchema,
  sqlDeleteSchema,
  sqlUserCreateSchema,
  sqlUserListSchema,
  sqlUserUpdateSchema,
  type SqlDatabaseDetail,
  type SqlDatabaseRow,
  type SqlUserDetail,
  type SqlUserRow,
} from '../../schemas/sql-databases'
import { byId, read, write } from '../define'

/** Databases and their users (spec 4): channels `sqlDatabases:*` and `sqlUsers:*`. */
export const sqlDatabaseChannels = {
  'sqlDatabases:list': read<Page<SqlDatabaseRow>>()(sqlDatabaseListSchema),
  'sqlDatabases:get': read<SqlDatabaseDetail>()(byId),
  /** With an existing user of the account or a new one, who becomes its owner. */
  'sqlDatabases:create': write<SqlDatabaseDetail>()(sqlDatabaseCreateSchema),
  /** Replaces the database's users as a set; removed users lose their grants. */
  'sqlDatabases:update': write<SqlDatabaseDetail>()(sqlDatabaseUpdateSchema),
  'sqlDatabases:delete': write<{ deleted: number }>()(sqlDeleteSchema),

  'sqlUsers:list': read<Page<SqlUserRow>>()(sqlUserListSchema),
  'sqlUsers:get': read<SqlUserDetail>()(byId),
  'sqlUsers:create': write<SqlUserDetail>()(sqlUserCreateSchema),
  /** Sets a new password: only its hash is kept and sent. */
  'sqlUsers:update': write<SqlUserDetail>()(sqlUserUpdateSchema),
  'sqlUsers:delete': write<{ deleted: number }>()(sqlDeleteSchema),
} as const
