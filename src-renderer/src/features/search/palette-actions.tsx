import type { SpotlightActionGroupData, SpotlightActionData } from '@mantine/spotlight'
import {
  IconAddressBook,
  IconAt,
  IconDatabase,
  IconHistory,
  IconListDetails,
  IconMail,
  IconServer,
  IconSettings,
  IconTerminal2,
  IconUser,
  IconUserPlus,
  IconUsers,
  IconUserShield,
  IconWorld,
  IconWorldPlus,
  type Icon,
} from '@tabler/icons-react'
import type { ObjectType } from '../../../../src-shared/schemas/history'
import type { SearchHit } from '../../../../src-shared/schemas/search'
import { i18next } from '../../i18n'
import { toUnicodeName } from '../../lib/domain-unicode'
import { DASHBOARD_ITEM } from '../../layout/nav-items'

type Navigate = (to: string) => void

/** Where a hit of each kind opens, and its icon. */
const HIT_KINDS: Partial<Record<ObjectType, { path: (id: number) => string; icon: Icon }>> = {
  account: { path: (id) => `/accounts/${id}`, icon: IconUser },
  contact: { path: (id) => `/contacts/${id}`, icon: IconAddressBook },
  domain: { path: (id) => `/services/domains/${id}`, icon: IconWorld },
  systemUser: { path: (id) => `/services/system-users/${id}`, icon: IconTerminal2 },
  mailbox: { path: (id) => `/services/mailboxes/${id}`, icon: IconMail },
  mailAddress: { path: (id) => `/services/mail-addresses/${id}`, icon: IconAt },
  sqlDatabase: { path: (id) => `/services/databases/${id}`, icon: IconDatabase },
  sqlUser: { path: (id) => `/services/databases/users/${id}`, icon: IconUserShield },
}

function hitPath(hit: SearchHit): string {
  return HIT_KINDS[hit.objectType]?.path(hit.id) ?? '/settings'
}

/** Domain names (and the domain part of addresses) read in Unicode, as everywhere else. */
function hitTitle(hit: SearchHit): string {
  if (hit.objectType === 'domain') return toUnicodeName(hit.title)
  if (hit.objectType !== 'mailAddress') return hit.title
  const at = hit.title.lastIndexOf('@')
  return `${hit.title.slice(0, at)}@${toUnicodeName(hit.title.slice(at + 1))}`
}

/** Server hits, grouped by kind of object in the order the server ranked them. */
export function hitGroups(hits: SearchHit[], navigate: Navigate): SpotlightActionGroupData[] {
  const groups = new Map<string, SpotlightActionData[]>()
  for (const hit of hits) {
    const group = i18next.t(`palette.groups.${hit.objectType}`)
    const Icon = HIT_KINDS[hit.objectType]?.icon ?? IconSettings
    const actions = groups.get(group) ?? []
    actions.push({
      id: `${hit.objectType}-${hit.id}`,
      label: hitTitle(hit),
      description: hit.subtitle,
      leftSection: <Icon size={20} stroke={1.5} />,
      onClick: () => navigate(hitPath(hit)),
    })
    groups.set(group, actions)
  }
  return [...groups].map(([group, actions]) => ({ group, actions }))
}

/** Places to go, offered before anything is typed and matched by name after. */
export function navigationGroup(query: string, navigate: Navigate): SpotlightActionGroupData {
  const places: [string, string, Icon][] = [
    ['nav-new-account', '/accounts/new', IconUserPlus],
    ['nav-new-domain', '/services/domains/new', IconWorldPlus],
    ['nav-accounts', '/accounts', IconUsers],
    ['nav-contacts', '/contacts', IconAddressBook],
    ['nav-domains', '/services/domains', IconWorld],
    ['nav-mailboxes', '/services/mailboxes', IconMail],
    ['nav-databases', '/services/databases', IconDatabase],
    ['nav-systemUsers', '/services/system-users', IconTerminal2],
    ['nav-servers', '/servers', IconServer],
    ['nav-logs', '/logs', IconListDetails],
    ['nav-history', '/history', IconHistory],
    ['nav-settings', '/settings', IconSettings],
    ['nav-dashboard', DASHBOARD_ITEM.to, DASHBOARD_ITEM.icon],
  ]
  const labels: Record<string, string> = {
    'nav-new-account': i18next.t('palette.newAccount'),
    'nav-new-domain': i18next.t('palette.newDomain'),
    'nav-accounts': i18next.t('nav.accounts'),
    'nav-contacts': i18next.t('nav.contacts'),
    'nav-domains': i18next.t('nav.domains'),
    'nav-mailboxes': i18next.t('nav.mailboxes'),
    'nav-databases': i18next.t('nav.databases'),
    'nav-systemUsers': i18next.t('nav.systemUsers'),
    'nav-servers': i18next.t('nav.servers'),
    'nav-logs': i18next.t('nav.logs'),
    'nav-history': i18next.t('nav.history'),
    'nav-settings': i18next.t('nav.settings'),
    'nav-dashboard': i18next.t('nav.dashboard'),
  }
  const needle = query.trim().toLowerCase()
  const actions = places
    .filter(([id]) => !needle || labels[id]!.toLowerCase().includes(needle))
    .map(([id, to, Icon]) => ({
      id,
      label: labels[id],
      leftSection: <Icon size={20} stroke={1.5} />,
      onClick: () => navigate(to),
    }))
  return { group: i18next.t('palette.groups.navigation'), actions }
}
