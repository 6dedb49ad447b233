import { useEffect } from 'react'
import { AppShell } from '@mantine/core'
import { useDisclosure } from '@mantine/hooks'
import { Outlet, useLocation } from 'react-router-dom'
import { CommandPalette } from '../features/search/command-palette'
import { AppHeader } from './app-header'
import { AppNavbar } from './app-navbar'
import { ReadOnlyBanner } from './read-only-banner'

export function AppLayout() {
  const [navOpened, { toggle, close }] = useDisclosure(false)
  const { pathname } = useLocation()

  // On narrow windows the navbar covers the page; leave it once the user has chosen a page.
  useEffect(close, [pathname, close])

  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: 232, breakpoint: 'sm', collapsed: { mobile: !navOpened } }}
      padding="lg"
    >
      <AppShell.Header>
        <AppHeader navOpened={navOpened} onToggleNav={toggle} />
      </AppShell.Header>
      <AppShell.Navbar>
        <AppNavbar />
      </AppShell.Navbar>
      <AppShell.Main>
        <ReadOnlyBanner />
        <Outlet />
      </AppShell.Main>
      <CommandPalette />
    </AppShell>
  )
}
