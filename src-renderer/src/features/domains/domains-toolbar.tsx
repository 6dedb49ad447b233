import { Checkbox, Group } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { SearchInput } from '../../components/search-input'
import type { ParamPatch } from '../../hooks/use-list-params'
import { AccountSelect } from './account-select'

interface DomainsToolbarProps {
  q: string
  account: string | null
  topOnly: boolean
  onChange: (patch: ParamPatch) => void
}

export function DomainsToolbar({ q, account, topOnly, onChange }: DomainsToolbarProps) {
  const { t } = useTranslation()

  return (
    <Group gap="sm" align="flex-end" wrap="wrap">
      <SearchInput
        value={q}
        onChange={(text) => onChange({ q: text })}
        label={t('domains.searchLabel')}
        placeholder={t('domains.searchPlaceholder')}
      />
      <AccountSelect
        label={t('domains.filterAccount')}
        placeholder={t('domains.filterAccountAll')}
        value={account}
        onChange={(value) => onChange({ account: value })}
        w={200}
      />
      <Checkbox
        label={t('domains.kindTop')}
        checked={topOnly}
        onChange={(event) => onChange({ top: event.currentTarget.checked ? '1' : null })}
        mb={8}
      />
    </Group>
  )
}
