import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core'
import { useDisclosure } from '@mantine/hooks'
import { IconKey } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import type { Server } from '../../../../../src-shared/schemas/orchestration'
import { InstallKeyModal } from '../keys/install-key-modal'

/** Which key opens this server, and a way to put one on it with a one-time password. */
export function SshAccessPanel({ server }: { server: Server }) {
  const { t } = useTranslation()
  const [opened, { open, close }] = useDisclosure(false)

  return (
    <Paper withBorder p="lg" component="section" aria-label={t('server.accessTitle')}>
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={4}>{t('server.accessTitle')}</Title>
          <Button
            variant="light"
            size="xs"
            leftSection={<IconKey size={14} />}
            onClick={open}
            disabled={!server.hostKeyFingerprint}
          >
            {t('keys.install')}
          </Button>
        </Group>
        <Text size="sm" c={server.keyLabel ? undefined : 'orange'}>
          {server.keyLabel
            ? t('server.usesKey', { label: server.keyLabel, user: server.sshUser })
            : t('server.noKeyBody')}
        </Text>
        {!server.hostKeyFingerprint && (
          <Text size="sm" c="dimmed">
            {t('server.acceptFirst')}
          </Text>
        )}
      </Stack>
      <InstallKeyModal opened={opened} onClose={close} server={server} />
    </Paper>
  )
}
