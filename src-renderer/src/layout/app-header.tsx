import { Burger, Group, Text, ThemeIcon } from '@mantine/core'
import { IconServer2 } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router-dom'
import { RunIndicator } from '../features/orchestration/runs/run-indicator'
import { DatabaseBadge } from './database-badge'
import { PaletteButton } from './palette-button'
import { ReadOnlyBadge } from './read-only-badge'
import { ThemeToggle } from './theme-toggle'

interface AppHeaderProps {
  navOpened: boolean
  onToggleNav: () => void
}

export function AppHeader({ navOpened, onToggleNav }: AppHeaderProps) {
  const { t } = useTranslation()

  return (
    <Group h="100%" px="md" justify="space-between" wrap="nowrap">
      <Group gap="sm" wrap="nowrap">
        <Burger
          opened={navOpened}
          onClick={onToggleNav}
          hiddenFrom="sm"
          size="sm"
          aria-label={t('nav.toggle')}
        />
        <Group
          gap={8}
          wrap="nowrap"
          c="inherit"
          td="none"
          renderRoot={(props) => <Link to="/" aria-label={t('app.productName')} {...props} />}
        >
          <ThemeIcon size="md" radius="md" variant="gradient">
            <IconServer2 size={16} />
          </ThemeIcon>
          <Text fw={700} size="lg">
            {t('app.name')}
          </Text>
        </Group>
        <DatabaseBadge />
        <ReadOnlyBadge />
        <RunIndicator />
      </Group>
      <Group gap="sm" wrap="nowrap">
        <PaletteButton />
        <ThemeToggle />
      </Group>
    </Group>
  )
}
