import type { AnyBackend } from '../backend'
import { accountFileBackend } from './account-file'
import { bind9MasterBackend, bind9SlaveBackend } from './bind9'
import { MAIL_BACKENDS } from './mail'
import { SQL_BACKENDS } from './sql'
import { SYSTEM_USER_BACKENDS } from './system-users'
import { WEBAPP_BACKENDS } from './webapps'
import { WEBSITE_BACKENDS } from './websites'
import { CONTENT_BACKENDS } from './contents'
import { CERTIFICATE_BACKENDS } from './certificates'
import { MAILING_LIST_BACKENDS } from './mailing-lists'
import { OTHER_SERVICE_BACKENDS } from './other-services'
import { SAAS_BACKENDS } from './saas'

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
  ...WEBAPP_BACKENDS,
  ...WEBSITE_BACKENDS,
  ...CONTENT_BACKENDS,
  ...CERTIFICATE_BACKENDS,
  ...MAILING_LIST_BACKENDS,
  ...OTHER_SERVICE_BACKENDS,
  ...SAAS_BACKENDS,
]

const byId = new Map(BACKENDS.map((backend) => [backend.id, backend]))

export function findBackend(id: string): AnyBackend | undefined {
  return byId.get(id)
}
