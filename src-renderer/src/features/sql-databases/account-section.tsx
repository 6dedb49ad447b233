import { Anchor, Button, Group, List, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core'
import { IconExternalLink, IconPlus } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router-dom'
import type { OwnedService } from '../../../../src-shared/schemas/accounts'
import { WriteLinkButton } from '../../components/write-link-button'

function ServiceList({ items, path }: { items: OwnedService[]; path: string }) {
  return (
    <List size="sm" spacing={4}>
      {items.map((item) => (
        <List.Item key={item.id}>
          <Anchor component={Link} to={`${path}/${item.id}`} size="sm" ff="monospace">
            {item.name}
          </Anchor>
        </List.Item>
      ))}
    </List>
  )
}

/** The account page's section for its databases and database users; absent when it has none. */
export function AccountSqlDatabases({
  accountId,
  services,
}: {
  accountId: number
  services: OwnedService[]
}) {
  const { t } = useTranslation()
  const databases = services.filter((service) => service.kind === 'sqlDatabase')
  const users = services.filter((service) => service.kind === 'sqlUser')
  if (databases.length + users.length === 0) return null

  return (
    <Paper withBorder p="lg" component="section" aria-label={t('sqlDatabase.accountSection')}>
      <Stack gap="md">
        <Group justify="space-between">
          <Title order={4}>
            {t('sqlDatabase.accountSection')} ({databases.length})
          </Title>
          <Group gap="xs">
            <Button
              variant="subtle"
              size="xs"
              component={Link}
              to={`/services/databases?account=${accountId}`}
              rightSection={<IconExternalLink size={14} />}
            >
              {t('sqlDatabase.allDatabases')}
            </Button>
            <WriteLinkButton
              to={`/services/databases/new?account=${accountId}`}
              size="xs"
              variant="light"
              leftSection={<IconPlus size={14} />}
            >
              {t('sqlDatabases.new')}
            </WriteLinkButton>
          </Group>
        </Group>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <ServiceList items={databases} path="/services/databases" />
          <Stack gap={4}>
            <Text size="sm" fw={600}>
              {t('sqlDatabase.accountUsers')} ({users.length})
            </Text>
            <ServiceList items={users} path="/services/databases/users" />
          </Stack>
        </SimpleGrid>
      </Stack>
    </Paper>
  )
}
