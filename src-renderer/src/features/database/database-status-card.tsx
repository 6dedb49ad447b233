import { Alert, Badge, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core'
import { IconLock } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import type { DatabaseStatus } from '../../../../src-shared/schemas/database'

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <Stack gap={2}>
      <Text size="xs" c="dimmed" fw={600} tt="uppercase">
        {label}
      </Text>
      {children}
    </Stack>
  )
}

/** The database this workstation works on now, and what decides which one opens. */
export function DatabaseStatusCard({ status }: { status: DatabaseStatus }) {
  const { t } = useTranslation()
  const title = t('database.status.title')
  const { keychain } = status

  return (
    <Paper withBorder p="lg" component="section" aria-label={title}>
      <Stack gap="md">
        <Title order={4}>{title}</Title>
        <SimpleGrid cols={{ base: 1, sm: 4 }} spacing="lg">
          <Fact label={t('database.status.kind')}>
            <Group>
              <Badge
                variant="light"
                color={status.kind === 'postgres' ? 'grape' : 'teal'}
                tt="none"
              >
                {t(`header.databaseKind.${status.kind}`)}
              </Badge>
            </Group>
          </Fact>
          <Fact label={t('database.status.source')}>
            <Text size="sm">{t(`database.sources.${status.source}`)}</Text>
          </Fact>
          <Fact label={t('database.status.keychain')}>
            <Text size="sm" c={keychain.available ? undefined : 'orange'}>
              {keychain.available
                ? t('database.status.keychainAvailable')
                : t('database.status.keychainUnavailable', { reason: keychain.reason ?? '' })}
            </Text>
          </Fact>
        </SimpleGrid>
        <Fact label={t('database.status.location')}>
          <Text size="sm" ff="monospace" style={{ wordBreak: 'break-all' }}>
            {status.location}
          </Text>
        </Fact>
        {status.locked && (
          <Alert color="blue" variant="light" icon={<IconLock size={18} />}>
            {t(`database.status.locked.${status.source === 'flag' ? 'flag' : 'environment'}`)}
          </Alert>
        )}
      </Stack>
    </Paper>
  )
}
