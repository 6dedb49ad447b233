import { Anchor, List, Paper, Stack, Text, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { Link, useParams } from 'react-router-dom'
import type { MailboxDetail } from '../../../../src-shared/schemas/mail'
import { useChannelQuery } from '../../api/queries'
import { ActiveBadge } from '../../components/active-badge'
import { Page } from '../../components/page'
import { PageLoader } from '../../components/page-loader'
import { QueryError } from '../../components/query-error'
import { toUnicodeEmail } from './unicode-email'
import { MailboxEditForm } from './mailbox-edit-form'
import { MailDeleteButton } from './mail-delete-button'
import { MailObjectTabs } from './mail-object-tabs'

function MailboxAddresses({ detail }: { detail: MailboxDetail }) {
  const { t } = useTranslation()
  return (
    <Paper withBorder p="lg" component="section" aria-label={t('mail.mailbox.addresses')}>
      <Stack gap="sm">
        <Title order={4}>{t('mail.mailbox.addresses')}</Title>
        {detail.addresses.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('mail.mailbox.noAddresses')}
          </Text>
        )}
        <List size="sm" spacing={4}>
          {detail.addresses.map((address) => (
            <List.Item key={address.id}>
              <Anchor component={Link} to={`/services/mail-addresses/${address.id}`} size="sm">
                {toUnicodeEmail(address.email)}
              </Anchor>
            </List.Item>
          ))}
        </List>
      </Stack>
    </Paper>
  )
}

export function MailboxPage() {
  const { t } = useTranslation()
  const id = Number(useParams().id)
  const query = useChannelQuery('mailboxes:get', { id })
  if (query.isError) {
    return (
      <Page title={t('mail.mailboxes.title')}>
        <QueryError error={query.error} onRetry={() => void query.refetch()} />
      </Page>
    )
  }
  if (!query.data) return <PageLoader />
  const { mailbox } = query.data

  return (
    <Page
      title={mailbox.name}
      description={
        <Anchor component={Link} to={`/accounts/${mailbox.accountId}`} size="sm">
          {mailbox.accountUsername}
        </Anchor>
      }
      crumbs={[{ label: t('mail.mailboxes.title'), to: '/services/mailboxes' }]}
      badges={<ActiveBadge active={mailbox.effectiveActive} />}
      actions={<MailDeleteButton kind="mailboxes" id={mailbox.id} name={mailbox.name} />}
      ready={query.isSuccess && !query.isFetching}
    >
      <MailObjectTabs objectType="mailbox" objectId={mailbox.id}>
        <Stack gap="lg">
          <MailboxAddresses detail={query.data} />
          <MailboxEditForm key={mailbox.version} mailbox={mailbox} />
        </Stack>
      </MailObjectTabs>
    </Page>
  )
}
