import { Anchor, Button, Group, List, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core'
import { IconExternalLink, IconPlus } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router-dom'
import type { OwnedService } from '../../../../src-shared/schemas/accounts'
import { ActiveBadge } from '../../components/active-badge'
import { WriteLinkButton } from '../../components/write-link-button'

interface ColumnProps {
  title: string
  items: OwnedService[]
  path: string
  allLabel: string
  newLabel: string
  accountId: number
}

function Column({ title, items, path, allLabel, newLabel, accountId }: ColumnProps) {
  return (
    <Stack gap="xs">
      <Group justify="space-between">
        <Text size="sm" fw={600}>
          {title} ({items.length})
        </Text>
        <Group gap={4}>
          <Button
            variant="subtle"
            size="xs"
            component={Link}
            to={`${path}?account=${accountId}`}
            rightSection={<IconExternalLink size={14} />}
          >
            {allLabel}
          </Button>
          <WriteLinkButton
            to={`${path}/new?account=${accountId}`}
            size="xs"
            variant="light"
            leftSection={<IconPlus size={14} />}
          >
            {newLabel}
          </WriteLinkButton>
        </Group>
      </Group>
      <List size="sm" spacing={4} listStyleType="none">
        {items.map((item) => (
          <List.Item key={item.id}>
            <Group gap="xs">
              <Anchor component={Link} to={`${path}/${item.id}`} size="sm" ff="monospace">
                {item.name}
              </Anchor>
              {!item.isActive && <ActiveBadge active={false} />}
            </Group>
          </List.Item>
        ))}
      </List>
    </Stack>
  )
}

/** The account page's section for its VPS and miscellaneous services; absent without any. */
export function AccountOtherServices({
  accountId,
  services,
}: {
  accountId: number
  services: OwnedService[]
}) {
  const { t } = useTranslation()
  const vps = services.filter((service) => service.kind === 'vps')
  const misc = services.filter((service) => service.kind === 'miscellaneous')
  if (vps.length + misc.length === 0) return null
  const title = t('otherServices.section.title')

  return (
    <Paper withBorder p="lg" component="section" aria-label={title}>
      <Stack gap="md">
        <Title order={4}>{title}</Title>
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
          <Column
            title={t('otherServices.vps.title')}
            items={vps}
            path="/services/vps"
            allLabel={t('otherServices.section.allVps')}
            newLabel={t('otherServices.vps.new')}
            accountId={accountId}
          />
          <Column
            title={t('otherServices.misc.title')}
            items={misc}
            path="/services/miscellaneous"
            allLabel={t('otherServices.section.allMisc')}
            newLabel={t('otherServices.misc.new')}
            accountId={accountId}
          />
        </SimpleGrid>
      </Stack>
    </Paper>
  )
}
