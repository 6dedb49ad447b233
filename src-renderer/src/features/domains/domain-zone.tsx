import { Code, Paper, Stack, Text, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { DomainDetail } from '../../../../src-shared/schemas/domains'

/** The zone text of the domain's origin, exactly as BIND will load it. */
export function DomainZone({ detail }: { detail: DomainDetail }) {
  const { t } = useTranslation()
  const { domain } = detail

  return (
    <Paper withBorder p="lg" component="section" aria-label={t('domain.zoneTitle')}>
      <Stack gap="md">
        <Title order={4}>{t('domain.zoneTitle')}</Title>
        {domain.topId !== null && (
          <Text size="sm" c="dimmed">
            {t('domain.zoneOf')}
          </Text>
        )}
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
