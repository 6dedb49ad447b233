import { Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { Domain } from '../../../../src-shared/schemas/domains'
import { SOA_FIELDS } from './domain-form-values'

function Timer({ label, value }: { label: string; value: string }) {
  const { t } = useTranslation()
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" ff="monospace" c={value ? undefined : 'dimmed'}>
        {value || t('domain.defaultValue')}
      </Text>
    </div>
  )
}

/** The SOA's serial and timers; blank timers take the DOMAINS_DEFAULT_… settings. */
export function DomainSoaCard({ domain }: { domain: Domain }) {
  const { t } = useTranslation()

  return (
    <Paper withBorder p="lg" component="section" aria-label={t('domain.soaTitle')}>
      <Stack gap="md">
        <Title order={4}>{t('domain.soaTitle')}</Title>
        <SimpleGrid cols={{ base: 2, sm: 5 }} spacing="md">
          <Timer label={t('domain.serial')} value={String(domain.serial)} />
          {SOA_FIELDS.map((field) => (
            <Timer key={field} label={t(`domainForm.${field}`)} value={domain[field]} />
          ))}
        </SimpleGrid>
      </Stack>
    </Paper>
  )
}
