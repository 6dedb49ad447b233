import { Badge, Group, Text } from '@mantine/core'
import { IconAlertTriangle, IconShieldCheck } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import type { Server } from '../../../../../src-shared/schemas/orchestration'
import badge from '../common/badge.module.css'

/** Whether scripts may go to this server: only once its host key was seen and accepted. */
interface HostKeyStateProps {
  server: Server
  /** Beside the server's name, where no column header says what is (not) accepted. */
  standalone?: boolean
}

export function HostKeyState({ server, standalone }: HostKeyStateProps) {
  const { t } = useTranslation()
  if (server.method === 'local') {
    if (standalone) return null
    return (
      <Text size="sm" c="dimmed">
        {t('hostKey.notNeeded')}
      </Text>
    )
  }
  if (!server.hostKeyFingerprint) {
    return (
      <Badge
        className={badge.whole}
        color="orange"
        variant="light"
        leftSection={<IconAlertTriangle size={12} />}
      >
        {standalone ? t('hostKey.notAcceptedLong') : t('hostKey.notAccepted')}
      </Badge>
    )
  }

  if (standalone) return null
  return (
    <Group gap={6} wrap="nowrap">
      <IconShieldCheck size={16} color="var(--mantine-color-teal-6)" aria-hidden />
      <Text size="xs" ff="monospace" title={server.hostKeyFingerprint} truncate maw={200}>
        {t('hostKey.acceptedShort', { fingerprint: server.hostKeyFingerprint })}
      </Text>
    </Group>
  )
}
