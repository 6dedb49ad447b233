import { Anchor, Button, Group, List, Paper, Stack, Title } from '@mantine/core'
import { IconExternalLink, IconPlus } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router-dom'
import type { OwnedService } from '../../../../src-shared/schemas/accounts'
import { WriteLinkButton } from '../../components/write-link-button'
import { DomainName } from './domain-name'

/** The domains among an account's services, linked to their pages; absent when it has none. */
export function AccountDomains({
  accountId,
  services,
}: {
  accountId: number
  services: OwnedService[]
}) {
  const { t } = useTranslation()
  const domains = services.filter((service) => service.kind === 'domain')
  if (domains.length === 0) return null

  return (
    <Paper withBorder p="lg" component="section" aria-label={t('domain.accountDomains')}>
      <Stack gap="md">
        <Group justify="space-between">
          <Title order={4}>
            {t('domain.accountDomains')} ({domains.length})
          </Title>
          <Group gap="xs">
            <Button
              variant="subtle"
              size="xs"
              component={Link}
              to={`/services/domains?account=${accountId}`}
              rightSection={<IconExternalLink size={14} />}
            >
              {t('domain.allDomains')}
            </Button>
            <WriteLinkButton
              to={`/services/domains/new?account=${accountId}`}
              size="xs"
              variant="light"
              leftSection={<IconPlus size={14} />}
            >
              {t('domains.new')}
            </WriteLinkButton>
          </Group>
        </Group>
        <List size="sm" spacing={4}>
          {domains.map((domain) => (
            <List.Item key={domain.id}>
              <Anchor component={Link} to={`/services/domains/${domain.id}`} size="sm">
                <DomainName name={domain.name} />
              </Anchor>
            </List.Item>
          ))}
        </List>
      </Stack>
    </Paper>
  )
}
