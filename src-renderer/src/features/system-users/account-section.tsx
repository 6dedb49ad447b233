import { Anchor, Button, Group, List, Paper, Stack, Title } from '@mantine/core'
import { IconExternalLink, IconPlus } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router-dom'
import type { OwnedService } from '../../../../src-shared/schemas/accounts'
import { useChannelQuery } from '../../api/queries'
import { ActiveBadge } from '../../components/active-badge'
import { WriteLinkButton } from '../../components/write-link-button'
import { RoleBadge } from './role-badge'

/** The account page's section for its system users, the main one marked; absent without any. */
export function AccountSystemUsers({
  accountId,
  services,
}: {
  accountId: number
  services: OwnedService[]
}) {
  const { t } = useTranslation()
  const count = services.filter((service) => service.kind === 'systemUser').length
  // The list says which user is the main one; the services only name them.
  const query = useChannelQuery(
    'systemUsers:list',
    { accountId, pageSize: 200 },
    { enabled: count > 0 },
  )
  if (count === 0) return null
  const rows = query.data?.rows ?? []
  const title = t('systemUsers.account.title')

  return (
    <Paper withBorder p="lg" component="section" aria-label={title}>
      <Stack gap="md">
        <Group justify="space-between">
          <Title order={4}>
            {title} ({count})
          </Title>
          <Group gap="xs">
            <Button
              variant="subtle"
              size="xs"
              component={Link}
              to={`/services/system-users?account=${accountId}`}
              rightSection={<IconExternalLink size={14} />}
            >
              {t('systemUsers.account.all')}
            </Button>
            <WriteLinkButton
              to={`/services/system-users/new?account=${accountId}`}
              size="xs"
              variant="light"
              leftSection={<IconPlus size={14} />}
            >
              {t('systemUsers.new')}
            </WriteLinkButton>
          </Group>
        </Group>
        <List size="sm" spacing={6} listStyleType="none">
          {rows.map((row) => (
            <List.Item key={row.id}>
              <Group gap="xs">
                <Anchor component={Link} to={`/services/system-users/${row.id}`} size="sm">
                  {row.username}
                </Anchor>
                <RoleBadge role={row.role} />
                {!(row.isActive && row.accountIsActive) && <ActiveBadge active={false} />}
              </Group>
            </List.Item>
          ))}
        </List>
      </Stack>
    </Paper>
  )
}
