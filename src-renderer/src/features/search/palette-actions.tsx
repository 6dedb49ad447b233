import type { SpotlightActionGroupData, SpotlightActionData } from '@mantine/spotlight'
import {
  IconAddressBook,
  IconHistory,
  IconSettings,
  IconUser,
  IconUserPlus,
  IconUsers,
  type Icon,
} from '@tabler/icons-react'
import type { SearchHit } from '../../../../src-shared/schemas/search'
import { i18next } from '../../i18n'
import { DASHBOARD_ITEM } from '../../layout/nav-items'

type Navigate = (to: string) => void

function hitPath(hit: SearchHit): string {
  if (hit.objectType === 'contact') return `/contacts/${hit.id}`
  return hit.objectType === 'account' ? `/accounts/${hit.id}` : '/settings'
}

/** Server hits, grouped by kind of object in the order the server ranked them. */
export function hitGroups(hits: SearchHit[], navigate: Navigate): SpotlightActionGroupData[] {
  const groups = new Map<string, SpotlightActionData[]>()
  for (const hit of hits) {
    const group = i18next.t(`palette.groups.${hit.objectType}`)
    const Icon = hit.objectType === 'account' ? IconUser : IconAddressBook
    const actions = groups.get(group) ?? []
    actions.push({
      id: `${hit.objectType}-${hit.id}`,
      label: hit.title,
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
    ['nav-accounts', '/accounts', IconUsers],
    ['nav-contacts', '/contacts', IconAddressBook],
    ['nav-history', '/history', IconHistory],
    ['nav-settings', '/settings', IconSettings],
    ['nav-dashboard', DASHBOARD_ITEM.to, DASHBOARD_ITEM.icon],
  ]
  const labels: Record<string, string> = {
    'nav-new-account': i18next.t('palette.newAccount'),
    'nav-accounts': i18next.t('nav.accounts'),
    'nav-contacts': i18next.t('nav.contacts'),
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
