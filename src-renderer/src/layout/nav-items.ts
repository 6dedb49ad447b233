import {
  IconAddressBook,
  IconAppWindow,
  IconAt,
  IconBuildingBank,
  IconBuildingStore,
  IconCertificate,
  IconCloud,
  IconDatabase,
  IconDatabaseCog,
  IconFileCode,
  IconGauge,
  IconHistory,
  IconKey,
  IconListDetails,
  IconMail,
  IconMessages,
  IconPackage,
  IconReceipt,
  IconRoute,
  IconServer,
  IconServer2,
  IconSettings,
  IconShoppingCart,
  IconTags,
  IconTerminal2,
  IconUsers,
  IconWorld,
  IconWorldWww,
  type Icon,
} from '@tabler/icons-react'
import type en from '../i18n/en.json'

type NavKey = `nav.${keyof typeof en.nav}`

export interface NavItem {
  to: string
  label: NavKey
  icon: Icon
}

export interface NavSection {
  label: NavKey
  items: NavItem[]
}

export const DASHBOARD_ITEM: NavItem = { to: '/', label: 'nav.dashboard', icon: IconGauge }

/** The product's areas, in the order operators work through them. */
export const NAV_SECTIONS: NavSection[] = [
  {
    label: 'nav.services',
    items: [
      { to: '/services/domains', label: 'nav.domains', icon: IconWorld },
      { to: '/services/mailboxes', label: 'nav.mailboxes', icon: IconMail },
      { to: '/services/mail-addresses', label: 'nav.mailAddresses', icon: IconAt },
      { to: '/services/mailing-lists', label: 'nav.mailingLists', icon: IconMessages },
      { to: '/services/websites', label: 'nav.websites', icon: IconWorldWww },
      { to: '/services/webapps', label: 'nav.webapps', icon: IconAppWindow },
      { to: '/services/certificates', label: 'nav.certificates', icon: IconCertificate },
      { to: '/services/saas', label: 'nav.saas', icon: IconCloud },
      { to: '/services/databases', label: 'nav.databases', icon: IconDatabase },
      { to: '/services/system-users', label: 'nav.systemUsers', icon: IconTerminal2 },
      { to: '/services/vps', label: 'nav.vps', icon: IconServer2 },
      { to: '/services/miscellaneous', label: 'nav.miscellaneous', icon: IconPackage },
    ],
  },
  {
    label: 'nav.accountsArea',
    items: [
      { to: '/accounts', label: 'nav.accounts', icon: IconUsers },
      { to: '/contacts', label: 'nav.contacts', icon: IconAddressBook },
    ],
  },
  {
    label: 'nav.billing',
    items: [
      { to: '/billing/bills', label: 'nav.bills', icon: IconReceipt },
      { to: '/billing/orders', label: 'nav.orders', icon: IconShoppingCart },
      { to: '/billing/services', label: 'nav.billingServices', icon: IconBuildingStore },
      { to: '/billing/plans', label: 'nav.plans', icon: IconTags },
      { to: '/billing/transactions', label: 'nav.transactions', icon: IconBuildingBank },
      { to: '/billing/processes', label: 'nav.processes', icon: IconFileCode },
    ],
  },
  {
    label: 'nav.administration',
    items: [
      { to: '/servers', label: 'nav.servers', icon: IconServer },
      { to: '/keys', label: 'nav.keys', icon: IconKey },
      { to: '/routes', label: 'nav.routes', icon: IconRoute },
      { to: '/logs', label: 'nav.logs', icon: IconListDetails },
      { to: '/history', label: 'nav.history', icon: IconHistory },
      { to: '/database', label: 'nav.database', icon: IconDatabaseCog },
      { to: '/settings', label: 'nav.settings', icon: IconSettings },
    ],
  },
]

export function isNavItemActive(pathname: string, item: NavItem): boolean {
  if (item.to === '/') return pathname === '/'
  return pathname === item.to || pathname.startsWith(`${item.to}/`)
}
