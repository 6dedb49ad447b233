import { Anchor, DataList, Paper, Text, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { Account } from '../../../../src-shared/schemas/accounts'
import { RelativeTime } from '../../components/relative-time'
import { formatDateTime } from '../../lib/dates'
import type en from '../../i18n/en.json'

type DetailField = keyof typeof en.account.fields

function Item({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <DataList.Item>
      <DataList.ItemLabel>{label}</DataList.ItemLabel>
      <DataList.ItemValue>{children}</DataList.ItemValue>
    </DataList.Item>
  )
}

export function AccountDetailsCard({ account }: { account: Account }) {
  const { t } = useTranslation()
  const f = (field: DetailField) => t(`account.fields.${field}`)
  const none = (
    <Text c="dimmed" span size="sm">
      {t('common.none')}
    </Text>
  )

  return (
    <Paper withBorder p="lg">
      <Title order={4} mb="md">
        {t('account.details')}
      </Title>
      <DataList labelWidth={140} withDivider>
        <Item label={f('username')}>{account.username}</Item>
        <Item label={f('fullName')}>{account.fullName}</Item>
        <Item label={f('shortName')}>{account.shortName || none}</Item>
        <Item label={f('email')}>
          <Anchor href={`mailto:${account.email}`} size="sm">
            {account.email}
          </Anchor>
        </Item>
        <Item label={f('type')}>{t(`accountTypes.${account.type}`)}</Item>
        <Item label={f('language')}>{t(`languages.${account.language}`)}</Item>
        <Item label={f('isSuperuser')}>
          {account.isSuperuser ? t('common.yes') : t('common.no')}
        </Item>
        <Item label={f('dateJoined')}>{formatDateTime(account.dateJoined)}</Item>
        <Item label={f('lastLogin')}>
          {account.lastLogin ? <RelativeTime value={account.lastLogin} /> : t('account.never')}
        </Item>
        <Item label={f('comments')}>
          {account.comments ? (
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {account.comments}
            </Text>
          ) : (
            none
          )}
        </Item>
      </DataList>
    </Paper>
  )
}
