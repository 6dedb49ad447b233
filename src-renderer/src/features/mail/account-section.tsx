import { Anchor, Button, Group, List, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core'
import { IconExternalLink, IconPlus } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router-dom'
import type { OwnedService } from '../../../../src-shared/schemas/accounts'
import { ActiveBadge } from '../../components/active-badge'
import { WriteLinkButton } from '../../components/write-link-button'
import { toUnicodeEmail } from './unicode-email'

function SectionHeader(props: { title: string; listTo: string; newTo: string; newLabel: string }) {
  const { t } = useTranslation()
  return (
    <Group justify="space-between">
      <Title order={5}>{props.title}</Title>
      <Group gap="xs">
        <Button
          variant="subtle"
          size="xs"
          component={Link}
          to={props.listTo}
          rightSection={<IconExternalLink size={14} />}
        >
          {t('mail.account.all')}
        </Button>
        <WriteLinkButton
          to={props.newTo}
          size="xs"
          variant="light"
          leftSection={<IconPlus size={14} />}
        >
          {props.newLabel}
        </WriteLinkButton>
      </Group>
    </Group>
  )
}

/** The account page's section for its mailboxes and addresses; absent when it has none. */
export function AccountMail({
  accountId,
  services,
}: {
  accountId: number
  services: OwnedService[]
}) {
  const { t } = useTranslation()
  const mailboxes = services.filter((service) => service.kind === 'mailbox')
  const addressRows = services.filter((service) => service.kind === 'mailAddress')
  if (mailboxes.length === 0 && addressRows.length === 0) return null

  return (
    <Paper withBorder p="lg" component="section" aria-label={t('mail.account.title')}>
      <Stack gap="md">
        <Title order={4}>{t('mail.account.title')}</Title>
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
          <Stack gap="xs" aria-label={t('mail.mailboxes.title')} component="section">
            <SectionHeader
              title={`${t('mail.mailboxes.title')} (${mailboxes.length})`}
              listTo={`/services/mailboxes?account=${accountId}`}
              newTo={`/services/mailboxes/new?account=${accountId}`}
              newLabel={t('mail.mailboxes.new')}
            />
            <List size="sm" spacing={4}>
              {mailboxes.map((mailbox) => (
                <List.Item key={mailbox.id}>
                  <Group gap="xs">
                    <Anchor component={Link} to={`/services/mailboxes/${mailbox.id}`} size="sm">
                      {mailbox.name}
                    </Anchor>
                    {!mailbox.isActive && <ActiveBadge active={false} />}
                  </Group>
                </List.Item>
              ))}
            </List>
          </Stack>
          <Stack gap="xs" aria-label={t('mail.addresses.title')} component="section">
            <SectionHeader
              title={`${t('mail.addresses.title')} (${addressRows.length})`}
              listTo={`/services/mail-addresses?account=${accountId}`}
              newTo={`/services/mail-addresses/new?account=${accountId}`}
              newLabel={t('mail.addresses.new')}
            />
            {addressRows.length === 0 && (
              <Text size="sm" c="dimmed">
                {t('mail.account.noAddresses')}
              </Text>
            )}
            <List size="sm" spacing={4}>
              {addressRows.map((address) => (
                <List.Item key={address.id}>
                  <Anchor component={Link} to={`/services/mail-addresses/${address.id}`} size="sm">
                    {toUnicodeEmail(address.name)}
                  </Anchor>
                </List.Item>
              ))}
            </List>
          </Stack>
        </SimpleGrid>
      </Stack>
    </Paper>
  )
}
