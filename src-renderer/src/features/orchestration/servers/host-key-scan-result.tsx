import { Alert, Button, Code, Group, Stack, Text } from '@mantine/core'
import { IconAlertOctagon, IconCircleCheck, IconShieldQuestion } from '@tabler/icons-react'
import { Trans, useTranslation } from 'react-i18next'
import type { HostKeyScan } from '../../../../../src-shared/schemas/orchestration'
import { Fingerprint } from '../common/fingerprint'
import { useReadOnly } from '../../../hooks/use-read-only'

interface HostKeyScanResultProps {
  scan: HostKeyScan
  accepting: boolean
  onAccept: () => void
}

/** The command that prints the same fingerprint on the server, for its type of key. */
function keygenCommand(keyType: string): string {
  const file = keyType.replace(/^ssh-/, '').replace(/^ecdsa-sha2-nistp\d+$/, 'ecdsa')
  return `ssh-keygen -lf /etc/ssh/ssh_host_${file}_key.pub`
}

function OfferedKey({ scan, color }: { scan: HostKeyScan; color?: string }) {
  const { t } = useTranslation()
  return (
    <Stack gap={6}>
      <Group gap="xs">
        <Text size="sm" fw={600}>
          {t('hostKey.offered')}
        </Text>
        <Code>{scan.keyType}</Code>
      </Group>
      <Fingerprint value={scan.fingerprint} color={color} />
      <Text size="sm">
        <Trans
          i18nKey="hostKey.compare"
          values={{ command: keygenCommand(scan.keyType) }}
          components={{ code: <Code /> }}
        />
      </Text>
    </Stack>
  )
}

/** The key just fetched: new, the same as accepted, or changed (which may be an attack). */
export function HostKeyScanResult({ scan, accepting, onAccept }: HostKeyScanResultProps) {
  const { t } = useTranslation()
  const readOnly = useReadOnly()
  const changed = scan.accepted !== null && scan.accepted !== scan.fingerprint

  if (scan.accepted === scan.fingerprint) {
    return (
      <Alert color="teal" icon={<IconCircleCheck />} title={t('hostKey.sameTitle')}>
        <OfferedKey scan={scan} />
      </Alert>
    )
  }

  return (
    <Alert
      color={changed ? 'red' : 'blue'}
      icon={changed ? <IconAlertOctagon /> : <IconShieldQuestion />}
      title={changed ? t('hostKey.changedTitle') : t('hostKey.newTitle')}
      role={changed ? 'alert' : undefined}
    >
      <Stack gap="sm">
        {changed && (
          <>
            <Text size="sm">{t('hostKey.changedBody')}</Text>
            <Stack gap={4}>
              <Text size="sm" fw={600}>
                {t('hostKey.previouslyAccepted')}
              </Text>
              <Fingerprint value={scan.accepted!} color="red" />
            </Stack>
          </>
        )}
        <OfferedKey scan={scan} color={changed ? 'red' : undefined} />
        <Group>
          <Button
            color={changed ? 'red' : undefined}
            loading={accepting}
            onClick={onAccept}
            disabled={readOnly}
          >
            {changed ? t('hostKey.acceptChanged') : t('hostKey.accept')}
          </Button>
        </Group>
      </Stack>
    </Alert>
  )
}
