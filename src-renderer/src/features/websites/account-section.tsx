import { Anchor, Button, Group, List, Paper, Stack, Title } from '@mantine/core'
import { IconExternalLink, IconPlus } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router-dom'
import type { OwnedService } from '../../../../src-shared/schemas/accounts'
import { ActiveBadge } from '../../components/active-badge'
import { WriteLinkButton } from '../../components/write-link-button'

/** Websites (spec 6) of one account, on its page; absent without any. */
export function AccountWebsites({
  accountId,
  services,
}: {
  accountId: number
  services: OwnedService[]
}) {
  const { t } = useTranslation()
  const sites = services.filter((service) => service.kind === 'website')
  if (sites.length === 0) return null
  const title = t('websites.account.title')

  return (
    <Paper withBorder p="lg" component="section" aria-label={title}>
      <Stack gap="md">
        <Group justify="space-between">
          <Title order={4}>
            {title} ({sites.length})
          </Title>
          <Group gap="xs">
            <Button
              variant="subtle"
              size="xs"
              component={Link}
              to={`/services/websites?account=${accountId}`}
              rightSection={<IconExternalLink size={14} />}
            >
              {t('websites.account.all')}
            </Button>
            <WriteLinkButton
              to={`/services/websites/new?account=${accountId}`}
              size="xs"
              variant="light"
              leftSection={<IconPlus size={14} />}
            >
              {t('websites.new')}
            </WriteLinkButton>
          </Group>
        </Group>
        <List size="sm" spacing={6} listStyleType="none">
          {sites.map((site) => (
            <List.Item key={site.id}>
              <Group gap="xs">
                <Anchor component={Link} to={`/services/websites/${site.id}`} size="sm">
                  {site.name}
                </Anchor>
                {!site.isActive && <ActiveBadge active={false} />}
              </Group>
            </List.Item>
          ))}
        </List>
      </Stack>
    </Paper>
  )
}
