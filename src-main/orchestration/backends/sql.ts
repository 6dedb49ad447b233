import type { AnyBackend } from '../backend'

/** The backends of MySQL/MariaDB and PostgreSQL (spec 4). */
export const SQL_BACKENDS: readonly AnyBackend[] = []
