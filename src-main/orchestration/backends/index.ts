import type { AnyBackend } from '../backend'
import { accountFileBackend } from './account-file'
import { bind9MasterBackend, bind9SlaveBackend } from './bind9'
import { MAIL_BACKENDS } from './mail'
import { SQL_BACKENDS } from './sql'
import { SYSTEM_USER_BACKENDS } from './system-users'

/**
 * Every installed backend, by id. The service catalogue adds its own here; a route whose
 * backend is no longer listed is kept and shown as not available.
 */
export const BACKENDS: readonly AnyBackend[] = [
  accountFileBackend,
  bind9MasterBackend,
  bind9SlaveBackend,
  ...SYSTEM_USER_BACKENDS,
  ...MAIL_BACKENDS,
  ...SQL_BACKENDS,
]

const byId = new Map(BACKENDS.map((backend) => [backend.id, backend]))

export function findBackend(id: string): AnyBackend | undefined {
  return byId.get(id)
}
