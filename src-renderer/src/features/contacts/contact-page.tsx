import { Anchor, Button, Group, Stack, Text, Title } from '@mantine/core'
import { useDisclosure } from '@mantine/hooks'
import { IconPencil, IconTrash, IconUser } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate, useParams } from 'react-router-dom'
import { contactDisplayName, type Contact } from '../../../../src-shared/schemas/contacts'
import { useChannelQuery } from '../../api/queries'
import { Page } from '../../components/page'
import { PageLoader } from '../../components/page-loader'
import { HistoryPanel } from '../history/history-panel'
import { ContactDetailsCard } from './contact-details-card'
import { ContactFormModal } from './contact-form-modal'
import { ContactLoadError } from './contact-load-error'
import { DeleteContactModal } from './delete-contact-modal'

function AccountLink({ contact, username }: { contact: Contact; username?: string }) {
  const { t } = useTranslation()
  return (
    <Group gap={6}>
      <IconUser size={14} />
      <Text size="sm" c="dimmed">
        {t('contact.account')}:
      </Text>
      <Anchor component={Link} to={`/accounts/${contact.accountId}`} size="sm" fw={600}>
        {username ?? `#${contact.accountId}`}
      </Anchor>
    </Group>
  )
}

export function ContactPage() {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const id = Number(useParams().id)
  const [editing, editDialog] = useDisclosure(false)
  const [deleting, deleteDialog] = useDisclosure(false)
  const query = useChannelQuery('contacts:get', { id }, { enabled: id > 0 })
  const accountId = query.data?.accountId ?? 0
  const account = useChannelQuery('accounts:get', { id: accountId }, { enabled: accountId > 0 })

  if (query.isError || !(id > 0))
    return <ContactLoadError error={query.error} onRetry={query.refetch} />
  if (!query.data) return <PageLoader />
  const contact = query.data
  const username = account.data?.account.username

  return (
    <Page
      title={contactDisplayName(contact)}
      description={contact.email}
      crumbs={[{ label: t('contacts.title'), to: '/contacts' }]}
      badges={<AccountLink contact={contact} username={username} />}
      ready={!query.isFetching}
      actions={
        <>
          <Button leftSection={<IconPencil size={16} />} onClick={editDialog.open}>
            {t('common.edit')}
          </Button>
          <Button
            variant="light"
            color="red"
            leftSection={<IconTrash size={16} />}
            onClick={deleteDialog.open}
          >
            {t('common.delete')}
          </Button>
        </>
      }
    >
      <ContactDetailsCard contact={contact} />
      <Stack gap="sm">
        <Title order={4}>{t('contact.history')}</Title>
        <HistoryPanel scope={{ objectType: 'contact', objectId: contact.id }} withObject={false} />
      </Stack>
      <ContactFormModal
        opened={editing}
        onClose={editDialog.close}
        accountId={contact.accountId}
        contact={contact}
      />
      <DeleteContactModal
        opened={deleting}
        contact={contact}
        accountName={username ?? ''}
        onClose={deleteDialog.close}
        onDeleted={() => navigate(`/accounts/${contact.accountId}`)}
      />
    </Page>
  )
}
