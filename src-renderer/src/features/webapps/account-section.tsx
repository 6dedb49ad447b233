import { Anchor, Button, Group, List, Paper, Stack, Title } from '@mantine/core'
import { IconExternalLink, IconPlus } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router-dom'
import type { OwnedService } from '../../../../src-shared/schemas/accounts'
import { WriteLinkButton } from '../../components/write-link-button'

/** Web apps (spec 5) of one account, on its page; absent when it has none. */
export function AccountWebapps({
  accountId,
  services,
}: {
  accountId: number
  services: OwnedService[]
}) {
  const { t } = useTranslation()
  const apps = services.filter((service) => service.kind === 'webapp')
  if (apps.length === 0) return null

  return (
    <Paper withBorder p="lg" component="section" aria-label={t('webapps.accountSection')}>
      <Stack gap="md">
        <Group justify="space-between">
          <Title order={4}>
            {t('webapps.accountSection')} ({apps.length})
          </Title>
          <Group gap="xs">
            <Button
              variant="subtle"
              size="xs"
              component={Link}
              to={`/services/webapps?account=${accountId}`}
              rightSection={<IconExternalLink size={14} />}
            >
              {t('webapps.allWebapps')}
            </Button>
            <WriteLinkButton
              to={`/services/webapps/new?account=${accountId}`}
              size="xs"
              variant="light"
              leftSection={<IconPlus size={14} />}
            >
              {t('webapps.new')}
            </WriteLinkButton>
          </Group>
        </Group>
        <List size="sm" spacing={4}>
          {apps.map((app) => (
            <List.Item key={app.id}>
              <Anchor component={Link} to={`/services/webapps/${app.id}`} size="sm" ff="monospace">
                {app.name}
              </Anchor>
            </List.Item>
          ))}
        </List>
      </Stack>
    </Paper>
  )
}
