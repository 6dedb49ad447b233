import { Anchor, Button, Group, List, Paper, Stack, Title } from '@mantine/core'
import { IconExternalLink, IconPlus } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router-dom'
import type { OwnedService } from '../../../../src-shared/schemas/accounts'
import { WriteLinkButton } from '../../components/write-link-button'

/** The account page's section for its SaaS tenants; absent when it has none. */
export function AccountSaas({
  accountId,
  services,
}: {
  accountId: number
  services: OwnedService[]
}) {
  const { t } = useTranslation()
  const tenants = services.filter((service) => service.kind === 'saasTenant')
  if (!tenants.length) return null

  return (
    <Paper withBorder p="lg" component="section" aria-label={t('saas.accountSection')}>
      <Stack gap="md">
        <Group justify="space-between">
          <Title order={4}>
            {t('saas.accountSection')} ({tenants.length})
          </Title>
          <Group gap="xs">
            <Button
              variant="subtle"
              size="xs"
              component={Link}
              to={`/services/saas?account=${accountId}`}
              rightSection={<IconExternalLink size={14} />}
            >
              {t('saas.allTenants')}
            </Button>
            <WriteLinkButton
              to={`/services/saas/new?account=${accountId}`}
              size="xs"
              variant="light"
              leftSection={<IconPlus size={14} />}
            >
              {t('saas.new')}
            </WriteLinkButton>
          </Group>
        </Group>
        <List size="sm" spacing={4}>
          {tenants.map((tenant) => (
            <List.Item key={tenant.id}>
              <Anchor component={Link} to={`/services/saas/${tenant.id}`} size="sm" ff="monospace">
                {tenant.name}
              </Anchor>
            </List.Item>
          ))}
        </List>
      </Stack>
    </Paper>
  )
}
