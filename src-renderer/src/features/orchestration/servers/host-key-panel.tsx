import { Alert, Button, Group, Paper, Stack, Text, Title } from '@mantine/core'
import { IconKey, IconShieldCheck, IconShieldX } from '@tabler/icons-react'
import { Trans, useTranslation } from 'react-i18next'
import type { HostKeyScan, Server } from '../../../../../src-shared/schemas/orchestration'
import { useChannelMutation } from '../../../api/queries'
import { notifyFailure, notifySuccess } from '../../../lib/notify'
import { HostKeyScanResult } from './host-key-scan-result'
import { Fingerprint } from '../common/fingerprint'

function AcceptedKey({ server }: { server: Server }) {
  const { t } = useTranslation()
  if (!server.hostKeyFingerprint) {
    return (
      <Alert color="orange" icon={<IconShieldX />} title={t('hostKey.notAcceptedTitle')}>
        {t('hostKey.notAcceptedBody')}
      </Alert>
    )
  }
  return (
    <Stack gap={4}>
      <Group gap="xs" wrap="nowrap">
        <IconShieldCheck size={18} color="var(--mantine-color-teal-6)" aria-hidden />
        <Text size="sm" fw={600}>
          {t('hostKey.acceptedLabel', { type: server.hostKeyType ?? '' })}
        </Text>
      </Group>
      <Fingerprint value={server.hostKeyFingerprint} />
    </Stack>
  )
}

/**
 * Trust on first use, made explicit: the operator fetches the key the server offers, compares
 * it with what the server itself prints, and only then accepts it. Scripts never go to a
 * server whose key is not the accepted one.
 */
export function HostKeyPanel({ server }: { server: Server }) {
  const { t } = useTranslation()
  const scan = useChannelMutation('servers:scanHostKey')
  const accept = useChannelMutation('servers:acceptHostKey')
  const scanned: HostKeyScan | undefined = scan.data?.serverId === server.id ? scan.data : undefined

  const handleScan = () =>
    scan.mutate({ id: server.id }, { onError: (error) => notifyFailure(t('hostKey.fetch'), error) })

  const handleAccept = (fingerprint: string) =>
    accept.mutate(
      { id: server.id, fingerprint },
      {
        onSuccess: () => {
          scan.reset()
          notifySuccess(t('hostKey.acceptedDone', { name: server.name }))
        },
        onError: (error) => notifyFailure(t('hostKey.accept'), error),
      },
    )

  return (
    <Paper withBorder p="lg" component="section" aria-label={t('hostKey.title')}>
      <Stack gap="md">
        <Group justify="space-between">
          <Title order={4}>{t('hostKey.title')}</Title>
          <Button
            variant="light"
            size="xs"
            leftSection={<IconKey size={14} />}
            loading={scan.isPending}
            onClick={handleScan}
          >
            {t('hostKey.fetch')}
          </Button>
        </Group>
        {/* A fetched key is shown beside what was accepted, so this would only repeat it. */}
        {!scanned && <AcceptedKey server={server} />}
        {scanned && (
          <HostKeyScanResult
            scan={scanned}
            accepting={accept.isPending}
            onAccept={() => handleAccept(scanned.fingerprint)}
          />
        )}
        {!scanned && (
          <Text size="sm" c="dimmed">
            <Trans i18nKey="hostKey.howTo" components={{ code: <code /> }} />
          </Text>
        )}
      </Stack>
    </Paper>
  )
}
