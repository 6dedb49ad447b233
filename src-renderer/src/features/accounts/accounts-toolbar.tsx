import { Group, Select } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { SearchInput } from '../../components/search-input'
import type { ParamPatch } from '../../hooks/use-list-params'
import { accountTypeOptions } from './options'

interface AccountsToolbarProps {
  q: string
  type: string | null
  status: string | null
  onChange: (patch: ParamPatch) => void
}

export function AccountsToolbar({ q, type, status, onChange }: AccountsToolbarProps) {
  const { t } = useTranslation()
  const statusOptions = [
    { value: 'active', label: t('common.active') },
    { value: 'disabled', label: t('common.disabled') },
  ]

  return (
    <Group gap="sm" align="flex-end" wrap="wrap">
      <SearchInput
        value={q}
        onChange={(text) => onChange({ q: text })}
        label={t('accounts.searchLabel')}
        placeholder={t('accounts.searchPlaceholder')}
      />
      <Select
        label={t('accounts.filterType')}
        placeholder={t('accounts.filterTypeAll')}
        data={accountTypeOptions()}
        value={type}
        onChange={(value) => onChange({ type: value })}
        clearable
        w={180}
      />
      <Select
        label={t('accounts.filterStatus')}
        placeholder={t('common.all')}
        data={statusOptions}
        value={status}
        onChange={(value) => onChange({ status: value })}
        clearable
        w={150}
      />
    </Group>
  )
}
