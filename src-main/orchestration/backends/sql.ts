import type { AnyBackend } from '../backend'
import { mysqlDatabaseBackend, mysqlUserBackend } from './mysql'
import { postgresqlDatabaseBackend, postgresqlUserBackend } from './postgresql'

// TODO(#7): the MySQL disk monitor of spec 4.3 (du of the database's directory, inserts refused
// above the quota) is not here: the panel has no resource monitors yet.

/**
 * The backends of MySQL/MariaDB and PostgreSQL (spec 4). Users come before databases, so that
 * a route list read in this order shows logins before the grants that need them.
 */
export const SQL_BACKENDS: readonly AnyBackend[] = [
  mysqlUserBackend,
  mysqlDatabaseBackend,
  postgresqlUserBackend,
  postgresqlDatabaseBackend,
]
