import { Button, Group, MultiSelect } from '@mantine/core'
import { IconX } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { EMAIL_USAGES, type EmailUsage } from '../../../../src-shared/schemas/contacts'
import { SearchInput } from '../../components/search-input'
import type { ParamPatch } from '../../hooks/use-list-params'

interface ContactsToolbarProps {
  q: string
  usages: EmailUsage[]
  accountId?: number
  onChange: (patch: ParamPatch) => void
}

export function ContactsToolbar({ q, usages, accountId, onChange }: ContactsToolbarProps) {
  const { t } = useTranslation()
  const usageOptions = EMAIL_USAGES.map((usage) => ({
    value: usage,
    label: t(`emailUsages.${usage}`),
  }))

  return (
    <Group gap="sm" align="flex-end" wrap="wrap">
      <SearchInput
        value={q}
        onChange={(text) => onChange({ q: text })}
        label={t('contacts.searchLabel')}
        placeholder={t('contacts.searchPlaceholder')}
      />
      <MultiSelect
        label={t('contacts.filterUsage')}
        placeholder={usages.length ? undefined : t('contacts.filterUsagePlaceholder')}
        data={usageOptions}
        value={usages}
        onChange={(values) => onChange({ usages: values.join(',') })}
        clearable
        miw={240}
        maw={420}
      />
      {accountId !== undefined && (
        <Button
          variant="light"
          rightSection={<IconX size={14} />}
          onClick={() => onChange({ account: null })}
          aria-label={t('contacts.removeAccountFilter')}
        >
          {t('contacts.filterAccount', { id: accountId })}
        </Button>
      )}
    </Group>
  )
}
