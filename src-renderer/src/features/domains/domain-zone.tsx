import { Button, Code, CopyButton, Group, Paper, Stack, Text, Title } from '@mantine/core'
import { IconCheck, IconCopy } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import type { DomainDetail } from '../../../../src-shared/schemas/domains'

function CopyZone({ zone }: { zone: string }) {
  const { t } = useTranslation()
  return (
    <CopyButton value={zone}>
      {({ copied, copy }) => (
        <Button
          size="xs"
          variant="light"
          color={copied ? 'teal' : undefined}
          leftSection={copied ? <IconCheck size={14} /> : <IconCopy size={14} />}
          onClick={copy}
        >
          {copied ? t('domain.zoneCopied') : t('domain.zoneCopy')}
        </Button>
      )}
    </CopyButton>
  )
}

/** The zone text of the domain's origin, exactly as BIND will load it. */
export function DomainZone({ detail }: { detail: DomainDetail }) {
  const { t } = useTranslation()
  const { domain } = detail
  const lines = detail.zone.trimEnd().split('\n').length

  return (
    <Paper withBorder p="lg" component="section" aria-label={t('domain.zoneTitle')}>
      <Stack gap="md">
        <Group justify="space-between">
          <Title order={4}>{t('domain.zoneTitle')}</Title>
          <CopyZone zone={detail.zone} />
        </Group>
        <Text size="sm" c="dimmed">
          {domain.topId !== null ? `${t('domain.zoneOf')} ` : ''}
          {t('domain.zoneHint', { count: lines })}
        </Text>
        <Code
          block
          aria-label={t('domain.zoneText')}
          style={{ whiteSpace: 'pre', overflowX: 'auto' }}
        >
          {detail.zone}
        </Code>
      </Stack>
    </Paper>
  )
}
