import { ActionIcon, Anchor, Group, Paper, Stack, Text, Tooltip } from '@mantine/core'
import { IconMapPin, IconPencil, IconPhone, IconTrash } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router-dom'
import { contactDisplayName, type Contact } from '../../../../src-shared/schemas/contacts'
import { countryName } from '../../lib/countries'
import { UsageBadges } from './usage-badges'
import { useReadOnly } from '../../hooks/use-read-only'

interface ContactCardProps {
  contact: Contact
  onEdit: (contact: Contact) => void
  onDelete: (contact: Contact) => void
}

function postalLine(contact: Contact): string {
  const place = [contact.zipcode, contact.city].filter(Boolean).join(' ')
  return [contact.address, place, countryName(contact.country)].filter(Boolean).join(', ')
}

export function ContactCard({ contact, onEdit, onDelete }: ContactCardProps) {
  const { t } = useTranslation()
  const readOnly = useReadOnly()
  const name = contactDisplayName(contact)
  const phones = [contact.phone, contact.phone2].filter(Boolean).join(' · ')
  const postal = postalLine(contact)

  return (
    <Paper withBorder p="md" component="article" aria-label={name}>
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Stack gap={6} miw={0}>
          <Group gap="xs">
            <Anchor component={Link} to={`/contacts/${contact.id}`} fw={600}>
              {name}
            </Anchor>
            {contact.fullName && contact.shortName !== contact.fullName && (
              <Text size="sm" c="dimmed">
                {contact.shortName}
              </Text>
            )}
          </Group>
          <Anchor href={`mailto:${contact.email}`} size="sm">
            {contact.email}
          </Anchor>
          <UsageBadges usages={contact.emailUsage} />
          {phones && (
            <Group gap={6} c="dimmed">
              <IconPhone size={14} />
              <Text size="sm">{phones}</Text>
            </Group>
          )}
          {postal && (
            <Group gap={6} c="dimmed" wrap="nowrap">
              <IconMapPin size={14} />
              <Text size="sm">{postal}</Text>
            </Group>
          )}
        </Stack>
        <Group gap={4} wrap="nowrap">
          <Tooltip label={t('contactForm.editTitle', { name })}>
            <ActionIcon
              variant="subtle"
              aria-label={t('contactForm.editTitle', { name })}
              onClick={() => onEdit(contact)}
              disabled={readOnly}
            >
              <IconPencil size={16} />
            </ActionIcon>
          </Tooltip>
          <Tooltip label={t('contact.deleteTitle', { name })}>
            <ActionIcon
              variant="subtle"
              color="red"
              aria-label={t('contact.deleteTitle', { name })}
              onClick={() => onDelete(contact)}
              disabled={readOnly}
            >
              <IconTrash size={16} />
            </ActionIcon>
          </Tooltip>
        </Group>
      </Group>
    </Paper>
  )
}
