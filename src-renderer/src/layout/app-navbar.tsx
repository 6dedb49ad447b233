import { NavLink, ScrollArea, Stack, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { Link, useLocation } from 'react-router-dom'
import { DASHBOARD_ITEM, NAV_SECTIONS, isNavItemActive, type NavItem } from './nav-items'

function NavEntry({ item }: { item: NavItem }) {
  const { t } = useTranslation()
  const { pathname } = useLocation()
  const Icon = item.icon
  const active = isNavItemActive(pathname, item)

  return (
    <NavLink
      component={Link}
      to={item.to}
      label={t(item.label)}
      leftSection={<Icon size={18} stroke={1.6} />}
      active={active}
      aria-current={active ? 'page' : undefined}
    />
  )
}

export function AppNavbar() {
  const { t } = useTranslation()

  return (
    <ScrollArea component="nav" aria-label={t('nav.label')} p="xs" h="100%">
      <NavEntry item={DASHBOARD_ITEM} />
      {NAV_SECTIONS.map((section) => (
        <Stack key={section.label} gap={0} mt="md">
          <Text size="xs" fw={700} c="dimmed" tt="uppercase" px="sm" mb={4}>
            {t(section.label)}
          </Text>
          {section.items.map((item) => (
            <NavEntry key={item.to} item={item} />
          ))}
        </Stack>
      ))}
    </ScrollArea>
  )
}
