import type { SpotlightActionGroupData, SpotlightActionData } from '@mantine/spotlight'
import {
  IconAddressBook,
  IconAt,
  IconBuildingBank,
  IconBuildingStore,
  IconDatabase,
  IconDatabasePlus,
  IconFileCode,
  IconHistory,
  IconListDetails,
  IconMail,
  IconMailPlus,
  IconMessages,
  IconPackage,
  IconPlayerPlay,
  IconReceipt,
  IconServer,
  IconServer2,
  IconSettings,
  IconShoppingCart,
  IconTags,
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
import { objectDisplayName, objectPath } from '../../lib/service-objects'
import { DASHBOARD_ITEM } from '../../layout/nav-items'

type Navigate = (to: string) => void

/** Each kind of hit's icon. */
const HIT_ICONS: Partial<Record<ObjectType, Icon>> = {
  account: IconUser,
  contact: IconAddressBook,
  domain: IconWorld,
  systemUser: IconTerminal2,
  mailbox: IconMail,
  mailAddress: IconAt,
  sqlDatabase: IconDatabase,
  sqlUser: IconUserShield,
  mailingList: IconMessages,
  vps: IconServer2,
  miscellaneous: IconPackage,
  bill: IconReceipt,
  transaction: IconBuildingBank,
  paymentProcess: IconFileCode,
}

/** Server hits, grouped by kind of object in the order the server ranked them. */
export function hitGroups(hits: SearchHit[], navigate: Navigate): SpotlightActionGroupData[] {
  const groups = new Map<string, SpotlightActionData[]>()
  for (const hit of hits) {
    const group = i18next.t(`palette.groups.${hit.objectType}`)
    const Icon = HIT_ICONS[hit.objectType] ?? IconSettings
    const actions = groups.get(group) ?? []
    actions.push({
      id: `${hit.objectType}-${hit.id}`,
      label: objectDisplayName(hit.objectType, hit.title),
      description: hit.subtitle,
      leftSection: <Icon size={20} stroke={1.5} />,
      onClick: () => navigate(objectPath(hit.objectType, hit.id) ?? '/settings'),
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
    ['nav-new-mailbox', '/services/mailboxes/new', IconMailPlus],
    ['nav-new-database', '/services/databases/new', IconDatabasePlus],
    ['nav-new-systemUser', '/services/system-users/new', IconTerminal2],
    ['nav-accounts', '/accounts', IconUsers],
    ['nav-contacts', '/contacts', IconAddressBook],
    ['nav-domains', '/services/domains', IconWorld],
    ['nav-mailboxes', '/services/mailboxes', IconMail],
    ['nav-databases', '/services/databases', IconDatabase],
    ['nav-systemUsers', '/services/system-users', IconTerminal2],
    ['nav-billing-services', '/billing/services', IconBuildingStore],
    ['nav-new-billing-service', '/billing/services/new', IconBuildingStore],
    ['nav-plans', '/billing/plans', IconTags],
    ['nav-orders', '/billing/orders', IconShoppingCart],
    ['nav-bills', '/billing/bills', IconReceipt],
    ['nav-run-billing', '/billing/run', IconPlayerPlay],
    ['nav-transactions', '/billing/transactions', IconBuildingBank],
    ['nav-processes', '/billing/processes', IconFileCode],
    ['nav-servers', '/servers', IconServer],
    ['nav-logs', '/logs', IconListDetails],
    ['nav-history', '/history', IconHistory],
    ['nav-settings', '/settings', IconSettings],
    ['nav-dashboard', DASHBOARD_ITEM.to, DASHBOARD_ITEM.icon],
  ]
  const labels: Record<string, string> = {
    'nav-new-account': i18next.t('palette.newAccount'),
    'nav-new-domain': i18next.t('palette.newDomain'),
    'nav-new-mailbox': i18next.t('palette.newMailbox'),
    'nav-new-database': i18next.t('palette.newDatabase'),
    'nav-new-systemUser': i18next.t('palette.newSystemUser'),
    'nav-accounts': i18next.t('nav.accounts'),
    'nav-contacts': i18next.t('nav.contacts'),
    'nav-domains': i18next.t('nav.domains'),
    'nav-mailboxes': i18next.t('nav.mailboxes'),
    'nav-databases': i18next.t('nav.databases'),
    'nav-systemUsers': i18next.t('nav.systemUsers'),
    'nav-billing-services': i18next.t('billing.palette.services'),
    'nav-new-billing-service': i18next.t('billing.palette.newService'),
    'nav-plans': i18next.t('billing.palette.plans'),
    'nav-orders': i18next.t('billing.palette.orders'),
    'nav-bills': i18next.t('nav.bills'),
    'nav-run-billing': i18next.t('bills.run.title'),
    'nav-transactions': i18next.t('nav.transactions'),
    'nav-processes': i18next.t('nav.processes'),
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
