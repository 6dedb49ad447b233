import { Anchor, Button, Group, List, Paper, Stack, Title } from '@mantine/core'
import { IconExternalLink, IconPlus } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router-dom'
import type { OwnedService } from '../../../../src-shared/schemas/accounts'
import { ActiveBadge } from '../../components/active-badge'
import { WriteLinkButton } from '../../components/write-link-button'

/** Mailing lists (spec 7) of one account, on its page; absent when it has none. */
export function AccountMailingLists(props: { accountId: number; services: OwnedService[] }) {
  const { accountId } = props
  const { t } = useTranslation()
  const lists = props.services.filter((service) => service.kind === 'mailingList')
  if (lists.length === 0) return null

  return (
    <Paper withBorder p="lg" component="section" aria-label={t('mailingLists.title')}>
      <Stack gap="md">
        <Group justify="space-between">
          <Title order={4}>
            {t('mailingLists.title')} ({lists.length})
          </Title>
          <Group gap="xs">
            <Button
              variant="subtle"
              size="xs"
              component={Link}
              to={`/services/mailing-lists?account=${accountId}`}
              rightSection={<IconExternalLink size={14} />}
            >
              {t('mailingLists.account.all')}
            </Button>
            <WriteLinkButton
              to={`/services/mailing-lists/new?account=${accountId}`}
              size="xs"
              variant="light"
              leftSection={<IconPlus size={14} />}
            >
              {t('mailingLists.new')}
            </WriteLinkButton>
          </Group>
        </Group>
        <List size="sm" spacing={4}>
          {lists.map((list) => (
            <List.Item key={list.id}>
              <Group gap="xs">
                <Anchor component={Link} to={`/services/mailing-lists/${list.id}`} size="sm">
                  {list.name}
                </Anchor>
                {!list.isActive && <ActiveBadge active={false} />}
              </Group>
            </List.Item>
          ))}
        </List>
      </Stack>
    </Paper>
  )
}
