import { Button, Kbd } from '@mantine/core'
import { spotlight } from '@mantine/spotlight'
import { IconSearch } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { paletteShortcut } from '../lib/platform'

export function PaletteButton() {
  const { t } = useTranslation()

  return (
    <Button
      variant="default"
      leftSection={<IconSearch size={16} />}
      rightSection={<Kbd size="xs">{paletteShortcut()}</Kbd>}
      onClick={spotlight.open}
      c="dimmed"
      fw={400}
      w={220}
      justify="space-between"
    >
      {t('header.search')}
    </Button>
  )
}
