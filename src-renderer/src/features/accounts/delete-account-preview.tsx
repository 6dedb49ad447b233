import { Alert, List, Stack, Text } from '@mantine/core'
import { IconBan } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import type { AccountDeletePreview as Preview } from '../../../../src-shared/schemas/accounts'
import { contactDisplayName } from '../../../../src-shared/schemas/contacts'
import { objectDisplayName, objectKindLabel } from '../../lib/service-objects'

/** What goes with the account, and what stands in the way of deleting it. */
export function DeleteAccountPreview({ preview }: { preview: Preview }) {
  const { t } = useTranslation()
  const { contacts, services, blockers } = preview

  return (
    <Stack gap="sm">
      {blockers.length > 0 && (
        <Alert color="red" icon={<IconBan />} title={t('deleteAccount.blockersTitle')} role="alert">
          <List size="sm">
            {blockers.map((blocker) => (
              <List.Item key={blocker}>{blocker}</List.Item>
            ))}
          </List>
        </Alert>
      )}
      <Text size="sm">{t('deleteAccount.intro')}</Text>
      <div>
        <Text size="sm" fw={600}>
          {t('deleteAccount.contacts', { count: contacts.length })}
        </Text>
        <List size="sm" withPadding>
          {contacts.map((contact) => (
            <List.Item key={contact.id}>
              {contactDisplayName(contact)} · {contact.email}
            </List.Item>
          ))}
        </List>
      </div>
      <div>
        <Text size="sm" fw={600}>
          {services.length > 0
            ? t('deleteAccount.services', { count: services.length })
            : t('deleteAccount.noServices')}
        </Text>
        <List size="sm" withPadding>
          {services.map((service) => (
            <List.Item key={`${service.kind}:${service.id}`}>
              {objectKindLabel(service.kind)}: {objectDisplayName(service.kind, service.name)}
            </List.Item>
          ))}
        </List>
      </div>
      <Text size="xs" c="dimmed">
        {t('deleteAccount.historyKept')}
      </Text>
    </Stack>
  )
}
