import { Anchor, DataList, Paper, Text, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { Contact } from '../../../../src-shared/schemas/contacts'
import { countryName } from '../../lib/countries'
import type en from '../../i18n/en.json'
import { UsageBadges } from './usage-badges'

type DetailField = keyof typeof en.contact.fields

export function ContactDetailsCard({ contact }: { contact: Contact }) {
  const { t } = useTranslation()
  const none = (
    <Text span size="sm" c="dimmed">
      {t('common.none')}
    </Text>
  )
  const item = (field: DetailField, value: React.ReactNode) => (
    <DataList.Item>
      <DataList.ItemLabel>{t(`contact.fields.${field}`)}</DataList.ItemLabel>
      <DataList.ItemValue>{value || none}</DataList.ItemValue>
    </DataList.Item>
  )

  return (
    <Paper withBorder p="lg">
      <Title order={4} mb="md">
        {t('contact.details')}
      </Title>
      <DataList labelWidth={160} withDivider>
        {item('shortName', contact.shortName)}
        {item('fullName', contact.fullName)}
        {item(
          'email',
          <Anchor href={`mailto:${contact.email}`} size="sm">
            {contact.email}
          </Anchor>,
        )}
        {item('emailUsage', <UsageBadges usages={contact.emailUsage} />)}
        {item('phone', contact.phone)}
        {item('phone2', contact.phone2)}
        {item('address', contact.address)}
        {item('zipcode', contact.zipcode)}
        {item('city', contact.city)}
        {item('country', countryName(contact.country))}
      </DataList>
    </Paper>
  )
}
