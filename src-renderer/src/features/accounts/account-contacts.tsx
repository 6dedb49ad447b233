import { useState } from 'react'
import { Button, Group, Paper, Stack, Title } from '@mantine/core'
import { IconExternalLink, IconPlus } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router-dom'
import type { Account } from '../../../../src-shared/schemas/accounts'
import type { Contact } from '../../../../src-shared/schemas/contacts'
import { ContactCard } from '../contacts/contact-card'
import { ContactFormModal } from '../contacts/contact-form-modal'
import { DeleteContactModal } from '../contacts/delete-contact-modal'
import { useReadOnly } from '../../hooks/use-read-only'

interface AccountContactsProps {
  account: Account
  contacts: Contact[]
}

// The contact stays set while a dialog closes, so its title does not change mid-animation.
interface Dialog {
  opened: boolean
  contact?: Contact
}

const CLOSED: Dialog = { opened: false }

export function AccountContacts({ account, contacts }: AccountContactsProps) {
  const { t } = useTranslation()
  const readOnly = useReadOnly()
  const [editing, setEditing] = useState<Dialog>(CLOSED)
  const [deleting, setDeleting] = useState<Dialog>(CLOSED)
  const handleEdit = (contact?: Contact) => setEditing({ opened: true, contact })
  const handleDelete = (contact: Contact) => setDeleting({ opened: true, contact })

  return (
    <Paper withBorder p="lg" component="section" aria-label={t('account.contactsTitle')}>
      <Stack gap="md">
        <Group justify="space-between">
          <Title order={4}>
            {t('account.contactsTitle')} ({contacts.length})
          </Title>
          <Group gap="xs">
            <Button
              variant="subtle"
              size="xs"
              component={Link}
              to={`/contacts?account=${account.id}`}
              rightSection={<IconExternalLink size={14} />}
            >
              {t('account.allContacts')}
            </Button>
            <Button
              size="xs"
              variant="light"
              leftSection={<IconPlus size={14} />}
              onClick={() => handleEdit()}
              disabled={readOnly}
            >
              {t('account.addContact')}
            </Button>
          </Group>
        </Group>
        <Stack gap="sm">
          {contacts.map((contact) => (
            <ContactCard
              key={contact.id}
              contact={contact}
              onEdit={handleEdit}
              onDelete={handleDelete}
            />
          ))}
        </Stack>
      </Stack>
      <ContactFormModal
        opened={editing.opened}
        onClose={() => setEditing({ ...editing, opened: false })}
        accountId={account.id}
        contact={editing.contact}
      />
      <DeleteContactModal
        opened={deleting.opened}
        contact={deleting.contact}
        accountName={account.username}
        onClose={() => setDeleting({ ...deleting, opened: false })}
      />
    </Paper>
  )
}
