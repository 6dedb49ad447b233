import type { ObjectType } from '../../../src-shared/schemas/history'
import { i18next } from '../i18n'
import { toUnicodeName } from './domain-unicode'

/** Where each kind of object has its page, for links from lists, the palette and previews. */
const PAGES: Partial<Record<ObjectType, (id: number) => string>> = {
  account: (id) => `/accounts/${id}`,
  contact: (id) => `/contacts/${id}`,
  domain: (id) => `/services/domains/${id}`,
  systemUser: (id) => `/services/system-users/${id}`,
  mailbox: (id) => `/services/mailboxes/${id}`,
  mailAddress: (id) => `/services/mail-addresses/${id}`,
  sqlDatabase: (id) => `/services/databases/${id}`,
  sqlUser: (id) => `/services/databases/users/${id}`,
  webapp: (id) => `/services/webapps/${id}`,
  website: (id) => `/services/websites/${id}`,
  certificate: (id) => `/services/certificates/${id}`,
  mailingList: (id) => `/services/mailing-lists/${id}`,
  saasTenant: (id) => `/services/saas/${id}`,
  vps: (id) => `/services/vps/${id}`,
  miscellaneous: (id) => `/services/miscellaneous/${id}`,
  server: (id) => `/servers/${id}`,
  route: (id) => `/routes/${id}/edit`,
  sshKey: () => '/keys',
  setting: () => '/settings',
  bill: (id) => `/billing/bills/${id}`,
  paymentProcess: (id) => `/billing/processes/${id}`,
}

export function objectPath(kind: string, id: number): string | undefined {
  return PAGES[kind as ObjectType]?.(id)
}

/** The kind in words ("Mail address"), as the history names it. */
export function objectKindLabel(kind: string): string {
  const key = `history.objectTypes.${kind}`
  return i18next.exists(key) ? i18next.t(key as never) : kind
}

/**
 * An object's name as people read it: domain names, and the domain of an address, in Unicode;
 * everything else as stored.
 */
export function objectDisplayName(kind: string, name: string): string {
  if (kind === 'domain') return toUnicodeName(name)
  if (kind !== 'mailAddress') return name
  const at = name.lastIndexOf('@')
  return at < 0 ? name : `${name.slice(0, at)}@${toUnicodeName(name.slice(at + 1))}`
}
