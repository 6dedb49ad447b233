import { Anchor, List, Paper, Stack, Text, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router-dom'
import type { Domain } from '../../../../src-shared/schemas/domains'
import { QueryError } from '../../components/query-error'
import { toUnicodeName } from '../../lib/domain-unicode'
import { useSubdomains } from './use-subdomains'

export function DomainSubdomains({ domain }: { domain: Domain }) {
  const { t } = useTranslation()
  const subdomains = useSubdomains(domain)

  return (
    <Paper withBorder p="lg" component="section" aria-label={t('domain.subdomainsTitle')}>
      <Stack gap="md">
        <Title order={4}>
          {t('domain.subdomainsTitle')} ({subdomains.total})
        </Title>
        {subdomains.isError && (
          <QueryError error={subdomains.error} onRetry={() => void subdomains.refetch()} />
        )}
        {subdomains.isSuccess && subdomains.rows.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('domain.noSubdomains')}
          </Text>
        )}
        <List size="sm">
          {subdomains.rows.map((row) => (
            <List.Item key={row.id}>
              <Anchor component={Link} to={`/services/domains/${row.id}`} size="sm">
                {toUnicodeName(row.name)}
              </Anchor>
            </List.Item>
          ))}
        </List>
        {subdomains.total > subdomains.rows.length && (
          <Anchor
            component={Link}
            to={`/services/domains?q=${encodeURIComponent(domain.name)}`}
            size="sm"
          >
            {t('domain.moreSubdomains', { count: subdomains.total - subdomains.rows.length })}
          </Anchor>
        )}
      </Stack>
    </Paper>
  )
}
